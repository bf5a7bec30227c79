// `npm run bench`: the benchmark at Kimai scale and ten times it (issues 6 and 16). Starts its own
// embedded PostgreSQL in a temporary folder (or uses BENCH_DATABASE_URL), migrates it, generates
// the data set, builds the app if it was never built, starts it as production does
// (`node scripts/run.mjs start`, BENCH_INSTANCES of them on the one database, on free loopback
// ports), and measures over HTTP with autocannon — the lists, the pages, the payout preview, the
// exports, the time `npm start` takes to serve — and the lists' SQL run directly with `pg` (the
// floor). Then it explains the figures (diagnose.ts: EXPLAIN ANALYZE of the hot queries), writes
// bench/results/<date>-<scale>.json and .md, and prints the table and the machine. It always
// stops the servers and the database it started, on failure and on Ctrl-C too.
//
// Environment: BENCH_SCALE=small|full|10x (default full), BENCH_SEED, BENCH_DURATION (seconds per
// scenario), BENCH_CONNECTIONS (10), BENCH_INSTANCES (1), WEB_CONCURRENCY (passed to the app),
// BENCH_DATABASE_URL (an empty database, or one the bench filled before with BENCH_REUSE=1),
// BENCH_DATA_DIR (keep the embedded database there and reuse its data set on the next run),
// BENCH_REBUILD=1 (next build even if built), BENCH_TIMEOUT_MINUTES, BENCH_ONLY (a comma-separated
// subset of lists, pages, csv, payouts, startup, diagnose: a quicker partial run, written to
// <date>-<scale>-partial.json and .md so it never replaces a whole run's figures; `generate` alone
// only generates the data set).
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort, startEmbeddedPostgres, type EmbeddedDb } from '../scripts/embedded-postgres';
import { migrate } from '../lib/db/migrate';
import { dataSetSize, DEFAULT_SEED, generate, type GenerateReport } from './generate';
import { scaleFromEnv } from './plan';
import { describeMachine } from './machine';
import { httpLoad, sqlLoad, type LoadResult } from './load';
import {
  ensureBuilt,
  postmasterPid,
  processTree,
  serverProcess,
  startApp,
  treeCpuMs,
  waitForHealth,
  type AppServer,
} from './server';
import { listScenarios, pageScenarios, urlOf } from './scenarios';
import { measureDeclarePage, setSignInPassword, signInCookie, type DeclarePageResult } from './lighthouse';
import { chooseTargets, deepCursor, getJson, reissueToken, TARGETS, type PeriodFacts } from './targets';
import { median } from './stats';
import { measureDownload, type DownloadKind } from './csv-export';
import { diagnose } from './diagnose';
import {
  markdownReport,
  type BenchResults,
  type CpuPerRequest,
  type CsvResult,
  type ListResult,
  type PageResult,
} from './report';

const root = path.resolve(import.meta.dirname, '..');
const log = (line: string) => console.log(`[bench] ${line}`);
const started = performance.now();

const scale = scaleFromEnv(process.env.BENCH_SCALE);
const seed = Number(process.env.BENCH_SEED ?? DEFAULT_SEED);
const seconds = Number(process.env.BENCH_DURATION ?? scale.durationSeconds);
const connections = Number(process.env.BENCH_CONNECTIONS ?? 10);
const warmSeconds = Math.max(1, Math.min(3, Math.floor(seconds / 3)));
const timeoutMinutes = Number(process.env.BENCH_TIMEOUT_MINUTES ?? (scale.name === 'small' ? 15 : 60));
const instances = Math.max(1, Math.floor(Number(process.env.BENCH_INSTANCES ?? 1)) || 1);
/** Cold starts of `npm start` timed in the startup section. */
const STARTS = 3;
const DATABASE = 'butin_bench';
const SECTIONS = ['lists', 'pages', 'csv', 'payouts', 'diagnose', 'startup', 'generate'] as const;
const only = process.env.BENCH_ONLY?.split(',')
  .map((section) => section.trim())
  .filter(Boolean);
for (const section of only ?? []) {
  if (!(SECTIONS as readonly string[]).includes(section))
    throw new Error(`BENCH_ONLY: unknown section ${section} (known: ${SECTIONS.join(', ')})`);
}
const runs = (section: (typeof SECTIONS)[number]) => !only || only.includes(section);

