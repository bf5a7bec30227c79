// `npm start` supervises its embedded PostgreSQL: when the postmaster dies (here: kill -9), it is
// started again on the same data folder and port, and a client gets answers again by itself.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { startEmbeddedPostgres, type EmbeddedDb, type SupervisionEvent } from '../../scripts/embedded-postgres';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-supervise-'));
fs.chmodSync(dataDir, 0o755);
let server: EmbeddedDb | undefined;

afterAll(async () => {
  await server?.stop().catch(() => undefined);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

async function selectOne(url: string): Promise<number> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 1_000 });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return (await client.query<{ one: number }>('SELECT 1 AS one')).rows[0].one;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

describe('the supervised embedded database', () => {
  it('comes back by itself, on the same data and address, after its postmaster is killed', async () => {
    const events: SupervisionEvent[] = [];
    server = await startEmbeddedPostgres({ dataDir, supervise: true, onSupervision: (event) => events.push(event) });
    await server.ensureDatabase('butin');
    const url = server.url('butin');
    const pool = new pg.Pool({ connectionString: url, max: 2, connectionTimeoutMillis: 1_000 });
    pool.on('error', () => undefined);
    try {
      await pool.query('CREATE TABLE kept (id int)');
      await pool.query('INSERT INTO kept VALUES (42)');
      const first = server.pid()!;
      expect(first).toBeGreaterThan(0);

      process.kill(first, 'SIGKILL');
      await expect(selectOne(url)).rejects.toThrow();

      // Bounded: the first attempt comes after 0.5 s; leftover backends may make it retry a few times.
      const deadline = Date.now() + 30_000;
      let answered = false;
      while (!answered && Date.now() < deadline) {
        answered = await pool.query('SELECT 1').then(
          () => true,
          () => false,
        );
        if (!answered) await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(answered).toBe(true);
      expect((await pool.query('SELECT id FROM kept')).rows).toEqual([{ id: 42 }]);
      expect(server.url('butin')).toBe(url);
      expect(server.pid()).not.toBe(first);
      expect(alive(first)).toBe(false);
      expect(events[0]).toMatchObject({ event: 'exited', signal: 'SIGKILL' });
      expect(events.at(-1)).toMatchObject({ event: 'restarted' });
    } finally {
      await pool.end();
    }
  });

  it('stops for good when asked: no restart after stop()', async () => {
    const pid = server!.pid()!;
    await server!.stop();
    server = undefined;
    expect(alive(pid)).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
  });
});
