// The benchmark's results: the JSON kept in bench/results/, and the short Markdown table printed
// and saved beside it.
import type { Diagnosis } from './diagnose';
import type { DeclarePageResult } from './lighthouse';
import type { PageScenario } from './scenarios';
import type { GenerateReport } from './generate';
import type { LoadResult } from './load';
import type { Machine } from './machine';

import { TARGETS } from './targets';
import type { DownloadKind } from './csv-export';

export { TARGETS };

export type PageResult = PageScenario & {
  oneClient: LoadResult | null;
  app: LoadResult | null;
  cpu: CpuPerRequest | null;
  meets: boolean | null;
  error?: string;
};

/** CPU ms per request: the app's processes, PostgreSQL's (embedded only), and autocannon's. */
export type CpuPerRequest = {
  appMsPerRequest: number;
  dbMsPerRequest: number | null;
  loadGeneratorMsPerRequest: number;
  coresBusy: number;
};

export type ListResult = {
  key: string;
  title: string;
  app: LoadResult | null;
  floor: LoadResult;
  ratioP95: number | null;
  meets: { p95: boolean; ratio: boolean } | null;
  cpu?: CpuPerRequest;
  error?: string;
};

export type CsvResult = DownloadResult | { export: DownloadKind; periodId: string; periodName: string; error: string };

export type DownloadResult = {
  export: DownloadKind;
  periodId: string;
  periodName: string;
  periodStatus: string;
  /** receipts.zip: the files in it. */
  files?: number;
  runs: number;
  secondsP50: number;
  bytes: number;
  csvLines: number;
  rowsPerSecond: number;
  rssBeforeMb: number;
  rssPeakMb: number;
  growthMb: number;
  meets: { rowsPerSecond: boolean | null; memory: boolean };
};

export type BenchResults = {
  date: string;
  scale: string;
  seed: number;
  machine: Machine;
  /** 1-minute load average when the measurements ended: another job on the machine shows here. */
  loadAverageAtEnd: number;
  database: 'embedded' | 'BENCH_DATABASE_URL';
  generation: GenerateReport | { reused: true };
  build: { built: boolean; seconds: number };
  /** The first instance: from spawning `npm start` to its first answer. */
  appStartMs: number;
  instances?: { count: number; webConcurrency: string | null; nodeProcesses: number[]; startMs: number[] };
  startup?: { startsMs: number[]; medianMs: number; meets: boolean } | { skipped: string };
  dataSet?: { databaseMb: number; rows: Record<string, number> };
  settings: { connections: number; seconds: number; deepPages: number; deepRows: number };
  actors: Record<string, unknown>;
  baselines: { title: string; app: LoadResult; cpu: CpuPerRequest }[];
  lists: ListResult[];
  pages: { lists: PageResult[]; declare: DeclarePageResult | { skipped: string } } | { skipped: string };
  payoutPreview: {
    periodId: string;
    periodName: string;
    approved: number;
    oneClient: LoadResult | null;
    oneClientCpu?: CpuPerRequest;
    tenClients: LoadResult | null;
    meets: { oneClient: boolean; tenClients: boolean } | null;
    error?: string;
  };
  payoutFrozen: {
    periodId: string;
    periodName: string;
    approved: number;
    oneClient: LoadResult | null;
    oneClientCpu?: CpuPerRequest;
    error?: string;
  } | null;
  csv: CsvResult[] | { skipped: string };
  diagnosis: Diagnosis | { skipped: string };
  totalSeconds: number;
};

const ms = (value: number | undefined | null) =>
  value === undefined || value === null || Number.isNaN(value) ? '–' : `${value} ms`;
const mark = (ok: boolean | null | undefined) => (ok === null || ok === undefined ? '–' : ok ? 'met' : '**missed**');
const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

