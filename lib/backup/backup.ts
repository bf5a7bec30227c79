// Takes a backup of a running Butin database: one REPEATABLE READ, READ ONLY transaction (a single
// snapshot, so a contribution is never saved without the history event written with it), every
// table streamed with COPY … TO STDOUT into gzip'd frames (lib/backup/format.ts), never a whole
// table in memory. The file is written beside its final name and renamed once complete, so a
// backup cut short never looks like a good one. See docs/backup.md.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { once } from 'node:events';
import zlib from 'node:zlib';
import pg from 'pg';
import { to as copyTo } from 'pg-copy-streams';
import { BACKUP_FORMAT_VERSION, BACKUP_MAGIC, countLines, encodeFrame, encodeJsonFrame, loadOrder } from './format';
import type { TBackupManifest } from './format';
import { copyOutQuery, foreignKeys, listTables, setCanonicalSession, tableColumns } from './catalog';

export type BackupResult = { file: string; bytes: number; manifest: TBackupManifest; durationMs: number };

export async function takeBackup(options: {
  databaseUrl: string;
  file: string;
  log?: (line: string) => void;
  now?: Date;
}): Promise<BackupResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  const file = path.resolve(options.file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const partial = `${file}.partial`;
  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  const gzip = zlib.createGzip({ level: 6 });
  const output = fs.createWriteStream(partial, { mode: 0o600 });
  const written = new Promise<void>((resolve, reject) => {
    output.on('finish', resolve);
    output.on('error', reject);
    gzip.on('error', reject);
  });
  gzip.pipe(output);
  const write = async (buffer: Buffer) => {
    if (!gzip.write(buffer)) await once(gzip, 'drain');
  };
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    await setCanonicalSession(client);
    const migrations = (
      await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM "_prisma_migrations"
          WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      )
    ).rows.map((row) => row.migration_name);
    if (migrations.length === 0) throw new Error('This database has no Butin migrations: nothing to back up.');
    // Written in the order a restore loads them: a table after those its foreign keys point to.
    const tables = loadOrder(await listTables(client), await foreignKeys(client));
    const header = {
      magic: BACKUP_MAGIC,
      formatVersion: BACKUP_FORMAT_VERSION,
      createdAt: (options.now ?? new Date()).toISOString(),
      migrations,
      tables,
    } as const;
    await write(encodeJsonFrame('H', header));
    const counts: TBackupManifest['counts'] = {};
    for (const table of tables) {
      const columns = await tableColumns(client, table);
      await write(encodeJsonFrame('T', { table, columns }));
      const hash = crypto.createHash('sha256');
      let rows = 0;
      let lastReport = Date.now();
      const stream = client.query(copyTo(await copyOutQuery(client, table, columns)));
      for await (const chunk of stream as AsyncIterable<Buffer>) {
        hash.update(chunk);
        rows += countLines(chunk);
        await write(encodeFrame('D', chunk));
        if (Date.now() - lastReport > 1_000) {
          log(`  ${table}: ${rows.toLocaleString('en')} rows…`);
          lastReport = Date.now();
        }
      }
      counts[table] = { rows, sha256: hash.digest('hex') };
      await write(encodeJsonFrame('E', { table, ...counts[table] }));
      log(`  ${table}: ${rows} rows`);
    }
    const manifest: TBackupManifest = { ...header, counts };
    await write(encodeJsonFrame('M', manifest));
    await client.query('COMMIT');
    gzip.end();
    await written;
    fs.renameSync(partial, file);
    return { file, bytes: fs.statSync(file).size, manifest, durationMs: Date.now() - started };
  } catch (error) {
    gzip.destroy();
    output.destroy();
    fs.rmSync(partial, { force: true });
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
