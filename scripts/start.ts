// npm start — serves Butin. Without DATABASE_URL it starts an embedded PostgreSQL whose data
// lives in .data/ (BUTIN_DATA_DIR moves it), supervises it, migrates it and, while it is empty,
// seeds the Monscobar demo. With DATABASE_URL it migrates that database and seeds nothing. Builds
// the app first if it has never been built. `--dev` runs Next's development server instead.
//
// Next.js runs in this process (scripts/server.ts): `npm start` is npm and one node process.
// SIGTERM or SIGINT stops taking connections, lets the requests in flight end (at most
// SHUTDOWN_GRACE_MS), stops the embedded PostgreSQL and exits 0.
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { errorFields, logger } from '@/lib/log';
import { routeConsole } from '@/lib/log/console';
import { metrics } from '@/lib/metrics';
import type { EmbeddedDb } from './embedded-postgres';
import type { AppServer } from './server';

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
    const { closeDb } = await import('@/lib/db');
    await closeDb().catch(() => undefined);
    await embedded?.stop().catch((error) => log.warn({ error: errorFields(error) }, 'embedded PostgreSQL stop failed'));
    log.info('stopped');
    process.exit(code);
  })();
  return stopping;
}

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

main().catch(async (error) => {
  log.fatal({ error: errorFields(error) }, 'could not start');
  const { closeDb } = await import('@/lib/db');
  await closeDb().catch(() => undefined);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
