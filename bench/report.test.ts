// The results table says met or missed against issue 16's targets, and reports what could not be
// measured instead of dropping it.
import { describe, expect, it } from 'vitest';
import { markdownReport, type BenchResults } from './report';
import type { LoadResult } from './load';

const latency = (p95: number): LoadResult => ({
  requests: 100,
  requestsPerSecond: 50,
  p50: p95 / 2,
  p95,
  p99: p95,
  mean: p95 / 2,
  max: p95,
  connections: 10,
  seconds: 3,
  non2xx: 0,
  errors: 0,
});
const cpu = { appMsPerRequest: 10, dbMsPerRequest: 1, loadGeneratorMsPerRequest: 0.5, coresBusy: 1.5 };

function results(overrides: Partial<BenchResults> = {}): BenchResults {
  return {
    date: '2026-12-02',
    scale: 'small',
    seed: 1,
    machine: {
      cpu: 'CPU',
      cores: 2,
      memoryGb: 4,
      os: 'Linux',
      node: 'v20',
      postgres: 'PostgreSQL 18',
      loadAverage: [1],
    },
    loadAverageAtEnd: 1,
    database: 'embedded',
    generation: { reused: true },
    build: { built: false, seconds: 0 },
    appStartMs: 900,
    instances: { count: 2, webConcurrency: null, nodeProcesses: [1, 1], startMs: [900, 950] },
    startup: { startsMs: [2100, 2200, 2050], medianMs: 2100, meets: false },
    dataSet: { databaseMb: 58, rows: {} },
    settings: { connections: 10, seconds: 3, deepPages: 20, deepRows: 4000 },
    actors: {},
    baselines: [],
    lists: [
      {
        key: 'referentQueue',
        title: 'Queue',
        app: latency(90),
        floor: latency(60),
        ratioP95: 1.5,
        meets: { p95: true, ratio: true },
        cpu,
      },
    ],
    pages: {
      lists: [
        {
          key: 'periodPage',
          title: 'Period',
          path: '/periods/c00000000000000000000000a',
          as: 'treasurer',
          oneClient: latency(40),
          app: latency(160),
          cpu,
          meets: false,
        },
        {
          key: 'planPage',
          title: 'Plan',
          path: '/periods/x/plan',
          as: 'treasurer',
          oneClient: null,
          app: null,
          cpu: null,
          meets: null,
          error: '307',
        },
      ],
      declare: { skipped: 'no browser' },
    },
    payoutPreview: {
      periodId: 'p',
      periodName: 'Septembre 2026',
      approved: 1000,
      oneClient: latency(140),
      tenClients: latency(600),
      meets: { oneClient: true, tenClients: false },
    },
    payoutFrozen: null,
    csv: [{ export: 'receipts.zip', periodId: 'q', periodName: 'Août 2026', error: '403 forbidden' }],
    diagnosis: { skipped: 'not selected' },
    totalSeconds: 60,
    ...overrides,
  };
}

describe('markdownReport', () => {
  const report = markdownReport(results());

  it.each([
    ['the lists against 100 ms and 1.5×', '| Queue | 45 ms | 90 ms | 90 ms | 50 | 30 ms | 60 ms | 1.5× | met | met |'],
    [
      'the pages against 150 ms, the id hidden',
      '| Period (`/periods/[id]`) | treasurer | 20 ms / 40 ms | 80 ms | 160 ms',
    ],
    ['a page not measured, with why', '| Plan (`/periods/x/plan`) | treasurer | error: 307 |'],
    ['the preview at one client against 150 ms', '| 1 | 70 ms | 140 ms | 140 ms | 50 | ≤ 150 ms: met |'],
    ['the preview at 10 clients against 500 ms', '| 10 | 300 ms | 600 ms | 600 ms | 50 | ≤ 500 ms: **missed** |'],
    ['an export not measured, with why', '| receipts.zip | Août 2026 | error: 403 forbidden |'],
    ['the startup against 2 s', 'median 2100 ms — ≤ 2000 ms: **missed**'],
    ['the instances', '2 instance(s) of `npm start`'],
  ])('shows %s', (_what, expected) => {
    expect(report).toContain(expected);
  });

  it('marks a page over the target as missed', () => {
    expect(report).toMatch(/\| Period .*\| \*\*missed\*\* \|/);
  });
});
