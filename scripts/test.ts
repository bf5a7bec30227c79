// npm test — runs every tier: unit (vitest), integration against a real PostgreSQL (vitest), and
// end to end in Chromium against the built app (Playwright). Starts its own embedded PostgreSQL
// on a free port unless TEST_DATABASE_URL is given, and an SMTP server to catch the app's mail.
// Prints each runner's summary, then one total line; exits non-zero on any failure.
// Lint, format check and typecheck run first (`--only static` runs them alone).
// `--only static|unit|integration|e2e` runs one tier.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, startEmbeddedPostgres, type EmbeddedDb } from './embedded-postgres';
import { startMailCatcher } from '../tests/support/mail-catcher';

const root = path.resolve(import.meta.dirname, '..');
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
// With --only, further arguments go to that tier's runner (file filters, -g …):
// `npm run test:e2e -- tests/e2e/review.spec.ts`.
const passThrough = only
  ? process.argv.slice(2).filter((arg, index, all) => arg !== '--only' && all[index - 1] !== '--only')
  : [];
const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-test-reports-'));
const results: { tier: string; passed: number; failed: number; skipped: number; ok: boolean }[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

function run(command: string, args: string[], env: Record<string, string> = {}): number {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

/** Like run(), without blocking this process, whose mail catcher must keep answering meanwhile. */
function runAsync(command: string, args: string[], env: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
    child.on('exit', (code) => resolve(code ?? 1));
  });
}

function readVitest(tier: string, file: string, status: number) {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    // The report decides as much as the exit code: a failed test or file is a failure, whatever
    // the process said.
    const failed: number = report.numFailedTests;
    const ok = status === 0 && failed === 0 && (report.numFailedTestSuites ?? 0) === 0 && report.success !== false;
    results.push({
      tier,
      passed: report.numPassedTests,
      failed,
      skipped: report.numPendingTests + report.numTodoTests,
      ok,
    });
  } catch {
    results.push({ tier, passed: 0, failed: 1, skipped: 0, ok: false });
  }
}

