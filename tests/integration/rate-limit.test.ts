// Sign-in and token creation are rate limited per account and per address, with the counters in
// PostgreSQL: past RATE_LIMIT.perEmail failures each attempt waits a doubling delay (then even the
// right password waits, unless it comes from an address the account signed in from before),
// answers 429 on the API, recovers once the attempts leave the window, counts per address across
// accounts, tells the owner by email, and a success clears an account's count.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { POST as postToken } from '@/app/api/v1/tokens/route';
import { authenticate, SIGN_IN_ERRORS } from '@/lib/auth/options';
import {
  checkRateLimit,
  countRecentFailures,
  delayAfter,
  isRateLimited,
  RATE_LIMIT,
  retryAfterSeconds,
} from '@/lib/auth/rate-limit';
import { callRoute, createPerson, rejectionOf, resetDatabase, sql, TEST_PASSWORD } from '../support/database';

const IP = '203.0.113.7';
let email: string;

async function failTimes(count: number, options: { email?: string; ip?: string } = {}) {
  for (let index = 0; index < count; index++) {
    expect(await authenticate(options.email ?? email, 'wrong password', options.ip ?? IP)).toBeNull();
  }
}

/** Moves every recorded attempt back in time, as if `minutes` had passed. */
const age = (minutes: number) => sql(`UPDATE auth_attempts SET at = at - make_interval(mins => $1)`, [minutes]);

beforeEach(async () => {
  await resetDatabase();
  email = (await createPerson({ email: 'locked@test.local' })).email;
});

describe('per account', () => {
  it(`trips after ${RATE_LIMIT.perEmail} failures: the next call is refused even with the right password`, async () => {
    await failTimes(RATE_LIMIT.perEmail - 1);
    expect(await checkRateLimit(email, IP)).toBe(false);
    await failTimes(1);
    expect(await countRecentFailures(email, IP)).toMatchObject({
      emailFailures: RATE_LIMIT.perEmail,
      ipFailures: RATE_LIMIT.perEmail,
      knownAddress: false,
    });

    const error = await rejectionOf(authenticate(email, TEST_PASSWORD, IP));
    expect(error.message).toBe(SIGN_IN_ERRORS.rateLimited);
    // From another address too: the account is what is protected.
    expect((await rejectionOf(authenticate(email, TEST_PASSWORD, '198.51.100.1'))).message).toBe('RATE_LIMITED');
    // Refused calls are not even checked, so they record nothing.
    expect(await db().authAttempt.count()).toBe(RATE_LIMIT.perEmail);
  });

  it('counts failures for an email that has no account, so the limit tells nothing about who exists', async () => {
    await failTimes(RATE_LIMIT.perEmail, { email: 'nobody@test.local' });
    expect((await rejectionOf(authenticate('nobody@test.local', 'anything', IP))).message).toBe('RATE_LIMITED');
  });

  it('POST /api/v1/tokens answers 429 RATE_LIMITED with Retry-After once limited, even with the right password', async () => {
    for (let index = 0; index < RATE_LIMIT.perEmail; index++) {
      const wrong = await callRoute(postToken, {
        method: 'POST',
        body: { email, password: 'nope' },
        headers: { 'x-forwarded-for': IP },
      });
      expect(wrong.status).toBe(401);
    }
    const request = new Request('http://localhost:3000/api/v1/tokens', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': IP },
      body: JSON.stringify({ email, password: TEST_PASSWORD }),
    });
    const response = await postToken(request, { params: Promise.resolve({}) });
    expect(response.status).toBe(429);
    expect(response.headers.get('retry-after')).toBe('900');
    expect((await response.json()).error.code).toBe('RATE_LIMITED');
    expect(await db().apiToken.count()).toBe(0);
    // The API records its attempts as token attempts.
    expect(await db().authAttempt.count({ where: { kind: 'TOKEN', success: false } })).toBe(RATE_LIMIT.perEmail);
  });

  it('counts an account however its email is cased on the API', async () => {
    for (const variant of [
      'LOCKED@test.local',
      'Locked@Test.Local',
      ' locked@TEST.local ',
      'locked@test.LOCAL',
      'lOcKeD@test.local',
    ]) {
      expect((await callRoute(postToken, { method: 'POST', body: { email: variant, password: 'nope' } })).status).toBe(
        401,
      );
    }
    const limited = await callRoute(postToken, { method: 'POST', body: { email, password: TEST_PASSWORD } });
    expect(limited.status).toBe(429);
  });

  it('recovers once the delay is over, and entirely once the failures leave the window', async () => {
    await failTimes(RATE_LIMIT.perEmail);
    expect((await rejectionOf(authenticate(email, TEST_PASSWORD, IP))).message).toBe('RATE_LIMITED');

    await age(1); // the first delay (30 s) is over
    const person = await authenticate(email, TEST_PASSWORD, IP);
    expect(person?.email).toBe(email);

    await failTimes(RATE_LIMIT.perEmail);
    await age(RATE_LIMIT.windowMinutes + 1);
    expect((await countRecentFailures(email, IP)).emailFailures).toBe(0);
    const response = await callRoute(postToken, { method: 'POST', body: { email, password: TEST_PASSWORD } });
    expect(response.status).toBe(201);
  });

  it('a success clears the account’s count; the failures after it count afresh', async () => {
    await failTimes(RATE_LIMIT.perEmail - 1);
    expect((await authenticate(email, TEST_PASSWORD, IP))?.email).toBe(email);
    expect((await countRecentFailures(email, IP)).emailFailures).toBe(0);

    await failTimes(RATE_LIMIT.perEmail - 1);
    expect((await authenticate(email, TEST_PASSWORD, IP))?.email).toBe(email);
    await failTimes(RATE_LIMIT.perEmail);
    // IP is now an address the account signed in from: only an unknown one is held back.
    expect((await rejectionOf(authenticate(email, TEST_PASSWORD, '198.51.100.200'))).message).toBe('RATE_LIMITED');
    expect((await authenticate(email, TEST_PASSWORD, IP))?.email).toBe(email);
  });

  it('a success on another account does not clear this one', async () => {
    const other = await createPerson({ email: 'other@test.local' });
    await failTimes(RATE_LIMIT.perEmail);
    expect((await authenticate(other.email, TEST_PASSWORD, '198.51.100.9'))?.id).toBe(other.id);
    expect((await rejectionOf(authenticate(email, TEST_PASSWORD, IP))).message).toBe('RATE_LIMITED');
  });
});

