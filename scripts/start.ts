// npm start — serves Butin. Without DATABASE_URL it starts an embedded PostgreSQL whose data
// lives in .data/ (BUTIN_DATA_DIR moves it), migrates it and, while it is empty, seeds the
// Monscobar demo. With DATABASE_URL it migrates that database and seeds nothing. Builds the app
// first if it has never been built. `--dev` runs `next dev` instead of the built app.
import { spawn, spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedPostgres, type EmbeddedDb } from './embedded-postgres';
import { migrate } from '@/lib/db/migrate';

const root = path.resolve(import.meta.dirname, '..');
const dev = process.argv.includes('--dev');
const port = Number(process.env.PORT ?? 3000);
const nextBin = path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next');

let embedded: EmbeddedDb | undefined;

async function main() {
  const external = Boolean(process.env.DATABASE_URL);
  if (!external) {
    const dataDir = path.resolve(root, process.env.BUTIN_DATA_DIR ?? '.data');
    console.log(`[butin] starting the embedded PostgreSQL in ${dataDir}`);
    embedded = await startEmbeddedPostgres({ dataDir });
    await embedded.ensureDatabase('butin');
    process.env.DATABASE_URL = embedded.url('butin');
    // A session secret of this installation, kept with its data so sessions survive a restart.
    const secretFile = path.join(dataDir, 'nextauth-secret');
    if (!process.env.NEXTAUTH_SECRET) {
      if (!fs.existsSync(secretFile))
        fs.writeFileSync(secretFile, crypto.randomBytes(32).toString('base64url'), { mode: 0o600 });
      process.env.NEXTAUTH_SECRET = fs.readFileSync(secretFile, 'utf8').trim();
    }
  } else if (!process.env.NEXTAUTH_SECRET) {
    console.error(
      '[butin] NEXTAUTH_SECRET must be set when DATABASE_URL is (every instance must share it): openssl rand -base64 32',
    );
    process.exit(2);
  }
  process.env.NEXTAUTH_URL ??= process.env.APP_URL ?? `http://localhost:${port}`;

  const result = await migrate({
    databaseUrl: process.env.DATABASE_URL!,
    migrationsDir: path.join(root, 'prisma', 'migrations'),
    log: (line) => console.log(`[butin] ${line}`),
  });
  if (result.applied.length === 0) console.log('[butin] database schema is up to date');

  if (!external) {
    const { seedDemo, DEMO_PASSWORD } = await import('@/lib/demo/seed-demo');
    const { db } = await import('@/lib/db');
    const seeded = await seedDemo({ log: (line) => console.log(`[butin] ${line}`) });
    if (seeded.seeded)
      console.log(
        `[butin] demo accounts: admin@monscobar.test, tresorerie@monscobar.test, alice@monscobar.test … — password ${DEMO_PASSWORD}`,
      );
    await db().$disconnect();
    const { startDailyBackups } = await import('@/lib/backup/daily'); // BUTIN_DATA_DIR/backups, BUTIN_BACKUP_DAYS
    startDailyBackups({
      databaseUrl: process.env.DATABASE_URL!,
      dataDir: path.resolve(root, process.env.BUTIN_DATA_DIR ?? '.data'),
      log: (line) => console.log(`[butin] ${line}`),
    });
  }

  if (!dev && (!fs.existsSync(path.join(root, '.next', 'BUILD_ID')) || process.env.BUTIN_REBUILD === '1')) {
    console.log('[butin] building the app (first start only; `npm run build` rebuilds)…');
    const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: root, stdio: 'inherit', env: process.env });
    if (build.status !== 0) throw new Error('next build failed');
  }

  // peer-address.mjs hands the socket's address to the app, which keys rate limits on it when no
  // proxy is in front (lib/auth/client-ip.ts).
  const peerAddress = path.join(root, 'scripts', 'runtime', 'peer-address.mjs');
  const server = spawn(
    process.execPath,
    ['--import', peerAddress, nextBin, dev ? 'dev' : 'start', '-p', String(port)],
    {
      cwd: root,
      stdio: 'inherit',
      env: process.env,
    },
  );
  console.log(`[butin] Butin: http://localhost:${port}`);
  const stop = (signal: NodeJS.Signals) => server.kill(signal);
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  server.on('exit', async (code) => {
    await embedded?.stop().catch(() => undefined);
    process.exit(code ?? 0);
  });
}

main().catch(async (error) => {
  console.error('[butin] could not start:', error instanceof Error ? error.message : error);
  await embedded?.stop().catch(() => undefined);
  process.exit(1);
});
