// Backup and restore against a real PostgreSQL: the demo (frozen runs, payments, payout profiles)
// backed up and restored into another database gives every table back row for row; a backup taken
// while 16 clients write restores to a consistent collective (no contribution without its
// history); a non-empty target, a truncated file, an altered one and a backup from a newer Butin
// are each refused with nothing written.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { seedDemo } from '@/lib/demo/seed-demo';
import { takeBackup } from '@/lib/backup/backup';
import { restoreBackup } from '@/lib/backup/restore';
import { backupFileName, encodeFrame, encodeJsonFrame, readFrames } from '@/lib/backup/format';
import { startDailyBackups } from '@/lib/backup/daily';
import { listMigrations, migrate } from '@/lib/db/migrate';
import { resetDatabase } from '../support/database';

const migrationsDir = path.resolve(import.meta.dirname, '../../prisma/migrations');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-backup-test-'));
const created: string[] = [];

async function withClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** A new, empty database on the test server. */
async function emptyDatabase(): Promise<string> {
  const name = `butin_it_restore_${process.pid}_${created.length}`;
  await withClient(inject('adminDatabaseUrl'), async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  });
  created.push(name);
  const url = new URL(inject('adminDatabaseUrl'));
  url.pathname = `/${name}`;
  return url.toString();
}

/** Every table of a database, each row as JSON, in primary-key order. */
async function snapshot(url: string): Promise<Record<string, string[]>> {
  return withClient(url, async (client) => {
    const tables = await client.query<{ tablename: string }>(
      `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY 1`,
    );
    const result: Record<string, string[]> = {};
    for (const { tablename } of tables.rows) {
      const rows = await client.query<{ row: string }>(
        `SELECT row_to_json(t)::text AS row FROM "${tablename}" t ORDER BY row_to_json(t)::text COLLATE "C"`,
      );
      result[tablename] = rows.rows.map((row) => row.row);
    }
    return result;
  });
}

