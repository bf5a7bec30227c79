// Rate limits for sign-in and token creation. The attempts are rows in PostgreSQL, so the limit
// holds across every app instance serving the database. Only failures count, and a success
// clears an account's count: a person who types their password right is never locked out by
// their own earlier typos.
import 'server-only';
import { db, type Tx } from '@/lib/db';

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

type Client = Pick<Tx, '$queryRaw' | 'authAttempt'>;

export async function countRecentFailures(
  email: string,
  ip: string,
  now = new Date(),
  client: Client = db(),
): Promise<RateCounts> {
  const since = new Date(now.getTime() - RATE_LIMIT.windowMinutes * 60_000);
  const rows = await client.$queryRaw<{ email_failures: bigint; ip_failures: bigint }[]>`
    SELECT
      (SELECT count(*) FROM auth_attempts a
        WHERE a.email = ${email} AND NOT a.success AND a.at > ${since}
          AND a.at > COALESCE((SELECT max(s.at) FROM auth_attempts s WHERE s.email = ${email} AND s.success), '-infinity')
      ) AS email_failures,
      (SELECT count(*) FROM auth_attempts a WHERE a.ip = ${ip} AND NOT a.success AND a.at > ${since}) AS ip_failures`;
  return { emailFailures: Number(rows[0].email_failures), ipFailures: Number(rows[0].ip_failures) };
}

export async function checkRateLimit(email: string, ip: string, client: Client = db()): Promise<boolean> {
  return isRateLimited(await countRecentFailures(email, ip, new Date(), client));
}

export async function recordAttempt(
  kind: AttemptKind,
  email: string,
  ip: string,
  success: boolean,
  client: Client = db(),
): Promise<void> {
  await client.authAttempt.create({ data: { kind, email, ip, success } });
}

/**
 * Check and record as one step per account: under a transaction-scoped advisory lock on the
 * email, the count is read and the attempt written as a failure, so simultaneous guesses each see
 * the ones before them and a burst cannot slip past the limit together. The password is verified
 * after the lock is released (argon2 is slow on purpose), and the attempt turned into a success
 * if it was one.
 */
export async function withAccountAttempt<T>(
  kind: AttemptKind,
  email: string,
  ip: string,
  verify: () => Promise<T | null>,
): Promise<T | null> {
  const attempt = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`auth:${email}`}))`;
    if (await checkRateLimit(email, ip, tx)) throw new RateLimitedError();
    return tx.authAttempt.create({ data: { kind, email, ip, success: false }, select: { id: true } });
  });
  const result = await verify();
  if (result !== null) await db().authAttempt.update({ where: { id: attempt.id }, data: { success: true } });
  return result;
}

export class RateLimitedError extends Error {
  constructor() {
    super('RATE_LIMITED');
    this.name = 'RateLimitedError';
  }
}
