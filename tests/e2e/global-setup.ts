// Before the browser tests: an empty database with the Monscobar demo seeded by the real seed
// (tests/e2e/seed-database.ts, run by tsx in a child process).
import { spawnSync } from 'node:child_process';
import path from 'node:path';

export default async function globalSetup() {
  if (!process.env.E2E_DATABASE_URL)
    throw new Error('E2E_DATABASE_URL is not set: run the end-to-end tests through `npm test`.');
  const root = path.resolve(import.meta.dirname, '..', '..');
  const seeded = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), ['tests/e2e/seed-database.ts'], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, DATABASE_URL: process.env.E2E_DATABASE_URL },
  });
  if (seeded.status !== 0) throw new Error(`Seeding the e2e database failed (exit ${seeded.status})`);
}
