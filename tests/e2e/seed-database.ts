// Run by global-setup.ts in its own process (tsx): empties the e2e database and seeds the
// Monscobar demo with the real seed. A child process because the seed's modules import JSON
// message files, which Playwright's own loader cannot import without import attributes.
import { resetDatabase } from '../support/database';
import { seedDemo } from '../../lib/demo/seed-demo';
import { db } from '../../lib/db';

await resetDatabase();
await seedDemo();
await db().$disconnect();
