// Crash safety, measured: the app (tests/integration/crash-app.ts: the real route handler on the
// embedded PostgreSQL, as `npm start` runs it) takes contributions from 16 clients at once, drafts
// and submitted ones; the app AND its database are killed with SIGKILL in the middle; started again
// on the same data folder, every contribution that was acknowledged with a 201 is there.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-crash-'));
fs.chmodSync(dataDir, 0o755);
const CLIENTS = 16;
/** Writes go on until this many were acknowledged (or WRITE_AT_MOST_MS passed), then the kill. */
const ACKNOWLEDGED_BEFORE_KILL = 300;
const WRITE_AT_MOST_MS = 60_000;

type Ready = { port: number; databaseUrl: string; tokens: string[]; chantiers: string[] };
let running: ChildProcess | undefined;

/** Starts the app on the data folder; its own process group, so one kill takes its database too. */
async function startApp(): Promise<{ app: ChildProcess; ready: Ready }> {
  const app = spawn(path.join(root, 'node_modules', '.bin', 'tsx'), ['tests/integration/crash-app.ts', dataDir], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, DATABASE_URL: '' },
  });
  running = app;
  const lines = readline.createInterface({ input: app.stdout! });
  const ready = await new Promise<Ready>((resolve, reject) => {
    app.on('exit', (code) => reject(new Error(`the app exited (${code}) before it was ready`)));
    lines.on('line', (line) => {
      if (line.startsWith('READY ')) resolve(JSON.parse(line.slice(6)));
    });
  });
  return { app, ready };
}

function killGroup(app: ChildProcess) {
  try {
    process.kill(-app.pid!, 'SIGKILL');
  } catch {
    // already gone
  }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

afterAll(async () => {
  if (running) killGroup(running);
  await new Promise((resolve) => setTimeout(resolve, 500));
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('kill -9 of the app and its database while 16 clients write', () => {
  it('loses no write that was acknowledged with a 201, drafts included', async () => {
    const first = await startApp();
    const { port, tokens, chantiers } = first.ready;
    const acknowledged: { id: string; status: string }[] = [];
    let refused = 0;
    let stopped = false;
    const today = new Date();
    const client = async (index: number) => {
      for (let n = 0; !stopped; n++) {
        const date = new Date(today.getTime() - ((index * 7 + n) % 40) * 86_400_000).toISOString().slice(0, 10);
        try {
          const response = await fetch(`http://127.0.0.1:${port}/api/v1/contributions`, {
            method: 'POST',
            headers: { authorization: `Bearer ${tokens[index % tokens.length]}`, 'content-type': 'application/json' },
            body: JSON.stringify({
              date,
              chantierId: chantiers[n % chantiers.length],
              minutes: 15,
              description: `crash c${index} n${n}`,
              submit: n % 2 === 1,
            }),
          });
          const body = await response.json();
          if (response.status === 201) acknowledged.push({ id: body.id, status: body.status });
          else refused++;
        } catch {
          return; // the app is gone: this client's last request was never acknowledged
        }
      }
    };
    const clients = Array.from({ length: CLIENTS }, (_, index) => client(index));
    const writing = Date.now();
    while (acknowledged.length < ACKNOWLEDGED_BEFORE_KILL && Date.now() - writing < WRITE_AT_MOST_MS)
      await new Promise((resolve) => setTimeout(resolve, 50));
    const seconds = ((Date.now() - writing) / 1000).toFixed(1);
    const postmasterPid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    killGroup(first.app); // the app and PostgreSQL, mid-write, no shutdown
    stopped = true;
    await Promise.all(clients);
    for (let wait = 0; alive(postmasterPid) && wait < 50; wait++) await new Promise((r) => setTimeout(r, 100));
    expect(alive(postmasterPid)).toBe(false);

    const second = await startApp();
    const db = new pg.Client({ connectionString: second.ready.databaseUrl });
    await db.connect();
    try {
      const ids = acknowledged.map((write) => write.id);
      const found = await db.query<{ id: string; status: string; events: number }>(
        `SELECT c.id, c.status::text AS status, (SELECT count(*)::int FROM contribution_events e WHERE e.contribution_id = c.id) AS events
           FROM contributions c WHERE c.id = ANY($1)`,
        [ids],
      );
      const byId = new Map(found.rows.map((row) => [row.id, row]));
      const lost = acknowledged.filter((write) => byId.get(write.id)?.status !== write.status);
      const drafts = acknowledged.filter((write) => write.status === 'DRAFT').length;
      console.log(
        `[crash-safety] ${acknowledged.length} writes acknowledged with 201 (${drafts} drafts) by ${CLIENTS} clients in ${seconds} s, ${refused} refused; after kill -9 and restart: ${acknowledged.length - lost.length} found, ${lost.length} lost`,
      );
      expect(acknowledged.length).toBeGreaterThanOrEqual(50);
      expect(drafts).toBeGreaterThan(0);
      expect(lost).toEqual([]);
      expect(found.rows.every((row) => row.events >= 1)).toBe(true);
    } finally {
      await db.end();
      killGroup(second.app);
    }
  }, 180_000);
});
