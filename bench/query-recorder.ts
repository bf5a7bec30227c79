// Records every SQL statement this process sends through `pg` (the app's Prisma adapter included):
// its text, its parameters and how long it took. The diagnosis uses it to see which queries one
// call of an app function makes (an N+1 shows here) and to EXPLAIN ANALYZE them as sent.
import pg from 'pg';

export type RecordedQuery = { text: string; values: unknown[]; ms: number; rows: number };

let recording: RecordedQuery[] | null = null;
let installed = false;

type QueryFn = (this: pg.Client, ...args: unknown[]) => unknown;

export function installQueryRecorder(): void {
  if (installed) return;
  installed = true;
  const original = pg.Client.prototype.query as unknown as QueryFn;
  (pg.Client.prototype as unknown as { query: QueryFn }).query = function (this: pg.Client, ...args: unknown[]) {
    const target = recording;
    if (!target) return original.apply(this, args);
    const first = args[0] as string | { text?: string; values?: unknown[] };
    const text = typeof first === 'string' ? first : (first?.text ?? '');
    const values =
      (typeof first === 'object' && first?.values) || (Array.isArray(args[1]) ? (args[1] as unknown[]) : []);
    const started = performance.now();
    const done = (result: unknown) =>
      target.push({
        text,
        values,
        ms: performance.now() - started,
        rows: (result as { rowCount?: number } | undefined)?.rowCount ?? 0,
      });
    const callbackIndex = args.findIndex((arg) => typeof arg === 'function');
    if (callbackIndex >= 0) {
      const callback = args[callbackIndex] as (error: unknown, result: unknown) => void;
      args[callbackIndex] = (error: unknown, result: unknown) => {
        done(result);
        callback(error, result);
      };
      return original.apply(this, args);
    }
    const returned = original.apply(this, args);
    if (returned && typeof (returned as Promise<unknown>).then === 'function') {
      (returned as Promise<unknown>).then(done, () => done(undefined));
    }
    return returned;
  };
}

/** Runs `work` and returns what it returned with the statements it sent, in order. */
export async function recordQueries<T>(
  work: () => Promise<T>,
): Promise<{ value: T; queries: RecordedQuery[]; ms: number }> {
  installQueryRecorder();
  const queries: RecordedQuery[] = [];
  recording = queries;
  const started = performance.now();
  try {
    const value = await work();
    return { value, queries, ms: performance.now() - started };
  } finally {
    recording = null;
  }
}