function pagesReport(results: BenchResults): string[] {
  const pages = results.pages;
  const lines = ['## Pages (server-rendered HTML, signed in)', ''];
  if (!pages) return [];
  if ('skipped' in pages) return [...lines, `Not measured: ${pages.skipped}`, ''];
  lines.push(
    `| page | as | 1 client p50 / p95 | ${results.settings.connections} clients p50 | p95 | p99 | req/s | app CPU ms | p95 ≤ ${TARGETS.pageP95Ms} ms |`,
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const page of pages.lists)
    lines.push(
      page.app && page.cpu && page.app.requests === 0
        ? `| ${page.title} (\`${page.path.replace(/c[0-9a-z]{24}/, '[id]')}\`) | ${page.as} | ${ms(page.oneClient?.p50)} / ${ms(page.oneClient?.p95)} | none answered within ${page.app.seconds} s | | | 0 | ${page.cpu.appMsPerRequest} | ${mark(page.meets)} |`
        : page.app && page.cpu
          ? `| ${page.title} (\`${page.path.replace(/c[0-9a-z]{24}/, '[id]')}\`) | ${page.as} | ${ms(page.oneClient?.p50)} / ${ms(page.oneClient?.p95)} | ${ms(page.app.p50)} | ${ms(page.app.p95)} | ${ms(page.app.p99)} | ${page.app.requestsPerSecond} | ${page.cpu.appMsPerRequest} | ${mark(page.meets)} |`
          : `| ${page.title} (\`${page.path}\`) | ${page.as} | error: ${page.error ?? '?'} | | | | | | |`,
    );
  lines.push('', '### The declare page in a browser (Lighthouse, median of 3 runs)', '');
  const declare = pages.declare;
  if ('skipped' in declare) return [...lines, `Not measured: ${declare.skipped}`, ''];
  lines.push(
    '| what | figure | target |',
    '|---|---|---|',
    `| JavaScript, gzipped (${declare.jsFiles.length} files) | ${kb(declare.jsGzipBytes)} | ≤ ${kb(TARGETS.declareJsGzipBytes)}: ${mark(declare.jsGzipBytes <= TARGETS.declareJsGzipBytes)} |`,
    `| Lighthouse performance | ${declare.performance} (runs: ${declare.runs.map((run) => run.performance).join(', ')}) | ≥ ${TARGETS.lighthousePerformance}: ${mark(declare.performance >= TARGETS.lighthousePerformance)} |`,
    `| Lighthouse accessibility | ${declare.accessibility} (runs: ${declare.runs.map((run) => run.accessibility).join(', ')}) | ≥ ${TARGETS.lighthouseAccessibility}: ${mark(declare.accessibility >= TARGETS.lighthouseAccessibility)} |`,
    `| FCP / LCP / TBT / CLS / Speed Index | ${declare.metrics.fcpMs} ms / ${declare.metrics.lcpMs} ms / ${declare.metrics.tbtMs} ms / ${declare.metrics.cls} / ${declare.metrics.speedIndexMs} ms | – |`,
    '',
    `Lighthouse ${declare.lighthouseVersion}, Chromium ${declare.chromeVersion}, CPU index ${declare.benchmarkIndex}. Largest scripts: ${[
      ...declare.jsFiles,
    ]
      .sort((a, b) => b.gzipBytes - a.gzipBytes)
      .slice(0, 3)
      .map((file) => `${file.url.split('/').pop()} ${kb(file.gzipBytes)}`)
      .join(', ')}.`,
    '',
  );
  return lines;
}

/** The hot queries' EXPLAIN (ANALYZE, BUFFERS), one line each; the whole plans are in -plans.txt. */
function queriesReport(results: BenchResults): string[] {
  const diagnosis = results.diagnosis;
  if (!diagnosis || 'skipped' in diagnosis) return [];
  const rows: string[] = [];
  const add = (
    what: string,
    query: { sql: string; ms: number; rows: number; explainMs: number | null; top?: string; buffers?: string },
  ) =>
    rows.push(
      `| ${what} | ${query.ms} ms | ${query.explainMs === null ? '–' : `${query.explainMs} ms`} | ${query.rows} | ${query.top ?? '–'} | ${query.buffers ?? '–'} |`,
    );
  for (const list of diagnosis.lists) {
    list.queries.forEach((query, index) => add(`${list.key}, app query ${index + 1}`, query));
    add(`${list.key}, SQL floor`, list.floor);
  }
  for (const screen of diagnosis.screens ?? [])
    if ('error' in screen) rows.push(`| ${screen.key} | error: ${screen.error} | | | | |`);
    else
      screen.queries
        .filter((query) => query.explainMs !== null)
        .forEach((query, index) => add(`${screen.key}, query ${index + 1} (call ${screen.callMs} ms)`, query));
  if (rows.length === 0) return [];
  return [
    '## Hot queries: EXPLAIN (ANALYZE, BUFFERS) at this scale',
    '',
    'Each statement the app sends for the lists and the new screens, recorded in-process and explained as sent (median of several calls); whole plans in `-plans.txt`.',
    '',
    '| statement | in the app | execution (EXPLAIN) | rows | top of the plan | buffers |',
    '|---|---|---|---|---|---|',
    ...rows,
    '',
  ];
}