describe('per address', () => {
  it(`trips after ${RATE_LIMIT.perIp} failures from one address across different accounts`, async () => {
    const victim = await createPerson({ email: 'victim@test.local' });
    // Spread over many emails, so no single account reaches its own limit.
    for (let index = 0; index < RATE_LIMIT.perIp; index++) {
      expect(await authenticate(`spray-${index % 10}@test.local`, 'guess', IP)).toBeNull();
    }
    expect(await countRecentFailures(victim.email, IP)).toMatchObject({
      emailFailures: 0,
      ipFailures: RATE_LIMIT.perIp,
    });
    expect((await rejectionOf(authenticate(victim.email, TEST_PASSWORD, IP))).message).toBe('RATE_LIMITED');

    // The same account from another address is fine.
    expect((await authenticate(victim.email, TEST_PASSWORD, '198.51.100.2'))?.id).toBe(victim.id);
    // A success from the limited address does not clear the address's count.
    expect((await rejectionOf(authenticate(victim.email, TEST_PASSWORD, IP))).message).toBe('RATE_LIMITED');

    // The API keys the address on X-Forwarded-For, as the trusted proxy wrote it (the rightmost
    // entry by default): an address the client put further left changes nothing.
    const limited = await callRoute(postToken, {
      method: 'POST',
      body: { email: victim.email, password: TEST_PASSWORD },
      headers: { 'x-forwarded-for': `198.51.100.9, ${IP}` },
    });
    expect(limited.status).toBe(429);
    const elsewhere = await callRoute(postToken, {
      method: 'POST',
      body: { email: victim.email, password: TEST_PASSWORD },
      headers: { 'x-forwarded-for': '198.51.100.3' },
    });
    expect(elsewhere.status).toBe(201);

    await age(RATE_LIMIT.windowMinutes + 1);
    expect((await authenticate(victim.email, TEST_PASSWORD, IP))?.id).toBe(victim.id);
  });
});

describe('parallel guesses', () => {
  it('a burst of simultaneous wrong passwords checks at most the limit, whatever the timing', async () => {
    const burst = 20;
    const outcomes = await Promise.allSettled(
      Array.from({ length: burst }, () => authenticate(email, 'wrong password', IP)),
    );
    const checked = outcomes.filter((outcome) => outcome.status === 'fulfilled');
    const refused = outcomes.filter(
      (outcome) => outcome.status === 'rejected' && (outcome.reason as Error).message === SIGN_IN_ERRORS.rateLimited,
    );
    expect(checked).toHaveLength(RATE_LIMIT.perEmail);
    expect(refused).toHaveLength(burst - RATE_LIMIT.perEmail);
    expect(await db().authAttempt.count()).toBe(RATE_LIMIT.perEmail);
  });
});

