// The benchmark's results: the JSON kept in bench/results/, and the short Markdown table printed
// and saved beside it.
import type { Diagnosis } from './diagnose';
import type { DeclarePageResult } from './lighthouse';
import type { PageScenario } from './scenarios';
import type { GenerateReport } from './generate';
import type { LoadResult } from './load';
import type { Machine } from './machine';

export const TARGETS = {
  listP95Ms: 150,
  listRatio: 3,
  previewMs: 500,
  dashboardMs: 300,
  csvRowsPerSecond: 100_000,
  csvGrowthMb: 100,
  declareJsGzipBytes: 150_000,
  lighthousePerformance: 90,
  lighthouseAccessibility: 95,
} as const;

export type PageResult = PageScenario & { oneClient: LoadResult; app: LoadResult; cpu: CpuPerRequest; meets: boolean };

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

export type CsvResult = {
  export: 'contributions.csv' | 'payouts.csv';
  periodId: string;
  periodName: string;
  periodStatus: string;
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
  appStartMs: number;
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
    meets: boolean | null;
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
  /** The largest open period's plan (GET /api/v1/periods/{id}/plan) and dashboard page, one client. */
  planDashboard?:
    | {
        periodId: string;
        periodName: string;
        approved: number;
        planLines: number;
        api: LoadResult | null;
        page: LoadResult | null;
        meets: boolean | null;
        error?: string;
      }
    | { skipped: string };
  diagnosis: Diagnosis | { skipped: string };
  totalSeconds: number;
};

const ms = (value: number | undefined | null) =>
  value === undefined || value === null || Number.isNaN(value) ? '–' : `${value} ms`;
const mark = (ok: boolean | null | undefined) => (ok === null || ok === undefined ? '–' : ok ? 'met' : '**missed**');

