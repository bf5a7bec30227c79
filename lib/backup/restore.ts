// Restores a backup (lib/backup/backup.ts) into an EMPTY database, in one transaction: the
// migrations up to the backup's, every table loaded with COPY … FROM STDIN (foreign keys and CHECK
// constraints checked as rows arrive; the app's own triggers, which guard changes the app makes,
// are paused), each table's row count and SHA-256 compared with the file and then with the table
// as stored, sequences set past the largest id. Anything wrong — a non-empty database, a backup
// from a newer Butin, a truncated or altered file — rolls it all back: nothing is written. The
// migrations this Butin has beyond the backup's are applied afterwards. See docs/backup.md.
import 'server-only';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import zlib from 'node:zlib';
import pg from 'pg';
import { from as copyFrom, to as copyTo } from 'pg-copy-streams';
import { applyMigrationInTx, ensureMigrationsTable, listMigrations, migrate } from '@/lib/db/migrate';
import {
  BACKUP_FORMAT_VERSION,
  BackupFormatError,
  countLines,
  migrationProblem,
  readFrames,
  ZBackupHeader,
  ZBackupManifest,
  ZTableEnd,
  ZTableStart,
  type TBackupManifest,
} from './format';
import {
  copyInQuery,
  copyOutQuery,
  listTables,
  quoteIdentifier,
  resetSequences,
  setCanonicalSession,
  tableColumns,
} from './catalog';

/** A refusal with a message meant for the person running the restore. */
export class RestoreRefused extends Error {}

export type RestoreResult = {
  manifest: TBackupManifest;
  rows: number;
  laterMigrations: string[];
  durationMs: number;
};

function parseFrame<T>(schema: { safeParse: (value: unknown) => { success: boolean; data?: T } }, payload: Buffer): T {
  let value: unknown;
  try {
    value = JSON.parse(payload.toString('utf8'));
  } catch {
    throw new BackupFormatError('The backup file was altered (a frame is not valid JSON).');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new BackupFormatError('The backup file was altered (a frame has an unexpected shape).');
  return parsed.data as T;
}

/** Gunzipped chunks; gzip's own errors (a cut file, a changed byte) become clear refusals. */
async function* gunzipped(file: string): AsyncGenerator<Buffer> {
  const gunzip = fs.createReadStream(file).pipe(zlib.createGunzip());
  try {
    for await (const chunk of gunzip) yield chunk as Buffer;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'Z_BUF_ERROR') throw new RestoreRefused('The backup file is truncated: it ends before its manifest.');
    if (code === 'Z_DATA_ERROR')
      throw new RestoreRefused('The backup file is damaged or altered (its compressed data does not check out).');
    throw error;
  }
}

async function assertEmpty(client: pg.ClientBase): Promise<string[]> {
  for (const table of await listTables(client)) {
    const { rows } = await client.query(`SELECT 1 FROM public.${quoteIdentifier(table)} LIMIT 1`);
    if (rows.length)
      throw new RestoreRefused(
        `The target database is not empty (table ${table} has rows): restore into a new, empty database.`,
      );
  }
  const exists = await client.query(`SELECT to_regclass('public._prisma_migrations') IS NOT NULL AS present`);
  if (!exists.rows[0].present) return [];
  const applied = await client.query<{ migration_name: string }>(
    `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL
      ORDER BY migration_name`,
  );
  return applied.rows.map((row) => row.migration_name);
}

async function loadTable(
  client: pg.ClientBase,
  start: { table: string; columns: string[] },
  frames: AsyncGenerator<{ kind: string; payload: Buffer }>,
): Promise<{ rows: number; sha256: string; end: Buffer }> {
  const stream = client.query(copyFrom(copyInQuery(start.table, start.columns)));
  let failure: Error | undefined;
  stream.on('error', (error: Error) => (failure = error));
  const settled = new Promise<void>((resolve) => {
    stream.on('finish', resolve);
    stream.on('close', resolve);
    stream.on('error', () => resolve());
  });
  const hash = crypto.createHash('sha256');
  let rows = 0;
  try {
    for (;;) {
      const next = await frames.next();
      if (next.done) throw new RestoreRefused('The backup file is truncated: it ends inside a table.');
      if (failure) break;
      const { kind, payload } = next.value;
      if (kind === 'E') {
        stream.end();
        await settled;
        if (failure) break;
        return { rows, sha256: hash.digest('hex'), end: payload };
      }
      if (kind !== 'D') throw new BackupFormatError('The backup file was altered (a table is not closed).');
      hash.update(payload);
      rows += countLines(payload);
      if (!stream.write(payload)) await Promise.race([once(stream, 'drain'), settled]);
    }
  } catch (error) {
    // Ends the COPY (a CopyFail message) so the connection can roll back, then reports why.
    if (!failure) {
      stream.destroy(error as Error);
      await settled;
    }
    throw error;
  }
  // A backup Butin wrote loads as it is; one PostgreSQL refuses was damaged or altered on the way
  // (a flipped byte inside the gzip data can reach COPY before the checksums are compared).
  throw new RestoreRefused(
    `Table ${start.table} could not be loaded — the file is damaged or was altered: ${failure!.message}`,
  );
}

async function verifyStored(client: pg.ClientBase, table: string, columns: string[]): Promise<string> {
  const hash = crypto.createHash('sha256');
  const stream = client.query(copyTo(await copyOutQuery(client, table, columns)));
  for await (const chunk of stream as AsyncIterable<Buffer>) hash.update(chunk);
  return hash.digest('hex');
}