describe('the pure decision', () => {
  it.each([
    [{ emailFailures: 0, ipFailures: 0 }, 0],
    [{ emailFailures: RATE_LIMIT.perEmail - 1, ipFailures: RATE_LIMIT.perIp - 1, sinceEmailFailure: 0 }, 0],
    [{ emailFailures: RATE_LIMIT.perEmail, ipFailures: 0, sinceEmailFailure: 0 }, 30],
    [{ emailFailures: RATE_LIMIT.perEmail, ipFailures: 0, sinceEmailFailure: 29.5 }, 1],
    [{ emailFailures: RATE_LIMIT.perEmail, ipFailures: 0, sinceEmailFailure: 30 }, 0],
    [{ emailFailures: RATE_LIMIT.perEmail + 1, ipFailures: 0, sinceEmailFailure: 30 }, 30],
    [{ emailFailures: RATE_LIMIT.perEmail + 30, ipFailures: 0, sinceEmailFailure: 0 }, RATE_LIMIT.maxDelaySeconds],
    // A known address is not held back by the account's failures…
    [{ emailFailures: RATE_LIMIT.perEmail + 30, ipFailures: 0, sinceEmailFailure: 0, knownAddress: true }, 0],
    // …only by its own.
    [{ emailFailures: 0, ipFailures: RATE_LIMIT.perIp, sinceIpFailure: 10, knownAddress: true }, 20],
  ])('%o → wait %i s', (counts, expected) => {
    expect(retryAfterSeconds(counts)).toBe(expected);
    expect(isRateLimited(counts)).toBe(expected > 0);
  });

  it('delays never shrink as failures grow, and never pass the cap', () => {
    let previous = 0;
    for (let failures = 0; failures < 60; failures++) {
      const delay = delayAfter(failures, RATE_LIMIT.perEmail);
      expect(delay).toBeGreaterThanOrEqual(previous);
      expect(delay).toBeLessThanOrEqual(RATE_LIMIT.maxDelaySeconds);
      previous = delay;
    }
  });
});

describe('no denial of service', () => {
  /** Moves the latest attempts back by `seconds`, as if that time had passed. */
  const wait = (seconds: number) => sql(`UPDATE auth_attempts SET at = at - make_interval(secs => $1)`, [seconds]);

  it('the owner still signs in from an address they signed in from before, while someone elsewhere guesses', async () => {
    const home = '192.0.2.77';
    expect((await authenticate(email, TEST_PASSWORD, home))?.email).toBe(email);
    await failTimes(RATE_LIMIT.perEmail, { ip: '198.51.100.66' });
    expect((await rejectionOf(authenticate(email, TEST_PASSWORD, '198.51.100.66'))).message).toBe('RATE_LIMITED');
    expect((await authenticate(email, TEST_PASSWORD, home))?.email).toBe(email);
  }, 120_000);

  it('delays double with each failure past the limit, instead of one long lock', async () => {
    await failTimes(RATE_LIMIT.perEmail);
    expect(await checkRateLimit(email, IP)).toBe(true);
    await wait(RATE_LIMIT.baseDelaySeconds);
    expect(await checkRateLimit(email, IP)).toBe(false);
    await failTimes(1);
    await wait(RATE_LIMIT.baseDelaySeconds);
    expect(await checkRateLimit(email, IP)).toBe(true); // now a minute
    await wait(RATE_LIMIT.baseDelaySeconds);
    // The right password passes once the delay is over, from any address.
    expect((await authenticate(email, TEST_PASSWORD, '198.51.100.5'))?.email).toBe(email);
  });

  it('tells the owner by email, once, when their account reaches the limit', async () => {
    await failTimes(RATE_LIMIT.perEmail);
    await wait(RATE_LIMIT.baseDelaySeconds);
    await failTimes(1);
    const notices = await db().mailOutbox.findMany({ where: { kind: 'LOCKOUT_NOTICE' } });
    expect(notices).toHaveLength(1);
    expect(notices[0]).toMatchObject({ email, requestedIp: IP });
  });
});