let embedded: EmbeddedDb | undefined;
let apps: AppServer[] = [];
let tempDir: string | undefined;
let pgDataDir: string | undefined;
let cleaning: Promise<void> | undefined;

function cleanup(): Promise<void> {
  cleaning ??= (async () => {
    await Promise.all(
      apps.map((app) => app.stop().catch((error: unknown) => log(`could not stop the app: ${String(error)}`))),
    );
    await embedded?.stop().catch((error: unknown) => log(`could not stop PostgreSQL: ${String(error)}`));
    if (tempDir) fs.rmSync(tempDir, { recursive: true, force: true });
  })();
  return cleaning;
}

async function openDatabase(): Promise<{ url: string; kind: BenchResults['database']; reuse: boolean }> {
  if (process.env.BENCH_DATABASE_URL)
    return { url: process.env.BENCH_DATABASE_URL, kind: 'BENCH_DATABASE_URL', reuse: process.env.BENCH_REUSE === '1' };
  const keep = process.env.BENCH_DATA_DIR;
  const dataDir = keep ? path.resolve(keep) : (tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-bench-')));
  log(`starting an embedded PostgreSQL in ${dataDir}`);
  embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), persistent: Boolean(keep) });
  pgDataDir = dataDir;
  await embedded.ensureDatabase(DATABASE);
  const marker = path.join(dataDir, 'bench-dataset.json');
  const reuse =
    Boolean(keep) &&
    fs.existsSync(marker) &&
    JSON.stringify(JSON.parse(fs.readFileSync(marker, 'utf8'))) === JSON.stringify({ scale: scale.name, seed });
  return { url: embedded.url(DATABASE), kind: 'embedded', reuse };
}

/** CPU time per request spent by the app's processes (every instance), PostgreSQL's, and this process (autocannon). */
function cpuProbe(appPids: number[]): (requests: number) => CpuPerRequest {
  const dbPid = pgDataDir ? postmasterPid(pgDataDir) : null;
  const appCpuMs = () => appPids.reduce((sum, pid) => sum + treeCpuMs(pid), 0);
  const appStart = appCpuMs();
  const dbStart = dbPid ? treeCpuMs(dbPid) : 0;
  const benchStart = process.cpuUsage();
  const wallStart = performance.now();
  return (requests) => {
    const per = (value: number) => Math.round((value / Math.max(requests, 1)) * 10) / 10;
    const bench = process.cpuUsage(benchStart);
    const appMs = appCpuMs() - appStart;
    const dbMs = dbPid ? treeCpuMs(dbPid) - dbStart : null;
    const benchMs = (bench.user + bench.system) / 1000;
    const wallMs = performance.now() - wallStart;
    return {
      appMsPerRequest: per(appMs),
      dbMsPerRequest: dbMs === null ? null : per(dbMs),
      loadGeneratorMsPerRequest: per(benchMs),
      coresBusy: Math.round(((appMs + (dbMs ?? 0) + benchMs) / wallMs) * 100) / 100,
    };
  };
}

/** The same path on every instance: autocannon spreads its connections over them, round-robin. */
function onEvery(pathAndQuery: string): string | string[] {
  const urls = apps.map((app) => `${app.url}${pathAndQuery}`);
  return urls.length === 1 ? urls[0] : urls;
}

async function load(
  url: string | string[],
  token: string | null,
  clients: number,
  timeoutSeconds = 30,
  cookie?: string,
): Promise<{ result: LoadResult; cpu: CpuPerRequest }> {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : cookie ? { cookie } : {};
  await httpLoad({ url, headers, connections: clients, seconds: warmSeconds, timeoutSeconds }); // warm-up, discarded
  const probe = cpuProbe(apps.map((app) => app.pid));
  const result = await httpLoad({ url, headers, connections: clients, seconds, timeoutSeconds });
  return { result, cpu: probe(result.requests) };
}