export async function restoreBackup(options: {
  databaseUrl: string;
  file: string;
  migrationsDir: string;
  log?: (line: string) => void;
}): Promise<RestoreResult> {
  const started = Date.now();
  const log = options.log ?? (() => undefined);
  if (!fs.existsSync(options.file)) throw new RestoreRefused(`No such file: ${options.file}`);
  const frames = readFrames(gunzipped(options.file));
  const first = await frames.next().catch((error: Error) => {
    throw error instanceof BackupFormatError || error instanceof RestoreRefused
      ? error
      : new RestoreRefused(`This is not a Butin backup (${error.message}).`);
  });
  if (first.done || first.value.kind !== 'H') throw new RestoreRefused('This is not a Butin backup (no header).');
  let header;
  try {
    header = parseFrame(ZBackupHeader, first.value.payload);
  } catch {
    throw new RestoreRefused('This is not a Butin backup (its header is unreadable).');
  }
  if (header.formatVersion > BACKUP_FORMAT_VERSION)
    throw new RestoreRefused(
      `This backup comes from a newer Butin (backup format ${header.formatVersion}): update Butin, then restore.`,
    );
  const known = listMigrations(options.migrationsDir);

  const client = new pg.Client({ connectionString: options.databaseUrl });
  await client.connect();
  let manifest: TBackupManifest | undefined;
  let total = 0;
  try {
    await client.query('BEGIN');
    await setCanonicalSession(client);
    const applied = await assertEmpty(client);
    const problem = migrationProblem({ backup: header.migrations, known: known.map((m) => m.name), applied });
    if (problem) throw new RestoreRefused(problem);
    await ensureMigrationsTable(client);
    for (const migration of known.filter((m) => header.migrations.includes(m.name) && !applied.includes(m.name))) {
      log(`Applying migration ${migration.name}`);
      await applyMigrationInTx(client, migration);
    }
    const present = await listTables(client);
    const missing = header.tables.filter((table) => !present.includes(table));
    if (missing.length) throw new RestoreRefused(`The backup holds tables this schema lacks: ${missing.join(', ')}`);
    // The app's triggers (append-only history, frozen closed periods) guard the app's changes; the
    // rows restored are the ones they already let through. Foreign keys and CHECKs stay on.
    for (const table of header.tables)
      await client.query(`ALTER TABLE public.${quoteIdentifier(table)} DISABLE TRIGGER USER`);

    const loaded: TBackupManifest['counts'] = {};
    const columnsOf = new Map<string, string[]>();
    for (;;) {
      const next = await frames.next();
      if (next.done) throw new RestoreRefused('The backup file is truncated: it ends before its manifest.');
      const { kind, payload } = next.value;
      if (kind === 'M') {
        manifest = parseFrame(ZBackupManifest, payload);
        break;
      }
      if (kind !== 'T') throw new BackupFormatError('The backup file was altered (a frame is out of place).');
      const start = parseFrame(ZTableStart, payload);
      if (!header.tables.includes(start.table) || loaded[start.table])
        throw new BackupFormatError(`The backup file was altered (unexpected table ${start.table}).`);
      const columns = await tableColumns(client, start.table);
      if (start.columns.some((column) => !columns.includes(column)))
        throw new RestoreRefused(`Table ${start.table}'s columns differ from this schema's.`);
      columnsOf.set(start.table, start.columns);
      const result = await loadTable(client, start, frames);
      const end = parseFrame(ZTableEnd, result.end);
      if (end.table !== start.table || end.rows !== result.rows || end.sha256 !== result.sha256)
        throw new RestoreRefused(`The backup file was altered: table ${start.table} does not match its checksum.`);
      loaded[start.table] = { rows: result.rows, sha256: result.sha256 };
      total += result.rows;
      log(`  ${start.table}: ${result.rows} rows`);
    }
    if ((await frames.next()).done !== true)
      throw new BackupFormatError('The backup file was altered (data after its manifest).');
    if (
      JSON.stringify(manifest.migrations) !== JSON.stringify(header.migrations) ||
      JSON.stringify([...manifest.tables].sort()) !== JSON.stringify([...header.tables].sort()) ||
      header.tables.some(
        (table) =>
          manifest!.counts[table]?.rows !== loaded[table]?.rows ||
          manifest!.counts[table]?.sha256 !== loaded[table]?.sha256,
      )
    )
      throw new RestoreRefused('The backup file was altered: its manifest does not match its tables.');

    // The tables as stored now: the same rows and the same bytes as the backup's.
    for (const table of header.tables) {
      const { rows } = await client.query<{ count: string }>(
        `SELECT count(*)::text AS count FROM public.${quoteIdentifier(table)}`,
      );
      const stored = await verifyStored(client, table, columnsOf.get(table)!);
      if (Number(rows[0].count) !== loaded[table].rows || stored !== loaded[table].sha256)
        throw new RestoreRefused(`Table ${table} as restored differs from the backup.`);
    }
    for (const table of header.tables)
      await client.query(`ALTER TABLE public.${quoteIdentifier(table)} ENABLE TRIGGER USER`);
    await resetSequences(client, header.tables);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    await frames.return(undefined).catch(() => undefined);
    if (error instanceof BackupFormatError) throw new RestoreRefused(error.message);
    throw error;
  } finally {
    await client.end();
  }
  const later = await migrate({ databaseUrl: options.databaseUrl, migrationsDir: options.migrationsDir, log });
  return { manifest: manifest!, rows: total, laterMigrations: later.applied, durationMs: Date.now() - started };
}
