// Whether the database answers, as this process last saw it: set by /api/health's probe, by the
// pool when a connection cannot be opened (or one opens again), and read by the start script's
// server (scripts/server.ts), which turns a page's 500 into a 503 while the database is away.
// Kept on globalThis: Next's bundles and the start script load their own copies of this module
// in one process. A change of state is logged once (down with its cause, then back up).
import { errorFields, logger } from '@/lib/log';
import { metrics } from '@/lib/metrics';

const STATE = Symbol.for('butin.databaseHealth');
const store = globalThis as unknown as Record<symbol, { up: boolean; since: number } | undefined>;

/** True when the last word on the database was that it does not answer. */
export function databaseDown(): boolean {
  return store[STATE]?.up === false;
}

/** Logs a change of the database's state; returns true when it changed. */
export function recordDatabaseState(up: boolean, cause?: unknown, now = Date.now()): boolean {
  metrics().databaseUp.set(up ? 1 : 0);
  const previous = store[STATE];
  if (previous?.up === up) return false;
  store[STATE] = { up, since: now };
  if (!up) {
    metrics().dbErrors.inc({ kind: 'unreachable' });
    logger().error(
      { error: cause === undefined ? undefined : errorFields(cause) },
      'health: the database does not answer',
    );
  } else if (previous) {
    logger().info({ downForMs: now - previous.since }, 'health: the database answers again');
  }
  return true;
}