export function markdownReport(results: BenchResults): string {
  const m = results.machine;
  const gen =
    'reused' in results.generation
      ? 'reused an existing data set'
      : `${results.generation.seconds} s (${results.generation.rows.contributions?.toLocaleString('en')} contributions, ${results.generation.rows.contribution_events?.toLocaleString('en')} events, ${results.generation.rows.claims?.toLocaleString('en') ?? 0} claims, ${results.generation.rows.attachments?.toLocaleString('en') ?? 0} receipts, ${results.generation.rows.plan_lines?.toLocaleString('en') ?? 0} plan lines)`;
  const instances = results.instances;
  const startup = results.startup;
  const lines = [
    `# Butin benchmark — ${results.date}, scale ${results.scale}`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; ${m.os}; Node ${m.node}; ${m.postgres.split(' on ')[0]} (${results.database}). Load average (1 min) at start ${m.loadAverage[0]}, at the end of the measurements ${results.loadAverageAtEnd}.`,
    `Data: seed ${results.seed}; generation ${gen}${results.dataSet ? `; database ${results.dataSet.databaseMb.toLocaleString('en')} MB` : ''}. Load: ${results.settings.connections} connections, ${results.settings.seconds} s per scenario, loopback.`,
    instances
      ? `App: ${instances.count} instance(s) of \`npm start\` (\`node scripts/run.mjs start\`) on one PostgreSQL, connections spread round-robin; WEB_CONCURRENCY ${instances.webConcurrency ?? 'unset (the app’s default)'}; Node processes per instance ${instances.nodeProcesses.join(', ')}; each answered its first request ${instances.startMs.map((value) => `${value} ms`).join(', ')} after it was spawned.`
      : `App: one instance, up in ${results.appStartMs} ms.`,
    '',
    `## Lists (GET /api/v1/contributions), ${results.settings.connections} concurrent clients`,
    '',
    `| scenario | app p50 | app p95 | app p99 | app req/s | SQL floor p50 | SQL floor p95 | p95 ratio | p95 ≤ ${TARGETS.listP95Ms} ms | ≤ ${TARGETS.listRatio}× floor |`,
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.lists.map((list) =>
      list.app
        ? `| ${list.title} | ${ms(list.app.p50)} | ${ms(list.app.p95)} | ${ms(list.app.p99)} | ${list.app.requestsPerSecond} | ${ms(list.floor.p50)} | ${ms(list.floor.p95)} | ${list.ratioP95 ?? '–'}× | ${mark(list.meets?.p95)} | ${mark(list.meets?.ratio)} |`
        : `| ${list.title} | error: ${list.error} | | | | ${ms(list.floor.p50)} | ${ms(list.floor.p95)} | | | |`,
    ),
    '',
    'CPU per request (ms) during the app runs — the app server(s), PostgreSQL, autocannon — and cores kept busy (of ' +
      m.cores +
      '):',
    '',
    '| request | app p50 | app p95 | req/s | app CPU | PostgreSQL CPU | autocannon CPU | cores busy |',
    '|---|---|---|---|---|---|---|---|',
    ...results.baselines.map(
      (b) =>
        `| ${b.title} | ${ms(b.app.p50)} | ${ms(b.app.p95)} | ${b.app.requestsPerSecond} | ${b.cpu.appMsPerRequest} | ${b.cpu.dbMsPerRequest ?? '–'} | ${b.cpu.loadGeneratorMsPerRequest} | ${b.cpu.coresBusy} |`,
    ),
    ...results.lists
      .filter((list) => list.app && list.cpu)
      .map(
        (list) =>
          `| ${list.title} | ${ms(list.app!.p50)} | ${ms(list.app!.p95)} | ${list.app!.requestsPerSecond} | ${list.cpu!.appMsPerRequest} | ${list.cpu!.dbMsPerRequest ?? '–'} | ${list.cpu!.loadGeneratorMsPerRequest} | ${list.cpu!.coresBusy} |`,
      ),
    '',
    `Deep page: the cursor after ${results.settings.deepRows.toLocaleString('en')} rows (${results.settings.deepPages} pages of 200 followed).`,
    '',
    ...pagesReport(results),
    '## Payouts (GET /api/v1/periods/{id}/payouts)',
    '',
    `| period | approved contributions | clients | p50 | p95 | p99 | req/s | target (p95) |`,
    '|---|---|---|---|---|---|---|---|',
  ];
  const p = results.payoutPreview;
  if (p.oneClient)
    lines.push(
      `| ${p.periodName} (open: live preview) | ${p.approved.toLocaleString('en')} | 1 | ${ms(p.oneClient.p50)} | ${ms(p.oneClient.p95)} | ${ms(p.oneClient.p99)} | ${p.oneClient.requestsPerSecond} | ≤ ${TARGETS.previewOneClientP95Ms} ms: ${mark(p.meets?.oneClient)} |`,
    );
  if (p.tenClients)
    lines.push(
      `| ${p.periodName} (open: live preview) | ${p.approved.toLocaleString('en')} | ${p.tenClients.connections} | ${ms(p.tenClients.p50)} | ${ms(p.tenClients.p95)} | ${ms(p.tenClients.p99)} | ${p.tenClients.requestsPerSecond} | ≤ ${TARGETS.previewTenClientsP95Ms} ms: ${mark(p.meets?.tenClients)} |`,
    );
  if (p.error) lines.push(`| ${p.periodName} | ${p.approved} | – | error: ${p.error} | | | | |`);
  const f = results.payoutFrozen;
  if (f?.oneClient)
    lines.push(
      `| ${f.periodName} (closed: frozen run) | ${f.approved.toLocaleString('en')} | 1 | ${ms(f.oneClient.p50)} | ${ms(f.oneClient.p95)} | ${ms(f.oneClient.p99)} | ${f.oneClient.requestsPerSecond} | – |`,
    );
  lines.push('', '## Exports (GET /api/v1/periods/{id}/exports/…), one client', '');
  if ('skipped' in results.csv) {
    lines.push(`Not measured: ${results.csv.skipped}`);
  } else {
    lines.push(
      `| export | period | lines (files) | bytes | time p50 | rows/s | ≥ ${TARGETS.csvRowsPerSecond / 1000} k rows/s | RSS before | RSS peak | growth | < ${TARGETS.csvGrowthMb} MB |`,
      '|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const csv of results.csv) {
      if ('error' in csv) {
        lines.push(`| ${csv.export} | ${csv.periodName} | error: ${csv.error} | | | | | | | | |`);
        continue;
      }
      lines.push(
        `| ${csv.export ?? 'payouts.csv'} | ${csv.periodName} (${csv.periodStatus.toLowerCase()}) | ${csv.files === undefined ? csv.csvLines.toLocaleString('en') : `(${csv.files.toLocaleString('en')} files)`} | ${csv.bytes.toLocaleString('en')} | ${Math.round(csv.secondsP50 * 1000)} ms | ${csv.rowsPerSecond.toLocaleString('en')} | ${mark(csv.meets.rowsPerSecond)} | ${csv.rssBeforeMb} MB | ${csv.rssPeakMb} MB | ${csv.growthMb} MB | ${mark(csv.meets.memory)} |`,
      );
    }
  }
  lines.push('', '## `npm start` to its first answer (the database up, the app built)', '');
  if (!startup) lines.push('Not measured.');
  else if ('skipped' in startup) lines.push(`Not measured: ${startup.skipped}`);
  else
    lines.push(
      `${startup.startsMs.length} cold starts of \`node scripts/run.mjs start\` until GET /api/health answered 200: ${startup.startsMs.map((value) => `${value} ms`).join(', ')}; median ${startup.medianMs} ms — ≤ ${TARGETS.startupMs} ms: ${mark(startup.meets)}.`,
    );
  lines.push('', ...queriesReport(results), `Total run: ${results.totalSeconds} s.`, '');
  return lines.join('\n');
}