function vitest(tier: 'unit' | 'integration', env: Record<string, string> = {}) {
  console.log(`\n━━━ ${tier} tests (vitest) ━━━`);
  const file = path.join(reportDir, `${tier}.json`);
  const status = run(
    process.execPath,
    [
      path.join(root, 'node_modules/vitest/vitest.mjs'),
      'run',
      '--project',
      tier,
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${file}`,
      ...passThrough,
    ],
    env,
  );
  readVitest(tier, file, status);
}

async function withDatabase(name: string, adminUrl: string): Promise<string> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function waitForHealth(url: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not up yet
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The app did not answer at ${url} within ${timeoutMs / 1000} s`);
}

async function e2e(adminUrl: string) {
  console.log('\n━━━ end-to-end tests (Playwright, Chromium) ━━━');
  // E2E_REUSE_BUILD=1 keeps an existing build, to re-run a few specs after a full run; CI always builds.
  const reuse = process.env.E2E_REUSE_BUILD === '1' && fs.existsSync(path.join(root, '.next', 'BUILD_ID'));
  const build = reuse
    ? 0
    : run(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'build'], {
        NEXT_TELEMETRY_DISABLED: '1',
      });
  if (build !== 0) {
    results.push({ tier: 'e2e', passed: 0, failed: 1, skipped: 0, ok: false });
    return;
  }
  const databaseUrl = await withDatabase('butin_e2e', adminUrl);
  const [port, smtpPort, mailHttpPort] = [await freePort(), await freePort(), await freePort()];
  const mail = await startMailCatcher({ smtpPort, httpPort: mailHttpPort });
  cleanups.push(() => mail.stop());
  const baseUrl = `http://localhost:${port}`;
  const appEnv = {
    ...process.env,
    DATABASE_URL: databaseUrl,
    NEXTAUTH_SECRET: 'e2e-secret-0123456789-abcdefghijklmnop',
    NEXTAUTH_URL: baseUrl,
    APP_URL: baseUrl,
    SMTP_URL: mail.smtpUrl,
    PORT: String(port),
    HOST: '127.0.0.1',
  };
  // The app starts as it does in production — `npm start`'s own command, on the database given —
  // so the e2e tier goes through scripts/server.ts (the socket's address, the access log, the
  // graceful stop) and not a second way of serving Next.
  const server = spawn(process.execPath, [path.join(root, 'scripts/run.mjs'), 'start'], {
    cwd: root,
    env: appEnv,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const serverLog = path.join(reportDir, 'e2e-server.log');
  const logStream = fs.createWriteStream(serverLog);
  server.stdout.pipe(logStream);
  server.stderr.pipe(logStream);
  // SIGTERM: the start script drains, closes its pool and exits; the database stops after it.
  cleanups.push(
    () =>
      new Promise<void>((resolve) => {
        if (server.exitCode !== null || server.signalCode !== null) return resolve();
        server.once('exit', () => resolve());
        setTimeout(resolve, 20_000).unref();
        server.kill('SIGTERM');
      }),
  );
  // It migrates the database first (scripts/start.ts), as a deployment's start does.
  await waitForHealth(`${baseUrl}/api/health`, 180_000);
  const file = path.join(reportDir, 'e2e.json');
  const status = await runAsync(
    process.execPath,
    [path.join(root, 'node_modules/@playwright/test/cli.js'), 'test', ...passThrough],
    {
      E2E_BASE_URL: baseUrl,
      E2E_DATABASE_URL: databaseUrl,
      E2E_MAIL_URL: `http://127.0.0.1:${mailHttpPort}`,
      PLAYWRIGHT_JSON_OUTPUT_NAME: file,
    },
  );
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    const stats = report.stats ?? {};
    const failed = (stats.unexpected ?? 0) + (stats.flaky ?? 0);
    results.push({
      tier: 'e2e',
      passed: stats.expected ?? 0,
      failed,
      skipped: stats.skipped ?? 0,
      ok: status === 0 && failed === 0,
    });
  } catch {
    results.push({ tier: 'e2e', passed: 0, failed: 1, skipped: 0, ok: false });
  }
  if (status !== 0) console.log(`(the app's log is in ${serverLog})`);
}

/** Lint, format and types: each a check that passes or fails, before any test tier runs. */
function staticChecks() {
  console.log('\n━━━ static checks (ESLint, Prettier, TypeScript) ━━━');
  const bin = (name: string) => path.join(root, 'node_modules', '.bin', name);
  const checks: [string, string, string[]][] = [
    ['lint', bin('eslint'), ['--max-warnings=0', '.']],
    ['format', bin('prettier'), ['--check', '--log-level=warn', '.']],
    ['typecheck', bin('tsc'), ['--noEmit', '-p', '.']],
  ];
  for (const [name, command, args] of checks) {
    const ok = run(command, args) === 0;
    console.log(`${name}: ${ok ? 'ok' : 'FAILED'}`);
    results.push({ tier: name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, skipped: 0, ok });
  }
}

async function main() {
  if (!only || only === 'static') staticChecks();
  if (!only || only === 'unit') vitest('unit');
  if (!only || only === 'integration' || only === 'e2e') {
    let adminUrl = process.env.TEST_DATABASE_URL;
    let embedded: EmbeddedDb | undefined;
    if (!adminUrl) {
      const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-test-pg-'));
      embedded = await startEmbeddedPostgres({ dataDir, persistent: false });
      cleanups.push(async () => {
        await embedded!.stop();
        fs.rmSync(dataDir, { recursive: true, force: true });
      });
      adminUrl = embedded.url('postgres');
    }
    if (!only || only === 'integration') vitest('integration', { TEST_DATABASE_URL: adminUrl });
    if (!only || only === 'e2e') await e2e(adminUrl);
  }
}

let exitCode = 0;
try {
  await main();
} catch (error) {
  console.error('[test] could not run the tests:', error);
  exitCode = 1;
} finally {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
}
console.log('\n━━━ summary ━━━');
for (const result of results)
  console.log(
    `${result.tier}: ${result.passed} passed, ${result.failed} failed, ${result.skipped} skipped${result.ok ? '' : ' (FAILED)'}`,
  );
const passed = results.reduce((sum, result) => sum + result.passed, 0);
const failed = results.reduce((sum, result) => sum + result.failed, 0);
if (results.some((result) => !result.ok)) exitCode = 1;
console.log(`${passed} passed, ${failed} failed`);
process.exit(exitCode);
