// The two ways the benchmark puts load on something for a fixed time: HTTP requests through
// autocannon (the app), and the same SQL run directly with `pg` by as many clients (the floor).
import autocannon from 'autocannon';
import pg from 'pg';
import { summarise, type LatencySummary } from './stats';

export type LoadResult = LatencySummary & { connections: number; seconds: number; non2xx: number; errors: number };

/** `url`: one, or the same request on several instances (autocannon spreads the connections round-robin). */
export async function httpLoad(options: {
  url: string | string[];
  headers: Record<string, string>;
  connections: number;
  seconds: number;
  timeoutSeconds?: number;
}): Promise<LoadResult> {
  const latencies: number[] = [];
  const result = await new Promise<{ non2xx: number; errors: number; duration: number }>((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        headers: options.headers,
        connections: options.connections,
        duration: options.seconds,
        timeout: options.timeoutSeconds ?? 30,
      },
      (error, done) => (error ? reject(error) : resolve(done)),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      if (statusCode >= 200 && statusCode < 300) latencies.push(responseTime);
    });
  });
  return {
    ...summarise(latencies, result.duration || options.seconds),
    connections: options.connections,
    seconds: options.seconds,
    non2xx: result.non2xx,
    errors: result.errors,
  };
}

/** `connections` clients, each running the query again and again until the time is up. */
export async function sqlLoad(options: {
  databaseUrl: string;
  sql: string;
  params: unknown[];
  connections: number;
  seconds: number;
}): Promise<LoadResult> {
  const clients = await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const client = new pg.Client({ connectionString: options.databaseUrl });
      await client.connect();
      return client;
    }),
  );
  const latencies: number[] = [];
  let errors = 0;
  try {
    const started = performance.now();
    const deadline = started + options.seconds * 1000;
    await Promise.all(
      clients.map(async (client) => {
        while (performance.now() < deadline) {
          const begin = performance.now();
          try {
            await client.query(options.sql, options.params);
            latencies.push(performance.now() - begin);
          } catch {
            errors += 1;
          }
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    return {
      ...summarise(latencies, seconds),
      connections: options.connections,
      seconds: options.seconds,
      non2xx: 0,
      errors,
    };
  } finally {
    await Promise.all(clients.map((client) => client.end().catch(() => undefined)));
  }
}

/** Sequential requests (one at a time) for `count` times or `seconds`, whichever ends first. */
export async function sequentialTimes<T>(
  run: () => Promise<T>,
  options: { count: number; seconds: number },
): Promise<{ times: number[]; last: T | undefined }> {
  const times: number[] = [];
  let last: T | undefined;
  const deadline = performance.now() + options.seconds * 1000;
  while (times.length < options.count && performance.now() < deadline) {
    const begin = performance.now();
    last = await run();
    times.push(performance.now() - begin);
  }
  return { times, last };
}
