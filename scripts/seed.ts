// npm run db:seed — migrates, then seeds the Monscobar demo into an empty database.
import { migrate } from '@/lib/db/migrate';
import { seedDemo } from '@/lib/demo/seed-demo';
import { db } from '@/lib/db';

const url = process.env.DATABASE_URL;
if (!url) {
  console.error('DATABASE_URL is not set. (npm start seeds its embedded database by itself.)');
  process.exit(2);
}
await migrate({ databaseUrl: url, log: console.log });
await seedDemo({ log: console.log });
await db().$disconnect();
