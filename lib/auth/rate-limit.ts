// Rate limits for sign-in and token creation, with the attempts as rows in PostgreSQL so the
// limits hold across every app instance. Brute force is kept out without handing anyone a way to
// lock a person out:
// - past `perEmail` failures on an account (in the window), each further attempt must wait a delay
//   that doubles with every failure (30 s, 1 min, 2 min … up to 15 min) after the last one; the
//   same, past `perIp` failures, for an address across accounts;
// - an address from which the account has signed in successfully before (a *known* address) is
//   not held back by the account's failures, only by its own: the owner at home or at the
//   collective still signs in while someone elsewhere guesses;
// - when an account first reaches its limit, its owner is told by email (lib/auth/mail-outbox.ts).
// Only failures count, and a success clears an account's count.
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { drainSoon, enqueueLockoutNotice } from '@/lib/auth/mail-outbox';

export const RATE_LIMIT = {
  windowMinutes: 15,
  /** Failed attempts per account in the window before delays start. */
  perEmail: 5,
  /** Failed attempts per address in the window before delays start (a NAT may hide several people). */
  perIp: 30,
  /** The first delay, doubled with each further failure… */
  baseDelaySeconds: 30,
  /** …up to this. */
  maxDelaySeconds: 15 * 60,
  /** How long a successful sign-in makes an address known to the account. */
  knownAddressDays: 90,
} as const;

export type AttemptKind = 'SIGN_IN' | 'TOKEN';

export type RateCounts = {
  emailFailures: number;
  ipFailures: number;
  /** Seconds since the account's / the address's latest failure (null: none in the window). */
  sinceEmailFailure?: number | null;
  sinceIpFailure?: number | null;
  /** The account has signed in from this address before. */
  knownAddress?: boolean;
};

type Limits = Pick<typeof RATE_LIMIT, 'perEmail' | 'perIp' | 'baseDelaySeconds' | 'maxDelaySeconds'>;

/** The delay a count of failures imposes after the latest one: 0 below the limit, then doubling. */
export function delayAfter(failures: number, limit: number, limits: Limits = RATE_LIMIT): number {
  if (failures < limit) return 0;
  return Math.min(limits.maxDelaySeconds, limits.baseDelaySeconds * 2 ** Math.min(20, failures - limit));
}

/** Seconds to wait before the next attempt may be checked; 0 when it may be checked now. Pure. */
export function retryAfterSeconds(counts: RateCounts, limits: Limits = RATE_LIMIT): number {
  const wait = (delay: number, since: number | null | undefined) =>
    delay === 0 ? 0 : Math.max(0, Math.ceil(delay - (since ?? Number.POSITIVE_INFINITY)));
  const byEmail = counts.knownAddress
    ? 0
    : wait(delayAfter(counts.emailFailures, limits.perEmail, limits), counts.sinceEmailFailure);
  const byIp = wait(delayAfter(counts.ipFailures, limits.perIp, limits), counts.sinceIpFailure);
  return Math.max(byEmail, byIp);
}

/** Pure decision, kept apart from the counting so it is easy to read and test. */
export function isRateLimited(counts: RateCounts, limits: Limits = RATE_LIMIT): boolean {
  return retryAfterSeconds(counts, limits) > 0;
}

type Client = Pick<Tx, '$queryRaw' | 'authAttempt'>;

export async function countRecentFailures(
  email: string,
  ip: string,
  now = new Date(),
  client: Client = db(),
): Promise<Required<RateCounts>> {
  const since = new Date(now.getTime() - RATE_LIMIT.windowMinutes * 60_000);
  const knownSince = new Date(now.getTime() - RATE_LIMIT.knownAddressDays * 86_400_000);
  const rows = await client.$queryRaw<
    { email_failures: bigint; ip_failures: bigint; last_email: Date | null; last_ip: Date | null; known: boolean }[]
  >`
    WITH account AS (
      SELECT count(*) AS failures, max(a.at) AS last FROM auth_attempts a
       WHERE a.email = ${email} AND NOT a.success AND a.at > ${since}
         AND a.at > COALESCE((SELECT max(s.at) FROM auth_attempts s WHERE s.email = ${email} AND s.success), '-infinity')
    ), address AS (
      SELECT count(*) AS failures, max(a.at) AS last FROM auth_attempts a
       WHERE a.ip = ${ip} AND NOT a.success AND a.at > ${since}
    )
    SELECT account.failures AS email_failures, address.failures AS ip_failures,
           account.last AS last_email, address.last AS last_ip,
           EXISTS (SELECT 1 FROM auth_attempts k WHERE k.email = ${email} AND k.ip = ${ip} AND k.success AND k.at > ${knownSince}) AS known
      FROM account, address`;
  const row = rows[0];
  const seconds = (at: Date | null) => (at ? (now.getTime() - at.getTime()) / 1000 : null);
  return {
    emailFailures: Number(row.email_failures),
    ipFailures: Number(row.ip_failures),
    sinceEmailFailure: seconds(row.last_email),
    sinceIpFailure: seconds(row.last_ip),
    knownAddress: row.known,
  };
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
 * email, the counts are read and the attempt written as a failure, so simultaneous guesses each
 * see the ones before them and a burst cannot slip past the limit together. The password is
 * verified after the lock is released (argon2 is slow on purpose), and the attempt turned into a
 * success if it was one. The failure that brings an account to its limit queues a notice to its
 * owner (sent only if the account exists).
 */
export async function withAccountAttempt<T>(
  kind: AttemptKind,
  email: string,
  ip: string,
  verify: () => Promise<T | null>,
): Promise<T | null> {
  const attempt = await db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`auth:${email}`}))`;
    const counts = await countRecentFailures(email, ip, new Date(), tx);
    const retryAfter = retryAfterSeconds(counts);
    if (retryAfter > 0) throw new RateLimitedError(retryAfter);
    const created = await tx.authAttempt.create({ data: { kind, email, ip, success: false }, select: { id: true } });
    return { id: created.id, reachesLimit: counts.emailFailures + 1 === RATE_LIMIT.perEmail };
  });
  const result = await verify();
  if (result !== null) await db().authAttempt.update({ where: { id: attempt.id }, data: { success: true } });
  else if (attempt.reachesLimit) {
    await enqueueLockoutNotice({ email, ip });
    drainSoon();
  }
  return result;
}

export class RateLimitedError extends Error {
  /** Seconds until the next attempt may be checked. */
  readonly retryAfter: number;
  constructor(retryAfter: number = RATE_LIMIT.maxDelaySeconds) {
    super('RATE_LIMITED');
    this.name = 'RateLimitedError';
    this.retryAfter = retryAfter;
  }
}
