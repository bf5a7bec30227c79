// Is the database answering? Used by /api/health; a short timeout so a hung server is "down".
// A change of state is logged once (down with its cause, then back up), not every poll.
import 'server-only';
import { db } from '@/lib/db';
import { recordDatabaseState } from '@/lib/health/database-state';

export { recordDatabaseState };

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
