// Is the database answering? Used by /api/health; a short timeout so a hung server is "down".
// A change of state is logged once (down with its cause, then back up), not every poll.
import 'server-only';
import { db } from '@/lib/db';
import { errorFields, logger } from '@/lib/log';
import { metrics } from '@/lib/metrics';

const STATE = Symbol.for('butin.databaseHealth');
const store = globalThis as unknown as Record<symbol, { up: boolean; since: number } | undefined>;

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

export async function checkDatabase(timeoutMs = 3_000): Promise<{ ok: boolean; latencyMs: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
      }),
    ]);
    recordDatabaseState(true);
    return { ok: true, latencyMs: Date.now() - started };
  } catch (error) {
    recordDatabaseState(false, error);
    return { ok: false, latencyMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
