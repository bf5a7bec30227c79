// npm start — serves Butin. Without DATABASE_URL it starts an embedded PostgreSQL whose data
// lives in .data/ (BUTIN_DATA_DIR moves it), supervises it, migrates it and, while it is empty,
// seeds the Monscobar demo. With DATABASE_URL it migrates that database and seeds nothing. Builds
// the app first if it has never been built. `--dev` runs Next's development server instead.
//
// Next.js runs in worker processes (node:cluster, scripts/server.ts in each): WEB_CONCURRENCY of
// them, one per core by default, sharing the port. This primary process starts the embedded
// PostgreSQL, migrates, seeds and builds once, then forks the workers, starts another when one
// dies, and gathers their metrics for /metrics. WEB_CONCURRENCY=1 (and `--dev`) serve from this
// process itself, as before. SIGTERM or SIGINT: every process stops taking connections, lets the
// requests in flight end (at most SHUTDOWN_GRACE_MS), then the embedded PostgreSQL stops and the
// primary exits 0.
import { spawnSync } from 'node:child_process';
import cluster, { type Worker } from 'node:cluster';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errorFields, logger } from '@/lib/log';
import { routeConsole } from '@/lib/log/console';
import { metrics } from '@/lib/metrics';
import type { EmbeddedDb } from './embedded-postgres';
import type { AppServer } from './server';
import {
  isMessage,
  workerCount,
  type ListeningMessage,
  type MetricsAnswer,
  type MetricsJsonAnswer,
  type MetricsJsonRequest,
  type MetricsRequest,
} from './workers';

process.env.NEXT_TELEMETRY_DISABLED = '1';
const dev = process.argv.includes('--dev');
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? 'development' : 'production';

/** The folder of package.json: this file runs from scripts/ (tsx) or dist/scripts/ (compiled). */
function findRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'package.json')) && fs.existsSync(path.join(dir, 'prisma'))) return dir;
    if (path.dirname(dir) === dir) return process.cwd();
  }
}
const root = findRoot(import.meta.dirname);
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST || '0.0.0.0';
const graceSetting = Number(process.env.SHUTDOWN_GRACE_MS || 5_000);
const graceMs = Number.isFinite(graceSetting) && graceSetting >= 0 ? Math.min(graceSetting, 600_000) : 5_000;
const log = logger();

let embedded: EmbeddedDb | undefined;
let server: AppServer | undefined;
let stopping: Promise<void> | undefined;

async function stop(signal: string, code = 0): Promise<void> {
  stopping ??= (async () => {
    log.info({ signal, inFlight: server?.inFlight() ?? 0, graceMs }, 'stopping');
    // A stop that hangs (a request that never ends, a database that never answers) still ends.
    setTimeout(() => {
      log.error('stop took too long: exiting');
      process.exit(1);
    }, graceMs + 10_000).unref();
    const left = (await server?.close(graceMs)) ?? 0;
    if (left > 0) log.warn({ left }, 'requests cut short by the stop');
    await stopWorkers(signal);
    const { closeDb } = await import('@/lib/db');
    await closeDb().catch(() => undefined);
    await embedded?.stop().catch((error) => log.warn({ error: errorFields(error) }, 'embedded PostgreSQL stop failed'));
    log.info('stopped');
    process.exit(code);
  })();
  return stopping;
}

// ---------------------------------------------------------------------------------------------
// Several processes: the primary's side.

let listening = 0;
let everListening = false;
let nextMetricsId = 0;

/** Asks every worker to stop (each drains its requests) and waits for them all to exit. */
async function stopWorkers(signal: string): Promise<void> {
  const alive = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker => Boolean(worker));
  if (alive.length === 0) return;
  await Promise.all(
    alive.map(
      (worker) =>
        new Promise<void>((resolve) => {
          if (worker.isDead()) return resolve();
          worker.once('exit', () => resolve());
          // A terminal's Ctrl-C already reached the workers; systemd's SIGTERM reaches this process alone.
          worker.process.kill(signal === 'SIGINT' ? 'SIGINT' : 'SIGTERM');
        }),
    ),
  );
}

