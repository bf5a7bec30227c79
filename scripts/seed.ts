// npm run db:seed — migrates, then seeds the Monscobar demo into an empty database. On a
// database that already has people it changes nothing and exits 1, so a script can tell.
import { migrate } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo/seed-demo';
import { closeDb } from '@/lib/db';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (npm start seeds its embedded database by itself.)');
  process.exit(2);
}
await migrate({ databaseUrl: url, log: console.log });
const result = await seedDemo({ log: console.log });
await closeDb();
if (!result.seeded) {
  console.error('Nothing seeded: the demo goes only into an empty database.');
  process.exit(1);
}
