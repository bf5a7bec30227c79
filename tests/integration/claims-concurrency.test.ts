// Real concurrency on one claim: two referents approve at the same instant, approve races reject,
// the person's edit races an approval, a bulk review races a single one. A third connection holds
// the row lock until every request is inside its transaction and blocked on it, so the race is real
// on every run. The loser always gets a 409 that says why (who handled it first, or what is stored).
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { POST as actionRoute } from '@/app/api/v1/claims/[id]/[action]/route';
import { createClaim, reviewClaims, transitionClaim, updateClaim } from '@/lib/claims/server/mutations';
import type { Actor } from '@/lib/auth/permissions';
import { bearerToken, callRoute, createChantier, createPeriod, createPerson, resetDatabase } from '../support/database';

let owner: Actor;
let rita: Actor;
let remi: Actor;
let chantierId: string;
const DATE = '2026-04-01';

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Chantier partagé' })).id;
  await createPeriod({ name: '2026', startDate: '2026-01-01', endDate: '2026-12-31' });
  owner = await createPerson({ name: 'Olga' });
  rita = await createPerson({ name: 'Rita', referentOf: [chantierId] });
  remi = await createPerson({ name: 'Rémi', referentOf: [chantierId] });
});

/** A fixed fee, submitted by its person (version 2). */
async function submittedClaim() {
  const draft = await createClaim(owner, {
    kind: 'FIXED_FEE',
    date: DATE,
    chantierId,
    description: 'Atelier',
    amountCents: 15_000,
    submit: false,
  });
  return transitionClaim(owner, draft.id, 'submit', { version: draft.version });
}

/** Holds the claims' row lock, starts the calls, waits until all wait on a lock, then lets them go. */
async function race<T>(ids: string[], calls: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  let pending: Promise<T>[] = [];
  try {
    await client.query('BEGIN');
    await client.query('SELECT id FROM claims WHERE id = ANY($1) FOR UPDATE', [ids]);
    pending = calls.map((call) => {
      const promise = call();
      promise.catch(() => undefined);
      return promise;
    });
    const deadline = Date.now() + 20_000;
    for (;;) {
      await client.query('SELECT pg_stat_clear_snapshot()');
      const { rows } = await client.query<{ waiting: number }>(
        `SELECT count(*)::int AS waiting FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid() AND cardinality(pg_blocking_pids(pid)) > 0`,
      );
      if (rows[0].waiting >= calls.length) break;
      if (Date.now() > deadline) throw new Error(`only ${rows[0].waiting} of ${calls.length} calls reached the lock`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await client.query('COMMIT');
  } finally {
    await client.query('ROLLBACK').catch(() => undefined);
    await client.end();
  }
  return Promise.allSettled(pending);
}

function oneWinner<T>(results: PromiseSettledResult<T>[]): { winner: number; error: AppError } {
  expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
  const winner = results.findIndex((result) => result.status === 'fulfilled');
  const error = (results[1 - winner] as PromiseRejectedResult).reason;
  expect(error).toBeInstanceOf(AppError);
  expect(error.status).toBe(409);
  return { winner, error };
}

const reviewTransitions = (claimId: string) =>
  db().claimEvent.count({ where: { claimId, kind: 'TRANSITION', NOT: { fromStatus: 'DRAFT' } } });

describe('two referents on one claim at the same time', () => {
  it.each([
    ['without a version', undefined],
    ['with the version both loaded', 2],
  ])('%s: one approval wins, the other hears who did it', async (_label, version) => {
    const claim = await submittedClaim();
    const reviewers = [rita, remi];
    const results = await race(
      [claim.id],
      reviewers.map((actor) => () => transitionClaim(actor, claim.id, 'approve', { version })),
    );
    const { winner, error } = oneWinner(results);
    expect(error.code).toBe('ALREADY_REVIEWED');
    expect(error.messageKey).toBe('errors.ALREADY_REVIEWED_BY');
    expect(error.values).toEqual({ name: reviewers[winner].name });
    expect(await reviewTransitions(claim.id)).toBe(1);
  });

  it('approve races reject: one of them, never both', async () => {
    const claim = await submittedClaim();
    const results = await race(
      [claim.id],
      [
        () => transitionClaim(rita, claim.id, 'approve', { version: 2 }),
        () => transitionClaim(remi, claim.id, 'reject', { version: 2, reason: 'Non' }),
      ],
    );
    const { winner, error } = oneWinner(results);
    expect(error.code).toBe('ALREADY_REVIEWED');
    const stored = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    expect(stored.status).toBe(winner === 0 ? 'APPROVED' : 'REJECTED');
    expect(await reviewTransitions(claim.id)).toBe(1);
  });

  it('the person’s edit races an approval: the loser is told the claim changed (409), nothing half done', async () => {
    const claim = await submittedClaim();
    const results = await race(
      [claim.id],
      [
        () => updateClaim(owner, claim.id, { version: 2, amountCents: 99_000 }),
        () => transitionClaim(rita, claim.id, 'approve', { version: 2 }),
      ],
    );
    const { winner, error } = oneWinner(results);
    const stored = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
    if (winner === 0) {
      // Edited first: the approval of version 2 is stale.
      expect(stored).toMatchObject({ status: 'SUBMITTED', amountCents: 99_000, version: 3 });
      expect(error.code).toBe('STALE_VERSION');
    } else {
      // Approved first: the approved claim no longer takes an edit.
      expect(stored).toMatchObject({ status: 'APPROVED', amountCents: 15_000, version: 3 });
      expect(['STALE_VERSION', 'INVALID_TRANSITION']).toContain(error.code);
    }
  });

  it('through the API: the second approval is a 409 ALREADY_REVIEWED naming the first referent', async () => {
    const claim = await submittedClaim();
    const ritaToken = await bearerToken(rita.id);
    const remiToken = await bearerToken(remi.id);
    const call = (token: string) =>
      callRoute(actionRoute, {
        method: 'POST',
        token,
        params: { id: claim.id, action: 'approve' },
        body: { version: 2 },
      });
    const first = await call(ritaToken);
    const second = await call(remiToken);
    expect(first.status).toBe(200);
    expect(second.status).toBe(409);
    expect(second.body.error).toMatchObject({ code: 'ALREADY_REVIEWED', details: { by: 'Rita' } });
  });
});

describe('bulk review', () => {
  it('is all or nothing: one claim already handled refuses the batch and names it', async () => {
    const [a, b] = [await submittedClaim(), await submittedClaim()];
    await transitionClaim(rita, b.id, 'approve');
    const error = (await reviewClaims(remi, [a.id, b.id], 'approve').catch((caught) => caught)) as AppError;
    expect(error).toBeInstanceOf(AppError);
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ refused: [{ id: b.id, code: 'ALREADY_REVIEWED' }] });
    expect((await db().claim.findUniqueOrThrow({ where: { id: a.id } })).status).toBe('SUBMITTED');
  });

  it('two overlapping bulk reviews do not deadlock: one wins whole', async () => {
    const claims = [await submittedClaim(), await submittedClaim(), await submittedClaim()];
    const ids = claims.map((claim) => claim.id);
    const results = await race(ids, [
      () => reviewClaims(rita, ids, 'approve'),
      () => reviewClaims(remi, [...ids].reverse(), 'approve'),
    ]);
    oneWinner(results);
    const stored = await db().claim.findMany({ where: { id: { in: ids } } });
    expect(stored.every((claim) => claim.status === 'APPROVED')).toBe(true);
  });
});
