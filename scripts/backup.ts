// npm run backup [-- --out FILE] — writes a backup of Butin's database while it runs. With
// DATABASE_URL, that database, into the current folder by default; otherwise the embedded one in
// BUTIN_DATA_DIR (.data): the running server found from its postmaster.pid, or started for the
// backup when Butin is stopped; into BUTIN_DATA_DIR/backups by default. See docs/backup.md.
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded-postgres';
import { takeBackup } from '@/lib/backup/backup';
import { backupFileName } from '@/lib/backup/format';
import { runningEmbeddedPort } from '@/lib/backup/embedded-server';

const root = path.resolve(import.meta.dirname, '..');
const { values } = parseArgs({ options: { out: { type: 'string' } } });

let embedded: EmbeddedDb | undefined;
try {
  let databaseUrl = process.env.DATABASE_URL;
  // npm runs scripts from the project's folder; INIT_CWD is where the command was typed.
  const here = process.env.INIT_CWD ?? process.cwd();
  let folder = here;
  if (!databaseUrl) {
    const dataDir = path.resolve(root, process.env.BUTIN_DATA_DIR ?? '.data');
    folder = path.join(dataDir, 'backups');
    const port = runningEmbeddedPort(dataDir);
    if (port) {
      databaseUrl = `postgresql://butin:butin@127.0.0.1:${port}/butin`;
      console.log(`Backing up the running embedded database in ${dataDir}`);
    } else {
      console.log(`Butin is stopped: starting its embedded database in ${dataDir} for the backup`);
      embedded = await startEmbeddedPostgres({ dataDir });
      databaseUrl = embedded.url('butin');
    }
  }
  const file = path.resolve(here, values.out ?? path.join(folder, backupFileName(new Date())));
  const result = await takeBackup({ databaseUrl, file, log: console.log });
  const rows = Object.values(result.manifest.counts).reduce((sum, table) => sum + table.rows, 0);
  console.log(
    `Backup written: ${result.file} (${(result.bytes / 1024).toFixed(0)} KiB, ${rows} rows, ` +
      `schema ${result.manifest.migrations.at(-1)}, ${(result.durationMs / 1000).toFixed(1)} s)`,
  );
} catch (error) {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
} finally {
  await embedded?.stop().catch(() => undefined);
}