function pagesReport(results: BenchResults): string[] {
  const pages = results.pages;
  const lines = ['## Pages (server-rendered HTML, signed in)', ''];
  if (!pages) return [];
  if ('skipped' in pages) return [...lines, `Not measured: ${pages.skipped}`, ''];
  lines.push(
    '| page | as | 1 client p50 / p95 | 10 clients p50 | p95 | p99 | req/s | app CPU ms | p95 ≤ 150 ms |',
    '|---|---|---|---|---|---|---|---|---|',
  );
  for (const page of pages.lists)
    lines.push(
      `| ${page.title} (\`${page.path}\`) | ${page.as} | ${ms(page.oneClient?.p50)} / ${ms(page.oneClient?.p95)} | ${ms(page.app.p50)} | ${ms(page.app.p95)} | ${ms(page.app.p99)} | ${page.app.requestsPerSecond} | ${page.cpu.appMsPerRequest} | ${mark(page.meets)} |`,
    );
  lines.push('', '### The declare page in a browser (Lighthouse, median of 3 runs)', '');
  const declare = pages.declare;
  if ('skipped' in declare) return [...lines, `Not measured: ${declare.skipped}`, ''];
  const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
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

export function markdownReport(results: BenchResults): string {
  const m = results.machine;
  const gen =
    'reused' in results.generation
      ? 'reused an existing data set'
      : `${results.generation.seconds} s (${results.generation.rows.contributions?.toLocaleString('en')} contributions, ${results.generation.rows.contribution_events?.toLocaleString('en')} events)`;
  const lines = [
    `# Butin benchmark — ${results.date}, scale ${results.scale}`,
    '',
    `Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB; ${m.os}; Node ${m.node}; ${m.postgres.split(' on ')[0]} (${results.database}). Load average (1 min) at start ${m.loadAverage[0]}, at the end of the measurements ${results.loadAverageAtEnd}.`,
    `Data: seed ${results.seed}; generation ${gen}. Load: ${results.settings.connections} connections, ${results.settings.seconds} s per scenario, loopback.`,
    '',
    '## Lists (GET /api/v1/contributions), 10 concurrent clients',
    '',
    '| scenario | app p50 | app p95 | app p99 | app req/s | SQL floor p50 | SQL floor p95 | p95 ratio | p95 ≤ 150 ms | ≤ 3× floor |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...results.lists.map((list) =>
      list.app
        ? `| ${list.title} | ${ms(list.app.p50)} | ${ms(list.app.p95)} | ${ms(list.app.p99)} | ${list.app.requestsPerSecond} | ${ms(list.floor.p50)} | ${ms(list.floor.p95)} | ${list.ratioP95 ?? '–'}× | ${mark(list.meets?.p95)} | ${mark(list.meets?.ratio)} |`
        : `| ${list.title} | error: ${list.error} | | | | ${ms(list.floor.p50)} | ${ms(list.floor.p95)} | | | |`,
    ),
    '',
    'CPU per request (ms) during the app runs — the app server, PostgreSQL, autocannon — and cores kept busy (of ' +
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
    '| period | approved contributions | clients | p50 | p95 | p99 | req/s | target ≤ 500 ms |',
    '|---|---|---|---|---|---|---|---|',
  ];
  const p = results.payoutPreview;
  if (p.oneClient)
    lines.push(
      `| ${p.periodName} (open: live preview) | ${p.approved.toLocaleString('en')} | 1 | ${ms(p.oneClient.p50)} | ${ms(p.oneClient.p95)} | ${ms(p.oneClient.p99)} | ${p.oneClient.requestsPerSecond} | ${mark(p.meets)} (p95, one client) |`,
    );
  if (p.tenClients)
    lines.push(
      `| ${p.periodName} (open: live preview) | ${p.approved.toLocaleString('en')} | 10 | ${ms(p.tenClients.p50)} | ${ms(p.tenClients.p95)} | ${ms(p.tenClients.p99)} | ${p.tenClients.requestsPerSecond} | – |`,
    );
  if (p.error) lines.push(`| ${p.periodName} | ${p.approved} | – | error: ${p.error} | | | | |`);
  const f = results.payoutFrozen;
  if (f?.oneClient)
    lines.push(
      `| ${f.periodName} (closed: frozen run) | ${f.approved.toLocaleString('en')} | 1 | ${ms(f.oneClient.p50)} | ${ms(f.oneClient.p95)} | ${ms(f.oneClient.p99)} | ${f.oneClient.requestsPerSecond} | – |`,
    );
  const d = results.planDashboard;
  if (d) {
    lines.push('', '## Plan and dashboard of the largest open period, one client', '');
    if ('skipped' in d) lines.push(`Not measured: ${d.skipped}`);
    else {
      lines.push(
        `${d.periodName}: ${d.approved.toLocaleString('en')} approved contributions, ${d.planLines} plan lines.`,
        '',
        '| request | p50 | p95 | p99 | req/s | p95 ≤ 300 ms |',
        '|---|---|---|---|---|---|',
      );
      if (d.api)
        lines.push(
          `| GET /api/v1/periods/{id}/plan | ${ms(d.api.p50)} | ${ms(d.api.p95)} | ${ms(d.api.p99)} | ${d.api.requestsPerSecond} | ${mark(d.api.p95 <= TARGETS.dashboardMs)} |`,
        );
      if (d.page)
        lines.push(
          `| /periods/{id}/dashboard (page, with the burn-up) | ${ms(d.page.p50)} | ${ms(d.page.p95)} | ${ms(d.page.p99)} | ${d.page.requestsPerSecond} | ${mark(d.page.p95 <= TARGETS.dashboardMs)} |`,
        );
      if (d.error) lines.push('', `Error: ${d.error}`);
    }
  }
  lines.push('', '## CSV exports (GET /api/v1/periods/{id}/exports/…), one client', '');
  if ('skipped' in results.csv) {
    lines.push(`Not measured: ${results.csv.skipped}`);
  } else {
    lines.push(
      '| export | period | lines | bytes | time p50 | rows/s | ≥ 100 k rows/s | RSS before | RSS peak | growth | < 100 MB |',
      '|---|---|---|---|---|---|---|---|---|---|---|',
    );
    for (const csv of results.csv) {
      lines.push(
        `| ${csv.export ?? 'payouts.csv'} | ${csv.periodName} (${csv.periodStatus.toLowerCase()}) | ${csv.csvLines.toLocaleString('en')} | ${csv.bytes.toLocaleString('en')} | ${csv.secondsP50 * 1000} ms | ${csv.rowsPerSecond.toLocaleString('en')} | ${mark(csv.meets.rowsPerSecond)} | ${csv.rssBeforeMb} MB | ${csv.rssPeakMb} MB | ${csv.growthMb} MB | ${mark(csv.meets.memory)} |`,
      );
    }
  }
  lines.push('', `Total run: ${results.totalSeconds} s.`, '');
  return lines.join('\n');
}
