// The start script's HTTP server (scripts/server.ts), around a handler standing in for Next.js:
// /metrics in Prometheus text for the bearer of METRICS_TOKEN (401 otherwise, left to the app when
// no token is set), requests counted by route and timed, the database pool and a real pricing
// preview measured; an access-log line per request; a stop that lets a request in flight finish.
import http from 'node:http';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppServer, type Handler } from '../../scripts/server';
import { db } from '@/lib/db';
import { routeMatcher } from '@/lib/metrics/routes';
import { metrics } from '@/lib/metrics';
import { getPayouts } from '@/lib/periods/get-payouts';
import { createCast, periodWithPayees } from './treasury-fixtures';
import { resetDatabase } from '../support/database';

const TOKEN = 'metrics-token-0123456789';
const lines: Record<string, unknown>[] = [];
const log = pino(
  { level: 'debug', base: undefined },
  new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()));
      done();
    },
  }),
);
const routeOf = routeMatcher({
  staticRoutes: [{ page: '/api/health' }],
  dynamicRoutes: [{ page: '/api/v1/periods/[id]', regex: '^/api/v1/periods/([^/]+?)(?:/)?$' }],
});

/** Stands in for Next: answers from the real database, slowly on /slow. */
const handle: Handler = async (request, response) => {
  if (request.url?.startsWith('/slow')) await new Promise((resolve) => setTimeout(resolve, 800));
  if (request.url === '/boom') throw new Error('handler exploded');
  const rows = await db().$queryRaw<{ one: number }[]>`SELECT 1 AS one`;
  const known = request.url === '/api/health' || request.url?.startsWith('/api/v1/periods/') || request.url === '/slow';
  response.statusCode = known ? 200 : 404;
  response.end(JSON.stringify(rows));
};

async function serve(metricsToken?: string) {
  const app = createAppServer({ handle, log, routeOf, metricsToken });
  const url = await app.listen(0, '127.0.0.1');
  return { app, url };
}

let withToken: Awaited<ReturnType<typeof serve>>;
let withoutToken: Awaited<ReturnType<typeof serve>>;

beforeAll(async () => {
  await resetDatabase();
  withToken = await serve(TOKEN);
  withoutToken = await serve(undefined);
});
afterAll(async () => {
  await withToken.app.close(0);
  await withoutToken.app.close(0);
});

describe('/metrics', () => {
  it('is the app’s 404 when no token is configured', async () => {
    const response = await fetch(`${withoutToken.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(404);
  });

  it('answers 401 with the JSON error shape without the right bearer token', async () => {
    for (const authorization of [undefined, 'Bearer wrong-token', TOKEN, `Basic ${TOKEN}`]) {
      const response = await fetch(`${withToken.url}/metrics`, {
        headers: authorization ? { authorization } : {},
      });
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: 'UNAUTHENTICATED', message: 'A valid metrics token is required' },
      });
    }
  });

  it('counts requests by route and status, times them, and reports the pool, previews, exports and memory', async () => {
    for (const id of ['a1', 'b2', 'c3'])
      expect((await fetch(`${withToken.url}/api/v1/periods/${id}`)).status).toBe(200);
    expect((await fetch(`${withToken.url}/api/health`)).status).toBe(200);
    expect((await fetch(`${withToken.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${withToken.url}/boom`)).status).toBe(500);
    // A real payout preview, timed where the app computes it.
    const before = (await metrics().previewDuration.get()).values.find((value) => value.metricName?.endsWith('_count'));
    const cast = await createCast();
    const period = await periodWithPayees(cast, { close: false });
    await getPayouts({ actor: cast.treasurer, periodId: period.id });
    const after = (await metrics().previewDuration.get()).values.find((value) => value.metricName?.endsWith('_count'));
    expect((after?.value ?? 0) - (before?.value ?? 0)).toBe(1);
    metrics().exports.inc({ kind: 'csv', outcome: 'ok' });

    const response = await fetch(`${withToken.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    const text = await response.text();
    expect(text).toContain('butin_http_requests_total{method="GET",route="/api/v1/periods/[id]",status="200"} 3');
    expect(text).toContain('butin_http_requests_total{method="GET",route="/api/health",status="200"} 1');
    expect(text).toContain('butin_http_requests_total{method="GET",route="(other)",status="404"} 1');
    expect(text).toContain('butin_http_requests_total{method="GET",route="(other)",status="500"} 1');
    expect(text).toMatch(
      /butin_http_request_duration_seconds_count\{method="GET",route="\/api\/v1\/periods\/\[id\]"\} 3/,
    );
    // The handler's queries opened the app's pool: its connections are counted.
    expect(Number(/^butin_db_pool_connections (\d+)$/m.exec(text)?.[1])).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^butin_db_pool_waiting_requests 0$/m);
    expect(text).toMatch(/^butin_pricing_preview_duration_seconds_count [1-9]/m);
    expect(text).toContain('butin_exports_total{kind="csv",outcome="ok"}');
    expect(text).toMatch(/^butin_process_resident_memory_bytes \d+/m);
    expect(text).toMatch(/^butin_nodejs_heap_size_used_bytes \d+/m);
  });
});

describe('the access log', () => {
  it('writes one line per request with its id, method, path without query, status and duration', async () => {
    lines.length = 0;
    const response = await fetch(`${withToken.url}/api/v1/periods/xyz?token=secret`, {
      headers: { 'x-request-id': 'nginx-0123456789abcdef' },
    });
    expect(response.headers.get('x-request-id')).toBe('nginx-0123456789abcdef');
    const forged = await fetch(`${withToken.url}/api/health`, { headers: { 'x-request-id': 'bad id\u00e9' } });
    expect(forged.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const requests = lines.filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(2);
    expect(requests[0]).toMatchObject({
      level: 30,
      reqId: 'nginx-0123456789abcdef',
      method: 'GET',
      path: '/api/v1/periods/xyz',
      status: 200,
      ip: '127.0.0.1',
    });
    expect(typeof requests[0].ms).toBe('number');
    expect(JSON.stringify(requests)).not.toContain('secret');
    // Health checks poll every few seconds: debug, not info.
    expect(requests[1]).toMatchObject({ level: 20, path: '/api/health', status: 200 });
  });
});

describe('stopping', () => {
  it('lets a request in flight finish, refuses new connections, and closes within the grace period', async () => {
    const { app, url } = await serve(undefined);
    const slow = fetch(`${url}/slow`).then(async (response) => ({
      status: response.status,
      body: await response.text(),
    }));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(app.inFlight()).toBe(1);
    const started = Date.now();
    const closing = app.close(5_000);
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(fetch(`${url}/api/health`)).rejects.toThrow();
    expect(await slow).toEqual({ status: 200, body: '[{"one":1}]' });
    expect(await closing).toBe(0);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it('cuts a request that outlives the grace period', async () => {
    const { app, url } = await serve(undefined);
    const slow = new Promise<string>((resolve) => {
      http
        .get(`${url}/slow`, (response) => resolve(String(response.statusCode)))
        .on('error', (error) => resolve(error.message));
    });
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(await app.close(100)).toBe(1);
    expect(await slow).toBe('socket hang up');
  });
});