async function tablesIn(url: string): Promise<string[]> {
  return withClient(url, async (client) =>
    (await client.query<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`)).rows.map(
      (row) => row.tablename,
    ),
  );
}

/** The backup's frames, changed by `edit`, written back as a new valid gzip file. */
async function rewrite(
  source: string,
  target: string,
  edit: (frame: { kind: 'H' | 'T' | 'D' | 'E' | 'M'; payload: Buffer }, index: number) => Buffer | null,
) {
  const frames: Buffer[] = [];
  let index = 0;
  for await (const frame of readFrames(fs.createReadStream(source).pipe(zlib.createGunzip()))) {
    const replaced = edit(frame, index++);
    if (replaced) frames.push(replaced);
  }
  fs.writeFileSync(target, zlib.gzipSync(Buffer.concat(frames)));
}

let backupFile: string;
let sourceSnapshot: Record<string, string[]>;

beforeAll(async () => {
  await resetDatabase();
  await seedDemo();
  backupFile = path.join(folder, 'demo.butin-backup.gz');
  await takeBackup({ databaseUrl: process.env.DATABASE_URL!, file: backupFile });
  sourceSnapshot = await snapshot(process.env.DATABASE_URL!);
}, 120_000);

afterAll(async () => {
  await withClient(inject('adminDatabaseUrl'), async (client) => {
    for (const name of created) await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  });
  fs.rmSync(folder, { recursive: true, force: true });
});

describe('a backup restored into another database', () => {
  it('gives back every table, row for row, with its manifest checked and its sequences set', async () => {
    const target = await emptyDatabase();
    const logged: string[] = [];
    const result = await restoreBackup({
      databaseUrl: target,
      file: backupFile,
      migrationsDir,
      log: (l) => logged.push(l),
    });
    expect(result.manifest.migrations).toEqual(listMigrations(migrationsDir).map((m) => m.name));
    expect(result.laterMigrations).toEqual([]);
    const restored = await snapshot(target);
    expect(Object.keys(restored)).toEqual(Object.keys(sourceSnapshot));
    for (const table of Object.keys(sourceSnapshot)) expect(restored[table], table).toEqual(sourceSnapshot[table]);
    // What the demo must carry across: frozen runs, payments, payout profiles, the history, the
    // claims with their receipts (the bytes too, compared row for row above).
    for (const table of [
      'claims',
      'claim_events',
      'attachments',
      'attachment_contents',
      'payout_runs',
      'payout_lines',
      'payments',
      'payout_profiles',
      'contribution_events',
      'audit_log',
    ])
      expect(restored[table].length, table).toBeGreaterThan(0);
    expect(result.manifest.counts.contributions.rows).toBe(sourceSnapshot.contributions.length);
    expect(result.rows).toBe(Object.values(sourceSnapshot).reduce((sum, rows) => sum + rows.length, 0));

    await withClient(target, async (client) => {
      // The migrations are recorded as Prisma records them; a new audit entry takes a fresh id.
      const applied = await client.query(`SELECT migration_name, checksum FROM "_prisma_migrations" ORDER BY 1`);
      expect(applied.rows).toEqual(
        listMigrations(migrationsDir).map((m) => ({ migration_name: m.name, checksum: m.checksum })),
      );
      const [{ max }] = (await client.query<{ max: string }>(`SELECT max(id)::text AS max FROM audit_log`)).rows;
      const inserted = await client.query<{ id: string }>(
        `INSERT INTO audit_log (action, entity_type) VALUES ('test.restored', 'test') RETURNING id::text`,
      );
      expect(BigInt(inserted.rows[0].id)).toBeGreaterThan(BigInt(max));
      // The app's triggers are back on: the history is append-only again.
      await expect(client.query(`DELETE FROM contribution_events`)).rejects.toThrow(/append-only/);
    });
  });

  it("restores an older backup into this Butin: the migrations after the backup's are applied afterwards", async () => {
    const migrations = listMigrations(migrationsDir);
    // An older Butin: every migration but the last, a person written under that schema, backed up.
    const olderDir = path.join(folder, 'older-migrations');
    for (const migration of migrations.slice(0, -1)) {
      fs.mkdirSync(path.join(olderDir, migration.name), { recursive: true });
      fs.writeFileSync(path.join(olderDir, migration.name, 'migration.sql'), migration.sql);
    }
    const source = await emptyDatabase();
    await migrate({ databaseUrl: source, migrationsDir: olderDir });
    await withClient(source, (client) =>
      client.query(
        `INSERT INTO people (id, email, name, updated_at) VALUES ('old1', 'ancien@test.local', 'Ancien', now())`,
      ),
    );
    const older = path.join(folder, 'older.butin-backup.gz');
    const backup = await takeBackup({ databaseUrl: source, file: older });
    expect(backup.manifest.migrations).toEqual(migrations.slice(0, -1).map((m) => m.name));

    const target = await emptyDatabase();
    const result = await restoreBackup({ databaseUrl: target, file: older, migrationsDir });
    expect(result.laterMigrations).toEqual([migrations.at(-1)!.name]);
    const people = await withClient(target, async (client) => (await client.query(`SELECT id, name FROM people`)).rows);
    expect(people).toEqual([{ id: 'old1', name: 'Ancien' }]);
  });
});

describe('what a restore refuses, writing nothing', () => {
  async function expectRefused(file: string, message: RegExp, target?: string) {
    const url = target ?? (await emptyDatabase());
    const before = await tablesIn(url);
    await expect(restoreBackup({ databaseUrl: url, file, migrationsDir })).rejects.toThrow(message);
    expect(await tablesIn(url)).toEqual(before);
  }

  it('a database that is not empty', async () => {
    const before = await snapshot(process.env.DATABASE_URL!);
    await expectRefused(backupFile, /not empty/, process.env.DATABASE_URL!);
    expect(await snapshot(process.env.DATABASE_URL!)).toEqual(before);
  });

  it('a truncated file, cut anywhere', async () => {
    const bytes = fs.readFileSync(backupFile);
    for (const fraction of [0.1, 0.5, 0.9, 0.999]) {
      const cut = path.join(folder, `cut-${fraction}.gz`);
      fs.writeFileSync(cut, bytes.subarray(0, Math.floor(bytes.length * fraction)));
      await expectRefused(cut, /truncated/);
    }
    // Cut at a frame boundary and compressed again: a valid gzip, without its manifest.
    const noManifest = path.join(folder, 'no-manifest.gz');
    await rewrite(backupFile, noManifest, (frame) =>
      frame.kind === 'M' ? null : encodeFrame(frame.kind, frame.payload),
    );
    await expectRefused(noManifest, /truncated/);
  });

  it('an altered file: a changed byte in the compressed data, or a changed value compressed again', async () => {
    const bytes = Buffer.from(fs.readFileSync(backupFile));
    bytes[Math.floor(bytes.length / 2)] ^= 0x01;
    const flipped = path.join(folder, 'flipped.gz');
    fs.writeFileSync(flipped, bytes);
    await expectRefused(flipped, /damaged|altered|truncated/);

    // An amount changed in the payments' COPY data, the gzip made anew: the checksum catches it.
    const edited = path.join(folder, 'edited.gz');
    let table = '';
    await rewrite(backupFile, edited, (frame) => {
      if (frame.kind === 'T') table = JSON.parse(frame.payload.toString()).table;
      if (frame.kind === 'D' && table === 'payments') {
        const text = frame.payload.toString();
        return encodeFrame(
          'D',
          text.replace(/\t(\d+)\t(\d{4}-\d{2}-\d{2})\t/, (_m, cents, date) => `\t${Number(cents) + 100}\t${date}\t`),
        );
      }
      return encodeFrame(frame.kind, frame.payload);
    });
    await expectRefused(edited, /altered/);
  });

  it('a backup from a newer Butin, and a file that is no backup', async () => {
    const newer = path.join(folder, 'newer.gz');
    await rewrite(backupFile, newer, (frame) => {
      if (frame.kind !== 'H') return encodeFrame(frame.kind, frame.payload);
      const header = JSON.parse(frame.payload.toString());
      return encodeJsonFrame('H', { ...header, migrations: [...header.migrations, '29991231000000_from_the_future'] });
    });
    await expectRefused(newer, /newer Butin/);
    const other = path.join(folder, 'other.gz');
    fs.writeFileSync(other, zlib.gzipSync('id;name\n1;x\n'));
    await expectRefused(other, /not a Butin backup/);
  });
});

describe('a backup taken while 16 clients write', () => {
  it('restores to a consistent collective: every contribution with its history, nothing half-written', async () => {
    const url = process.env.DATABASE_URL!;
    const [period] = await withClient(
      url,
      async (client) =>
        (
          await client.query<{ id: string; start: string }>(
            `SELECT id, to_char(start_date, 'YYYY-MM-DD') AS start FROM funding_periods WHERE status = 'OPEN'`,
          )
        ).rows,
    );
    const [{ person, chantier }] = await withClient(
      url,
      async (client) =>
        (
          await client.query<{ person: string; chantier: string }>(
            `SELECT (SELECT id FROM people ORDER BY email LIMIT 1) AS person, (SELECT id FROM chantiers LIMIT 1) AS chantier`,
          )
        ).rows,
    );
    const pool = new pg.Pool({ connectionString: url, max: 16 });
    let stop = false;
    let committed = 0;
    const writer = async (index: number) => {
      while (!stop) {
        const client = await pool.connect();
        try {
          await client.query('BEGIN');
          const { rows } = await client.query<{ id: string }>(
            `INSERT INTO contributions (id, person_id, chantier_id, period_id, date, minutes, description, updated_at)
             VALUES (gen_random_uuid()::text, $1, $2, $3, $4::date, 30, $5, now()) RETURNING id`,
            [person, chantier, period.id, period.start, `writer ${index}`],
          );
          // A pause between the two rows, so a snapshot would catch one without the other if it could.
          await new Promise((resolve) => setTimeout(resolve, 2));
          await client.query(
            `INSERT INTO contribution_events (contribution_id, actor_id, kind, to_status) VALUES ($1, $2, 'CREATED', 'DRAFT')`,
            [rows[0].id, person],
          );
          await client.query('COMMIT');
          committed++;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        } finally {
          client.release();
        }
      }
    };
    const writers = Array.from({ length: 16 }, (_, index) => writer(index));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const busyFile = path.join(folder, 'busy.butin-backup.gz');
    const atStart = committed;
    const backup = await takeBackup({ databaseUrl: url, file: busyFile });
    const atEnd = committed;
    stop = true;
    await Promise.all(writers);
    await pool.end();

    const target = await emptyDatabase();
    await restoreBackup({ databaseUrl: target, file: busyFile, migrationsDir });
    const base = sourceSnapshot.contributions.length;
    await withClient(target, async (client) => {
      const [row] = (
        await client.query<{ written: number; orphans: number; events: number }>(
          `SELECT (SELECT count(*)::int FROM contributions WHERE description LIKE 'writer %') AS written,
                  (SELECT count(*)::int FROM contributions c WHERE NOT EXISTS
                     (SELECT 1 FROM contribution_events e WHERE e.contribution_id = c.id)) AS orphans,
                  (SELECT count(*)::int FROM contribution_events e JOIN contributions c ON c.id = e.contribution_id
                    WHERE c.description LIKE 'writer %') AS events`,
        )
      ).rows;
      expect(row.orphans).toBe(0);
      expect(row.events).toBe(row.written);
      expect(row.written).toBeGreaterThanOrEqual(atStart);
      expect(row.written).toBeLessThanOrEqual(atEnd);
      expect(backup.manifest.counts.contributions.rows).toBe(base + row.written);
    });
    expect(committed).toBeGreaterThan(atStart);
  }, 120_000);
});

describe('the daily backup of an embedded installation', () => {
  it('takes a backup when the newest is a day old, keeps the last 14, and does nothing when off', async () => {
    const dataDir = path.join(folder, 'daily');
    const backups = path.join(dataDir, 'backups');
    fs.mkdirSync(backups, { recursive: true });
    const old = Array.from({ length: 14 }, (_, day) => backupFileName(new Date(Date.UTC(2026, 0, day + 1, 3))));
    for (const name of old) fs.writeFileSync(path.join(backups, name), 'old');
    fs.writeFileSync(path.join(backups, 'keep-me.txt'), 'not a backup');
    const logged: string[] = [];
    const daily = startDailyBackups({
      databaseUrl: process.env.DATABASE_URL!,
      dataDir,
      firstCheckMs: 3_600_000,
      log: (line) => logged.push(line),
    });
    try {
      const file = await daily.check();
      expect(path.dirname(file!)).toBe(backups);
      expect(path.basename(file!)).toMatch(/^butin-\d{4}-\d{2}-\d{2}T\d{4}Z\.butin-backup\.gz$/);
      // The new one is a real backup: it restores.
      const target = await emptyDatabase();
      await restoreBackup({ databaseUrl: target, file: file!, migrationsDir });
      const names = fs.readdirSync(backups).sort();
      expect(names).toEqual([...old.slice(1), path.basename(file!), 'keep-me.txt'].sort());
      expect(logged.some((line) => line.startsWith('daily backup: ') && line.includes(path.basename(file!)))).toBe(
        true,
      );
      expect(logged).toContain(`daily backup: removed ${old[0]} (keeping the last 14)`);
      // Not due again the same day.
      expect(await daily.check()).toBeNull();
    } finally {
      daily.stop();
    }
    const off = startDailyBackups({
      databaseUrl: process.env.DATABASE_URL!,
      dataDir: path.join(folder, 'off'),
      days: 0,
    });
    expect(await off.check()).toBeNull();
    expect(fs.existsSync(path.join(folder, 'off', 'backups'))).toBe(false);
  }, 60_000);
});
