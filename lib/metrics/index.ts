// Prometheus metrics (prom-client), served at /metrics by the start script's server when
// METRICS_TOKEN is set. One registry per process, shared through globalThis: the start script
// and the Next.js server bundle each load their own copy of this module.
import client from 'prom-client';

export type Metrics = ReturnType<typeof createMetrics>;

const KEY = Symbol.for('butin.metrics');
const store = globalThis as unknown as Record<symbol, Metrics | undefined>;

type PoolStats = { totalCount: number; idleCount: number; waitingCount: number };

function createMetrics() {
  const registry = new client.Registry();
  client.collectDefaultMetrics({ register: registry, prefix: 'butin_' });
  const pools = new Set<PoolStats>();
  const poolGauge = (name: string, help: string, read: (pool: PoolStats) => number) =>
    new client.Gauge({
      name,
      help,
      registers: [registry],
      collect() {
        this.set([...pools].reduce((sum, pool) => sum + read(pool), 0));
      },
    });
  const metrics = {
    registry,
    httpRequests: new client.Counter({
      name: 'butin_http_requests_total',
      help: 'HTTP requests answered, by method, route and status',
      labelNames: ['method', 'route', 'status'] as const,
      registers: [registry],
    }),
    httpDuration: new client.Histogram({
      name: 'butin_http_request_duration_seconds',
      help: 'Time to answer an HTTP request, by method and route',
      labelNames: ['method', 'route'] as const,
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers: [registry],
    }),
    httpInFlight: new client.Gauge({
      name: 'butin_http_requests_in_flight',
      help: 'HTTP requests being answered',
      registers: [registry],
    }),
    dbPoolTotal: poolGauge('butin_db_pool_connections', 'Database connections open', (pool) => pool.totalCount),
    dbPoolIdle: poolGauge('butin_db_pool_idle_connections', 'Database connections idle', (pool) => pool.idleCount),
    dbPoolWaiting: poolGauge(
      'butin_db_pool_waiting_requests',
      'Queries waiting for a database connection',
      (pool) => pool.waitingCount,
    ),
    dbErrors: new client.Counter({
      name: 'butin_db_errors_total',
      help: 'Database errors: unreachable, or a connection lost',
      labelNames: ['kind'] as const,
      registers: [registry],
    }),
    databaseUp: new client.Gauge({
      name: 'butin_database_up',
      help: '1 when the last health check reached the database, 0 when it did not',
      registers: [registry],
    }),
    previewDuration: new client.Histogram({
      name: 'butin_pricing_preview_duration_seconds',
      help: 'Time to compute a payout preview (pricing of a period)',
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers: [registry],
    }),
    exports: new client.Counter({
      name: 'butin_exports_total',
      help: 'Exports produced, by kind and outcome (ok, failed)',
      labelNames: ['kind', 'outcome'] as const,
      registers: [registry],
    }),
    embeddedRestarts: new client.Counter({
      name: 'butin_embedded_postgres_restarts_total',
      help: 'Restarts of the embedded PostgreSQL after it stopped by itself',
      registers: [registry],
    }),
    /** Reads a pg pool's connection counts at each scrape. */
    watchPool(pool: PoolStats) {
      pools.add(pool);
    },
  };
  return metrics;
}

export function metrics(): Metrics {
  return (store[KEY] ??= createMetrics());
}

/** Times an async task into a histogram; the task's result or error passes through. */
export async function timed<T>(histogram: client.Histogram, task: () => Promise<T>): Promise<T> {
  const end = histogram.startTimer();
  try {
    return await task();
  } finally {
    end();
  }
}
