// Is the database answering? Used by /api/health; a short timeout so a hung server is "down".
import 'server-only';
import { db } from '@/lib/db';

export async function checkDatabase(timeoutMs = 3_000): Promise<{ ok: boolean; latencyMs: number }> {
  const started = Date.now();
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      db().$queryRaw`SELECT 1`,
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      }),
    ]);
    return { ok: true, latencyMs: Date.now() - started };
  } catch {
    return { ok: false, latencyMs: Date.now() - started };
  } finally {
    clearTimeout(timer);
  }
}