/** Forks one worker; it serves Next.js on the shared port (workerMain below). */
function forkWorker(expected: number): void {
  const worker = cluster.fork({ BUTIN_WORKER: '1' });
  worker.on('message', (message: unknown) => {
    if (isMessage<ListeningMessage>(message, 'butin:listening')) {
      listening += 1;
      if (listening === expected && !everListening) {
        everListening = true;
        log.info(
          { listen: `${host}:${port}`, appUrl: process.env.APP_URL ?? null, pid: process.pid, workers: expected },
          `Butin: ${process.env.APP_URL ?? message.url}`,
        );
      }
    } else if (isMessage<MetricsRequest>(message, 'butin:metrics-request')) {
      void clusterMetrics().then(
        (text) => worker.send({ type: 'butin:metrics-answer', id: message.id, text } satisfies MetricsAnswer),
        (error: unknown) =>
          worker.send({ type: 'butin:metrics-answer', id: message.id, error: String(error) } satisfies MetricsAnswer),
      );
    }
  });
}

/** The metrics of this process and of every worker, summed (prom-client's cluster aggregation). */
async function clusterMetrics(): Promise<string> {
  const { AggregatorRegistry } = await import('prom-client');
  const workers = Object.values(cluster.workers ?? {}).filter((worker): worker is Worker =>
    Boolean(worker?.isConnected()),
  );
  const answers = await Promise.all(
    workers.map(
      (worker) =>
        new Promise<unknown[]>((resolve) => {
          const id = ++nextMetricsId;
          const timer = setTimeout(() => {
            worker.off('message', onMessage);
            resolve([]); // a worker too busy to answer is left out of this scrape
          }, 5_000);
          const onMessage = (message: unknown) => {
            if (!isMessage<MetricsJsonAnswer>(message, 'butin:metrics-json-answer') || message.id !== id) return;
            clearTimeout(timer);
            worker.off('message', onMessage);
            resolve(message.metrics);
          };
          worker.on('message', onMessage);
          worker.send({ type: 'butin:metrics-json-request', id } satisfies MetricsJsonRequest);
        }),
    ),
  );
  const own = await metrics().registry.getMetricsAsJSON();
  return AggregatorRegistry.aggregate([own, ...answers] as Parameters<
    typeof AggregatorRegistry.aggregate
  >[0]).metrics();
}

/** Runs `count` workers until the stop; one that dies is replaced, unless none ever listened. */
function superviseWorkers(count: number): void {
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    if (!everListening) {
      log.fatal({ code, signal }, 'a worker stopped before serving: stopping');
      void stop('worker-failed', 1);
      return;
    }
    listening = Math.max(0, listening - 1);
    log.error({ code, signal, pid: worker.process.pid }, 'a worker stopped by itself: starting another');
    // Not unref'd: with an external database and every worker gone, this timer keeps the primary up.
    setTimeout(() => {
      if (!stopping) forkWorker(count);
    }, 1_000);
  });
  for (let i = 0; i < count; i += 1) forkWorker(count);
}

// ---------------------------------------------------------------------------------------------
// Several processes: a worker's side.

/** Asks the primary for every process's metrics (a scrape reaches one worker). */
function metricsFromPrimary(): Promise<string> {
  return new Promise((resolve, reject) => {
    const id = ++nextMetricsId;
    const timer = setTimeout(() => {
      process.off('message', onMessage);
      reject(new Error('the primary process did not answer with the metrics'));
    }, 10_000);
    const onMessage = (message: unknown) => {
      if (!isMessage<MetricsAnswer>(message, 'butin:metrics-answer') || message.id !== id) return;
      clearTimeout(timer);
      process.off('message', onMessage);
      if (message.text !== undefined) resolve(message.text);
      else reject(new Error(message.error ?? 'no metrics'));
    };
    process.on('message', onMessage);
    process.send!({ type: 'butin:metrics-request', id } satisfies MetricsRequest);
  });
}

async function workerMain() {
  routeConsole(log);
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  // The primary gone (killed): stop too rather than serve unsupervised.
  process.on('disconnect', () => void stop('primary-gone'));
  process.on('message', (message: unknown) => {
    if (!isMessage<MetricsJsonRequest>(message, 'butin:metrics-json-request')) return;
    void metrics()
      .registry.getMetricsAsJSON()
      .then((json) => {
        if (process.connected)
          process.send!({
            type: 'butin:metrics-json-answer',
            id: message.id,
            metrics: json,
          } satisfies MetricsJsonAnswer);
      });
  });
  const { startNextServer } = await import('./server');
  server = await startNextServer({
    dir: root,
    dev: false,
    host,
    port,
    log,
    metricsToken: process.env.METRICS_TOKEN || undefined,
    metricsText: metricsFromPrimary,
  });
  if (stopping) {
    await server.close(0);
    return;
  }
  log.debug({ pid: process.pid }, 'worker listening');
  process.send!({ type: 'butin:listening', url: server.url } satisfies ListeningMessage);
}

// ---------------------------------------------------------------------------------------------

