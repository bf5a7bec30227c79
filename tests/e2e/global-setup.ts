// Before the browser tests: an empty database with the Monscobar demo seeded by the real seed.
export default async function globalSetup() {
  if (!process.env.E2E_DATABASE_URL)
    throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests through `npm test`.');
  process.env.DATABASE_URL = process.env.E2E_DATABASE_URL;
  const { resetDatabase } = await import('../support/database');
  const { seedDemo } = await import('../../lib/demo/seed-demo');
  const { db } = await import('../../lib/db');
  await resetDatabase();
  await seedDemo();
  await db().$disconnect();
}
