// `npm start` without DATABASE_URL keeps its data in a folder: a restart finds the same server
// address and the same data; a stale lock left by a crash does not stop it.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDb } from '../../scripts/embedded-postgres';
import { migrate } from '@/lib/db/migrate';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-restart-'));
fs.chmodSync(dataDir, 0o755);
let server: EmbeddedDb | undefined;

afterAll(async () => {
  await server?.stop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function query<T extends pg.QueryResultRow>(url: string, sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded database', () => {
  it('keeps its data and its address across a restart, and survives a stale lock file', async () => {
    server = await startEmbeddedPostgres({ dataDir });
    await server.ensureDatabase('butin');
    const firstUrl = server.url('butin');
    await migrate({ databaseUrl: firstUrl, migrationsDir: path.resolve('prisma/migrations') });
    await query(firstUrl, `INSERT INTO places (id, name, updated_at) VALUES ('p1', 'La Coroutine', now())`);
    await server.stop();

    // A crash leaves postmaster.pid behind, naming a process that no longer runs.
    fs.writeFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), '999999\n');
    server = await startEmbeddedPostgres({ dataDir });
    expect(server.url('butin')).toBe(firstUrl);
    await server.ensureDatabase('butin'); // already there: nothing to do
    expect(await query<{ name: string }>(firstUrl, 'SELECT name FROM places')).toEqual([{ name: 'La Coroutine' }]);
    const again = await migrate({ databaseUrl: firstUrl, migrationsDir: path.resolve('prisma/migrations') });
    expect(again.applied).toEqual([]);
  });

  it('refuses to start a second server on the same data', async () => {
    await expect(startEmbeddedPostgres({ dataDir })).rejects.toThrow(/already runs/);
  });
});