async function startEmbedded(): Promise<void> {
  const { startEmbeddedPostgres } = await import('./embedded-postgres');
  const dataDir = path.resolve(root, process.env.BUTIN_DATA_DIR ?? '.data');
  log.info({ dataDir }, 'starting the embedded PostgreSQL');
  embedded = await startEmbeddedPostgres({
    dataDir,
    supervise: true,
    ownSignals: true,
    onSupervision: (event) => {
      if (event.event === 'exited') {
        metrics().embeddedRestarts.inc();
        log.error(
          { code: event.code, signal: event.signal, restartInMs: event.restartInMs },
          'the embedded PostgreSQL stopped by itself: restarting it',
        );
      } else if (event.event === 'restart-failed') {
        log.error(
          { attempt: event.attempt, reason: event.reason, restartInMs: event.restartInMs },
          'the embedded PostgreSQL did not restart: trying again',
        );
      } else log.info({ attempt: event.attempt, pid: event.pid }, 'the embedded PostgreSQL is back');
    },
  });
  await embedded.ensureDatabase('butin');
  process.env.DATABASE_URL = embedded.url('butin');
  // A session secret of this installation, kept with its data so sessions survive a restart.
  const secretFile = path.join(dataDir, 'nextauth-secret');
  if (!process.env.NEXTAUTH_SECRET) {
    if (!fs.existsSync(secretFile))
      fs.writeFileSync(secretFile, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
    process.env.NEXTAUTH_SECRET = fs.readFileSync(secretFile, 'utf8').trim();
  }
}

async function main() {
  // Everything this process prints is a log line (lib/log/console.ts).
  routeConsole(log);
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  const workers = dev ? { count: 1 } : workerCount(process.env.WEB_CONCURRENCY);
  if ('error' in workers) {
    log.fatal(workers.error);
    process.exit(2);
  }

  const external = Boolean(process.env.DATABASE_URL);
  if (!external) await startEmbedded();
  else if (!process.env.NEXTAUTH_SECRET) {
    log.fatal(
      'NEXTAUTH_SECRET must be set when DATABASE_URL is (every instance must share it): openssl rand -base64 32',
    );
    process.exit(2);
  }
  process.env.NEXTAUTH_URL ??= process.env.APP_URL ?? `http://localhost:${port}`;

  const { migrate } = await import('@/lib/db/migrate');
  const result = await migrate({
    databaseUrl: process.env.DATABASE_URL!,
    migrationsDir: path.join(root, 'prisma', 'migrations'),
    log: (line) => log.info(line),
  });
  if (result.applied.length === 0) log.info('database schema is up to date');

  if (!external) {
    const { seedDemo, DEMO_PASSWORD } = await import('@/lib/demo/seed-demo');
    const { closeDb } = await import('@/lib/db');
    const seeded = await seedDemo({ log: (line) => log.info(line) });
    if (seeded.seeded)
      log.info(
        `demo accounts: admin@monscobar.test, tresorerie@monscobar.test, alice@monscobar.test … — password ${DEMO_PASSWORD}`,
      );
    await closeDb();
    const { startDailyBackups } = await import('@/lib/backup/daily'); // BUTIN_DATA_DIR/backups, BUTIN_BACKUP_DAYS
    startDailyBackups({
      databaseUrl: process.env.DATABASE_URL!,
      dataDir: path.resolve(root, process.env.BUTIN_DATA_DIR ?? '.data'),
      log: (line) => log.info(line),
    });
  }

  if (!dev && (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || process.env.BUTIN_REBUILD === '1')) {
    log.info('building the app (first start only; `npm run build` rebuilds)…');
    const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: process.env });
    if (build.status !== 0) throw new Error('next build failed');
  }
  if (stopping) return;

  if (workers.count > 1) {
    // The database is migrated and seeded, the app built: the workers only serve.
    const { closeDb } = await import('@/lib/db');
    await closeDb().catch(() => undefined);
    superviseWorkers(workers.count);
    return;
  }

  const { startNextServer } = await import('./server');
  server = await startNextServer({
    dir: root,
    dev,
    host,
    port,
    log,
    metricsToken: process.env.METRICS_TOKEN || undefined,
  });
  if (stopping) {
    await server.close(0);
    return;
  }
  log.info(
    { listen: `${host}:${port}`, appUrl: process.env.APP_URL ?? null, pid: process.pid },
    `Butin: ${process.env.APP_URL ?? server.url}`,
  );
}

(cluster.isWorker ? workerMain() : main()).catch(async (error) => {
  log.fatal({ error: errorFields(error) }, 'could not start');
  const { closeDb } = await import('@/lib/db');
  await closeDb().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
