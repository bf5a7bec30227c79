// npm run restore -- FILE — loads a backup into an EMPTY database: DATABASE_URL's, or a new
// embedded one in BUTIN_DATA_DIR (.data), initialised for it. Refuses a database that holds data,
// a truncated or altered file, or a backup from a newer Butin, writing nothing. See docs/backup.md.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded-postgres';
import { restoreBackup } from '@/lib/backup/restore';
import { runningEmbeddedPort } from '@/lib/backup/embedded-server';

const root = path.resolve(import.meta.dirname, '..');
const { positionals } = parseArgs({ allowPositionals: true, options: {} });
const [file] = positionals;
if (!file) {
  console.error('Usage: npm run restore -- FILE   (into DATABASE_URL, or a new BUTIN_DATA_DIR)');
  process.exit(2);
}

let embedded: EmbeddedDb | undefined;
try {
  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const dataDir = path.resolve(root, process.env.BUTIN_DATA_DIR ?? '.data');
    if (runningEmbeddedPort(dataDir))
      throw new Error(`Butin is running on ${dataDir}: restore into a new BUTIN_DATA_DIR (or stop it first).`);
    console.log(`Restoring into the embedded database in ${dataDir}`);
    embedded = await startEmbeddedPostgres({ dataDir });
    await embedded.ensureDatabase('butin');
    databaseUrl = embedded.url('butin');
  }
  const result = await restoreBackup({
    databaseUrl,
    // npm runs scripts from the project's folder; INIT_CWD is where the command was typed.
    file: path.resolve(process.env.INIT_CWD ?? process.cwd(), file),
    migrationsDir: path.join(root, 'prisma', 'migrations'),
    log: console.log,
  });
  console.log(
    `Restored ${result.rows} rows from ${result.manifest.createdAt} (schema ${result.manifest.migrations.at(-1)}); ` +
      `counts and checksums verified${result.laterMigrations.length ? `; then applied ${result.laterMigrations.length} newer migration(s)` : ''} ` +
      `in ${(result.durationMs / 1000).toFixed(1)} s.`,
  );
} catch (error) {
  console.error(`Restore refused: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await embedded?.stop().catch(() => undefined);
}
