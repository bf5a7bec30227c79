// npm run db:migrate — applies the committed migrations to DATABASE_URL.
import { migrate } from '@/lib/db/migrate';

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set.');
  process.exit(2);
}
const result = await migrate({ databaseUrl: process.env.DATABASE_URL, log: console.log });
console.log(
  result.applied.length ? `Applied ${result.applied.length} migration(s).` : 'The database schema is up to date.',
);