async function main() {
  const watchdog = setTimeout(() => {
    log(`stopped after ${timeoutMinutes} minutes (BENCH_TIMEOUT_MINUTES)`);
    void cleanup().finally(() => process.exit(3));
  }, timeoutMinutes * 60_000);
  log(
    `scale ${scale.name}: ${scale.people} people, ${scale.contributions.toLocaleString('en')} contributions, ${scale.periods} periods; seed ${seed}; ${seconds} s per scenario, ${connections} connections`,
  );

  const database = await openDatabase();
  await migrate({ databaseUrl: database.url, migrationsDir: path.join(root, 'prisma', 'migrations'), log });
  const machine = await describeMachine(database.url);
  log(
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGb} GB, ${machine.os}, Node ${machine.node}, ${machine.postgres.split(' on ')[0]}`,
  );

  let generation: GenerateReport | { reused: true };
  if (database.reuse) {
    log('reusing the data set already generated in this database');
    generation = { reused: true };
  } else {
    generation = await generate({ databaseUrl: database.url, scale, seed, log });
    log(`generated in ${generation.seconds} s`);
    if (process.env.BENCH_DATA_DIR)
      fs.writeFileSync(
        path.join(path.resolve(process.env.BENCH_DATA_DIR), 'bench-dataset.json'),
        JSON.stringify({ scale: scale.name, seed }),
      );
  }
  const dataSet = await dataSetSize(database.url);
  log(`data set: ${dataSet.databaseMb} MB in the database; rows ${JSON.stringify(dataSet.rows)}`);
  if (only?.length === 1 && only[0] === 'generate') {
    // BENCH_ONLY=generate: the data set alone (into BENCH_DATA_DIR, kept for the next runs).
    clearTimeout(watchdog);
    return;
  }

  const targets = await chooseTargets(database.url);
  const { actors } = targets;
  log(`targets: ${JSON.stringify(targets.facts)}`);

  const build = ensureBuilt(root, { force: process.env.BENCH_REBUILD === '1', log });
  // One session secret for every instance: a session cookie is good on any of them.
  const secret = crypto.randomBytes(32).toString('base64url');
  /** `npm start` on a free port, and the time until it answered its first request. */
  const startInstance = async (): Promise<{ app: AppServer; startMs: number }> => {
    const port = await freePort();
    const since = performance.now();
    const app = await startApp({
      root,
      port,
      env: {
        DATABASE_URL: database.url,
        NEXTAUTH_SECRET: secret,
        NEXTAUTH_URL: `http://127.0.0.1:${port}`,
        APP_URL: `http://127.0.0.1:${port}`,
      },
    });
    try {
      return { app, startMs: await waitForHealth(app.url, 120_000, app.alive, since) };
    } catch (error) {
      console.error(`[bench] last output of the app:\n${app.output().slice(-4000)}`);
      await app.stop();
      throw error;
    }
  };
  const instanceStarts: number[] = [];
  for (let n = 0; n < instances; n++) {
    const { app, startMs } = await startInstance();
    apps.push(app);
    instanceStarts.push(startMs);
  }
  const running = apps[0];
  const appStartMs = instanceStarts[0];
  const server = serverProcess(running.pid);
  const appProcesses = apps.map(
    (app) => processTree(app.pid).filter((entry) => /^(node|next)/.test(entry.name)).length,
  );
  log(
    `${instances} instance(s) up at ${apps.map((app) => app.url).join(', ')} in ${instanceStarts.join(', ')} ms (node processes per instance: ${appProcesses.join(', ')}; WEB_CONCURRENCY ${process.env.WEB_CONCURRENCY ?? 'unset'}; server process ${server.pid} ${server.name}, ${Math.round(server.rssKb / 1024)} MB)`,
  );

  const deep = await deepCursor(running.url, actors.contributor.token, scale.deepPages);
  log(`deep cursor after ${deep.rows} rows`);

  // Warm the server (JIT, connection pool, caches) on the lists before anything is measured.
  for (const scenario of listScenarios(actors, deep)) {
    await httpLoad({
      url: onEvery(urlOf('', scenario.path, scenario.query)),
      headers: { authorization: `Bearer ${scenario.token}` },
      connections,
      seconds: warmSeconds,
      timeoutSeconds: 30,
    });
  }

  // Baselines: what any request costs (the framework and one trivial query), and what auth adds.
  const baselines: BenchResults['baselines'] = [];
  for (const [title, pathname, token] of [
    ['GET /api/health (framework + SELECT 1, no auth)', '/api/health', null],
    ['GET /api/v1/me (framework + bearer-token auth)', '/api/v1/me', actors.contributor.token],
  ] as const) {
    const { result, cpu } = await load(onEvery(pathname), token, connections);
    baselines.push({ title, app: result, cpu });
    log(
      `baseline ${pathname}: p50 ${result.p50} p95 ${result.p95} ms (${result.requestsPerSecond} req/s); cpu ${JSON.stringify(cpu)}`,
    );
  }

  const lists: ListResult[] = [];
  for (const scenario of runs('lists') ? listScenarios(actors, deep) : []) {
    const url = urlOf(running.url, scenario.path, scenario.query);
    const check = await getJson(url, scenario.token);
    const items = (check.body as { items?: unknown[] }).items;
    let app$: LoadResult | null = null;
    let cpu: CpuPerRequest | undefined;
    let error: string | undefined;
    if (check.status !== 200 || !Array.isArray(items) || items.length === 0) {
      error = `${check.status} ${JSON.stringify(check.body).slice(0, 200)}`;
      log(`${scenario.key}: not measured, ${error}`);
    } else {
      ({ result: app$, cpu } = await load(
        onEvery(urlOf('', scenario.path, scenario.query)),
        scenario.token,
        connections,
      ));
    }
    const floor = await sqlLoad({
      databaseUrl: database.url,
      sql: scenario.floor.sql,
      params: scenario.floor.params,
      connections,
      seconds,
    });
    const ratioP95 = app$ ? Math.round((app$.p95 / floor.p95) * 10) / 10 : null;
    lists.push({
      key: scenario.key,
      title: scenario.title,
      app: app$,
      floor,
      ratioP95,
      meets: app$ ? { p95: app$.p95 <= TARGETS.listP95Ms, ratio: (ratioP95 ?? Infinity) <= TARGETS.listRatio } : null,
      cpu,
      error,
    });
    log(
      `${scenario.key}: app p50 ${app$?.p50} p95 ${app$?.p95} ms (${app$?.requestsPerSecond} req/s, non-2xx ${app$?.non2xx}); floor p50 ${floor.p50} p95 ${floor.p95} ms; ratio ${ratioP95}; cpu ${JSON.stringify(cpu)}`,
    );
  }

  // The pages people open, signed in through the sign-in form's own endpoint (the generated
  // people have no password: the three measured here are given one), then the declare page's
  // JavaScript and Lighthouse scores.
  let pages: BenchResults['pages'] = { skipped: 'not selected (BENCH_ONLY)' };
  if (runs('pages')) {
    try {
      const logins = {
        contributor: await setSignInPassword({ databaseUrl: database.url, personId: actors.contributor.personId }),
        referent: await setSignInPassword({ databaseUrl: database.url, personId: actors.referent.personId }),
        treasurer: await setSignInPassword({ databaseUrl: database.url, personId: actors.treasurer.personId }),
      };
      for (const who of ['contributor', 'referent', 'treasurer'] as const)
        actors[who].token = await reissueToken(database.url, actors[who].personId);
      const cookies = {
        contributor: await signInCookie(running.url, logins.contributor.email, logins.contributor.password),
        referent: await signInCookie(running.url, logins.referent.email, logins.referent.password),
        treasurer: await signInCookie(running.url, logins.treasurer.email, logins.treasurer.password),
      };
      const measured: PageResult[] = [];
      for (const page of pageScenarios({ openPeriodId: targets.largestOpen.id })) {
        // The page must answer as a signed-in one (not a redirect to the sign-in page).
        const check = await fetch(`${running.url}${page.path}`, {
          headers: { cookie: cookies[page.as] },
          redirect: 'manual',
          signal: AbortSignal.timeout(120_000),
        });
        await check.arrayBuffer();
        if (check.status !== 200) {
          log(`page ${page.path}: not measured, ${check.status} ${check.headers.get('location') ?? ''}`);
          measured.push({ ...page, oneClient: null, app: null, cpu: null, meets: null, error: String(check.status) });
          continue;
        }
        // One person opening the page, then ten at once.
        const { result: alone } = await load(onEvery(page.path), null, 1, 60, cookies[page.as]);
        const { result, cpu } = await load(onEvery(page.path), null, connections, 60, cookies[page.as]);
        measured.push({
          ...page,
          oneClient: alone,
          app: result,
          cpu,
          meets: result.non2xx === 0 && result.p95 <= TARGETS.pageP95Ms,
        });
        log(
          `page ${page.path}: one client p50 ${alone.p50} p95 ${alone.p95} ms; ${connections} clients p50 ${result.p50} p95 ${result.p95} ms (${result.requestsPerSecond} req/s, non-2xx ${result.non2xx}); cpu ${JSON.stringify(cpu)}`,
        );
      }
      let declare: DeclarePageResult | { skipped: string };
      try {
        declare = await measureDeclarePage({ baseUrl: running.url, ...logins.contributor, log });
        log(
          `declare page: ${declare.jsGzipBytes} B of JavaScript gzipped; Lighthouse performance ${declare.performance}, accessibility ${declare.accessibility}`,
        );
      } catch (error) {
        declare = { skipped: (error as Error).message };
        log(`declare page not measured: ${(error as Error).message}`);
      }
      pages = { lists: measured, declare };
    } catch (error) {
      pages = { skipped: (error as Error).message };
      log(`pages not measured: ${(error as Error).stack}`);
    }
  }

  // The exports first, while the server's heap has not yet been grown by the payout previews.
  // Each is downloaded from the first instance, whose memory is sampled.
  const csvPeriods = [
    targets.largest,
    ...(targets.largestClosed && targets.largestClosed.id !== targets.largest.id ? [targets.largestClosed] : []),
  ];
  const downloads: { export: DownloadKind; period: PeriodFacts }[] = [
    ...csvPeriods.map((period) => ({ export: 'contributions.csv' as const, period })),
    ...csvPeriods.map((period) => ({ export: 'payouts.csv' as const, period })),
    // The receipts of the approved claims of the closed period with the most of them.
    ...(targets.receiptsPeriod ? [{ export: 'receipts.zip' as const, period: targets.receiptsPeriod }] : []),
  ];
  const csvResults: CsvResult[] = [];
  let csv: BenchResults['csv'] = csvResults;
  if (!runs('csv')) csv = { skipped: 'not selected (BENCH_ONLY)' };
  for (const { export: exported, period } of runs('csv') ? downloads : []) {
    const result = await measureDownload(running.url, actors.treasurer.token, period, exported, server.pid, seconds);
    if (typeof result === 'string') {
      log(`${exported} not measured: ${result}`);
      csvResults.push({ export: exported, periodId: period.id, periodName: period.name, error: result });
      continue;
    }
    csvResults.push(result);
    log(
      `${exported} of ${period.name}: ${result.csvLines} lines${result.files === undefined ? '' : `, ${result.files} files`} in ${result.secondsP50} s = ${result.rowsPerSecond} rows/s; RSS ${result.rssBeforeMb} → ${result.rssPeakMb} MB (+${result.growthMb} MB)`,
    );
  }

  const previewPath = `/api/v1/periods/${targets.largestOpen.id}/payouts`;
  const payoutPreview: BenchResults['payoutPreview'] = {
    periodId: targets.largestOpen.id,
    periodName: targets.largestOpen.name,
    approved: targets.largestOpen.approved,
    oneClient: null,
    tenClients: null,
    meets: null,
  };
  const previewCheck = runs('payouts')
    ? await getJson(`${running.url}${previewPath}`, actors.treasurer.token)
    : { status: 0, body: 'not selected (BENCH_ONLY)' };
  if (previewCheck.status !== 200) {
    payoutPreview.error = `${previewCheck.status} ${JSON.stringify(previewCheck.body).slice(0, 200)}`;
  } else {
    ({ result: payoutPreview.oneClient, cpu: payoutPreview.oneClientCpu } = await load(
      onEvery(previewPath),
      actors.treasurer.token,
      1,
      120,
    ));
    ({ result: payoutPreview.tenClients } = await load(onEvery(previewPath), actors.treasurer.token, connections, 120));
    payoutPreview.meets = {
      oneClient: payoutPreview.oneClient.p95 <= TARGETS.previewOneClientP95Ms,
      tenClients:
        payoutPreview.tenClients.non2xx === 0 && payoutPreview.tenClients.p95 <= TARGETS.previewTenClientsP95Ms,
    };
    log(
      `payout preview (${targets.largestOpen.approved} approved): one client p50 ${payoutPreview.oneClient.p50} p95 ${payoutPreview.oneClient.p95} ms; ${connections} clients p50 ${payoutPreview.tenClients.p50} p95 ${payoutPreview.tenClients.p95} ms`,
    );
  }

  let payoutFrozen: BenchResults['payoutFrozen'] = null;
  if (targets.largestClosed && runs('payouts')) {
    const frozenPath = `/api/v1/periods/${targets.largestClosed.id}/payouts`;
    const frozenCheck = await getJson(`${running.url}${frozenPath}`, actors.treasurer.token);
    payoutFrozen = {
      periodId: targets.largestClosed.id,
      periodName: targets.largestClosed.name,
      approved: targets.largestClosed.approved,
      oneClient: null,
    };
    if (frozenCheck.status !== 200)
      payoutFrozen.error = `${frozenCheck.status} ${JSON.stringify(frozenCheck.body).slice(0, 200)}`;
    else
      ({ result: payoutFrozen.oneClient, cpu: payoutFrozen.oneClientCpu } = await load(
        onEvery(frozenPath),
        actors.treasurer.token,
        1,
        120,
      ));
    log(
      `frozen payouts (${targets.largestClosed.name}): p50 ${payoutFrozen.oneClient?.p50} p95 ${payoutFrozen.oneClient?.p95} ms`,
    );
  }

  const loadAverageAtEnd = Math.round(os.loadavg()[0] * 100) / 100;
  await Promise.all(apps.map((app) => app.stop()));
  apps = [];

  // `npm start` on a database that is up (the build excepted): cold starts, one after the other.
  let startup: BenchResults['startup'] = { skipped: 'not selected (BENCH_ONLY)' };
  if (runs('startup')) {
    const starts: number[] = [];
    for (let n = 0; n < STARTS; n++) {
      const { app, startMs } = await startInstance();
      apps = [app];
      starts.push(startMs);
      await app.stop();
      apps = [];
    }
    const medianMs = Math.round(median(starts));
    startup = { startsMs: starts, medianMs, meets: medianMs <= TARGETS.startupMs };
    log(`npm start to first answer: ${starts.join(', ')} ms (median ${medianMs} ms)`);
  }

  let diagnosis: BenchResults['diagnosis'];
  let plans = '';
  try {
    if (!runs('diagnose')) throw new Error('not selected (BENCH_ONLY)');
    const diagnosed = await diagnose({
      databaseUrl: database.url,
      lists: listScenarios(actors, deep),
      treasurerId: actors.treasurer.personId,
      referentId: actors.referent.personId,
      contributorId: actors.contributor.personId,
      contributorToken: actors.contributor.token,
      previewPeriodId: targets.largestOpen.id,
      frozenPeriodId: targets.largestClosed?.id ?? null,
      log,
    });
    diagnosis = diagnosed.diagnosis;
    plans = diagnosed.plans;
  } catch (error) {
    diagnosis = { skipped: (error as Error).message };
    if (runs('diagnose')) log(`diagnosis failed: ${(error as Error).stack}`);
  }

  const date = new Date().toISOString().slice(0, 10);
  const results: BenchResults = {
    date,
    scale: scale.name,
    seed,
    machine,
    loadAverageAtEnd,
    database: database.kind,
    generation,
    build,
    appStartMs,
    instances: {
      count: instances,
      webConcurrency: process.env.WEB_CONCURRENCY ?? null,
      nodeProcesses: appProcesses,
      startMs: instanceStarts,
    },
    startup,
    dataSet,
    settings: { connections, seconds, deepPages: scale.deepPages, deepRows: deep.rows },
    actors: targets.facts,
    baselines,
    lists,
    pages,
    payoutPreview,
    payoutFrozen,
    csv,
    diagnosis,
    totalSeconds: Math.round((performance.now() - started) / 1000),
  };
  const resultsDir = path.join(root, 'bench', 'results');
  fs.mkdirSync(resultsDir, { recursive: true });
  const base = path.join(resultsDir, `${date}-${scale.name}${only ? '-partial' : ''}`);
  fs.writeFileSync(`${base}.json`, `${JSON.stringify(results, null, 2)}\n`);
  const markdown = markdownReport(results);
  fs.writeFileSync(`${base}.md`, markdown);
  if (plans) fs.writeFileSync(`${base}-plans.txt`, plans);
  console.log(`\n${markdown}`);
  log(`results: ${path.relative(root, base)}.json, .md${plans ? ', -plans.txt' : ''}`);
  clearTimeout(watchdog);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    log(`${signal}: stopping`);
    void cleanup().finally(() => process.exit(130));
  });
}

main()
  .then(() => cleanup())
  .catch(async (error: unknown) => {
    console.error('[bench] failed:', error instanceof Error ? error.stack : error);
    for (const app of apps) console.error(`[bench] last output of the app:\n${app.output().slice(-4000)}`);
    await cleanup();
    process.exitCode = 1;
  });
