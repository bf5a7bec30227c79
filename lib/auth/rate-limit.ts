// Rate limits for sign-in and token creation. The attempts are rows in PostgreSQL, so the limit
// holds across every app instance serving the database. Only failures count, and a success
// clears an account's count: a person who types their password right is never locked out by
// their own earlier typos.
import { db } from '@/lib/db';

export const RATE_LIMIT = {
  windowMinutes: 15,
  /** Failed attempts per account in the window before it is refused. */
  perEmail: 5,
  /** Failed attempts per address in the window (a NAT may hide several people). */
  perIp: 30,
} as const;

export type AttemptKind = 'SIGN_IN' | 'TOKEN';

export type RateCounts = { emailFailures: number; ipFailures: number };

/** Pure decision, kept apart from the counting so it is easy to read and test. */
export function isRateLimited(counts: RateCounts, limits: { perEmail: number; perIp: number } = RATE_LIMIT): boolean {
  return counts.emailFailures >= limits.perEmail || counts.ipFailures >= limits.perIp;
}

export async function countRecentFailures(email: string, ip: string, now = new Date()): Promise<RateCounts> {
  const since = new Date(now.getTime() - RATE_LIMIT.windowMinutes * 60_000);
  const rows = await db().$queryRaw<{ email_failures: bigint; ip_failures: bigint }[]>`
    SELECT
      (SELECT count(*) FROM auth_attempts a
        WHERE a.email = ${email} AND NOT a.success AND a.at > ${since}
          AND a.at > COALESCE((SELECT max(s.at) FROM auth_attempts s WHERE s.email = ${email} AND s.success), '-infinity')
      ) AS email_failures,
      (SELECT count(*) FROM auth_attempts a WHERE a.ip = ${ip} AND NOT a.success AND a.at > ${since}) AS ip_failures`;
  return { emailFailures: Number(rows[0].email_failures), ipFailures: Number(rows[0].ip_failures) };
}

export async function checkRateLimit(email: string, ip: string): Promise<boolean> {
  return isRateLimited(await countRecentFailures(email, ip));
}

export async function recordAttempt(kind: AttemptKind, email: string, ip: string, success: boolean): Promise<void> {
  await db().authAttempt.create({ data: { kind, email, ip, success } });
}
