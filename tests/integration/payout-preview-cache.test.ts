// The live payout preview is cached per process under (period, change counter): the counter is
// moved forward by triggers (migration 20261202154000_period_changes) in the same transaction as
// any change to what prices the period — its approved contributions and claims, its envelopes,
// its rates, its own settings — and not by a change rolled back, nor by a draft. The preview read
// after a change reflects it; readers asking at once share one computation.
import pg from 'pg';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/permissions';
import { clearPreviewCache, getPayouts } from '@/lib/periods/get-payouts';
import { metrics } from '@/lib/metrics';
import { createChantier, createPeriod, createPerson, resetDatabase, seedContribution, sql } from '../support/database';

let treasurer: Actor;
let referent: Actor;
let alice: Actor;
let chantierId: string;
let periodId: string;
let otherPeriodId: string;
let approvedId: string;
let draftId: string;

async function counter(id = periodId): Promise<bigint> {
  const [row] = await sql<{ change_count: string }>(
    `SELECT change_count::text FROM period_changes WHERE period_id = $1`,
    [id],
  );
  return BigInt(row?.change_count ?? '0');
}

async function insertClaim(status: 'APPROVED' | 'DRAFT', amountCents: number): Promise<string> {
  const [row] = await sql<{ id: string }>(
    `INSERT INTO claims (id, person_id, chantier_id, period_id, kind, date, description, amount_cents, status,
                         created_by_id, updated_at)
     VALUES (gen_random_uuid()::text, $1, $2, $3, 'EXPENSE', '2041-03-04', 'Billet de train', $4, $5::"ClaimStatus", $1, now())
     RETURNING id`,
    [alice.id, chantierId, periodId, amountCents, status],
  );
  return row.id;
}

async function previewsComputed(): Promise<number> {
  const data = await metrics().previewDuration.get();
  return data.values.find((value) => value.metricName?.endsWith('_count'))?.value ?? 0;
}

beforeAll(async () => {
  await resetDatabase();
  clearPreviewCache();
  treasurer = await createPerson({ roles: ['TREASURER'] });
  chantierId = (await createChantier()).id;
  referent = await createPerson({ referentOf: [chantierId] });
  alice = await createPerson({ name: 'Alice' });
  periodId = (await createPeriod({ startDate: '2041-03-01', endDate: '2041-03-31', defaultRateCents: 2_000 })).id;
  otherPeriodId = (await createPeriod({ startDate: '2041-04-01', endDate: '2041-04-30' })).id;
  const contribution = (minutes: number, status: 'APPROVED' | 'DRAFT', date: string) =>
    seedContribution({ periodId, personId: alice.id, chantierId, date, minutes, status, reviewerId: referent.id });
  approvedId = (await contribution(120, 'APPROVED', '2041-03-02')).id;
  draftId = (await contribution(60, 'DRAFT', '2041-03-03')).id;
});

describe('the period change counter', () => {
  // Each change runs after the previous ones, on the period set up above.
  const changes: [string, () => Promise<unknown>][] = [
    [
      'an approved contribution inserted',
      () =>
        seedContribution({
          periodId,
          personId: alice.id,
          chantierId,
          date: '2041-03-05',
          minutes: 30,
          status: 'APPROVED',
          reviewerId: referent.id,
        }),
    ],
    [
      'an approved contribution’s minutes',
      () => sql(`UPDATE contributions SET minutes = 90 WHERE id = $1`, [approvedId]),
    ],
    ['a contribution approved', () => sql(`UPDATE contributions SET status = 'APPROVED' WHERE id = $1`, [draftId])],
    [
      'an approved contribution deleted (soft)',
      () => sql(`UPDATE contributions SET deleted_at = now() WHERE id = $1`, [draftId]),
    ],
    ['an approved claim inserted', () => insertClaim('APPROVED', 4_500)],
    [
      'an approved claim’s amount',
      () => sql(`UPDATE claims SET amount_cents = 5_000 WHERE period_id = $1 AND status = 'APPROVED'`, [periodId]),
    ],
    [
      'an envelope added',
      () =>
        sql(`INSERT INTO envelopes (period_id, chantier_id, amount_cents) VALUES ($1, $2, 10_000)`, [
          periodId,
          chantierId,
        ]),
    ],
    ['an envelope changed', () => sql(`UPDATE envelopes SET amount_cents = 2_000 WHERE period_id = $1`, [periodId])],
    [
      'a rate added',
      () =>
        sql(
          `INSERT INTO rate_overrides (id, period_id, person_id, rate_cents) VALUES (gen_random_uuid()::text, $1, $2, 3_000)`,
          [periodId, alice.id],
        ),
    ],
    ['a rate changed', () => sql(`UPDATE rate_overrides SET rate_cents = 3_500 WHERE period_id = $1`, [periodId])],
    ['a rate removed', () => sql(`DELETE FROM rate_overrides WHERE period_id = $1`, [periodId])],
    [
      'the period’s default rate',
      () => sql(`UPDATE funding_periods SET default_rate_cents = 2_500 WHERE id = $1`, [periodId]),
    ],
    ['the period’s cap', () => sql(`UPDATE funding_periods SET cap_minutes = 60 WHERE id = $1`, [periodId])],
    ['an envelope removed', () => sql(`DELETE FROM envelopes WHERE period_id = $1`, [periodId])],
  ];
  it.each(changes)('moves forward on %s, in that period only', async (_what, change) => {
    const before = await counter();
    const otherBefore = await counter(otherPeriodId);
    await change();
    expect(await counter()).toBeGreaterThan(before);
    expect(await counter(otherPeriodId)).toBe(otherBefore);
  });

  it.each([
    [
      'a draft typed',
      () => seedContribution({ periodId, personId: alice.id, chantierId, date: '2041-03-06', minutes: 45 }),
    ],
    ['a draft claim', () => insertClaim('DRAFT', 1_000)],
    [
      'a draft’s minutes',
      () =>
        sql(`UPDATE contributions SET minutes = minutes + 15 WHERE period_id = $1 AND status = 'DRAFT'`, [periodId]),
    ],
  ] as [string, () => Promise<unknown>][])('stays on %s (nothing it prices changed)', async (_what, change) => {
    const before = await counter();
    await change();
    expect(await counter()).toBe(before);
  });

  it('stays where it was when the change is rolled back', async () => {
    const before = await counter();
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    try {
      await client.query('BEGIN');
      await client.query(`UPDATE contributions SET minutes = 600 WHERE id = $1`, [approvedId]);
      await client.query(`UPDATE envelopes SET amount_cents = 1 WHERE period_id = $1`, [periodId]);
      await client.query(`UPDATE funding_periods SET default_rate_cents = 1 WHERE id = $1`, [periodId]);
      // Inside the transaction the counter has moved; nobody else sees it.
      const [inside] = (await client.query(`SELECT change_count FROM period_changes WHERE period_id = $1`, [periodId]))
        .rows as { change_count: string }[];
      expect(BigInt(inside.change_count)).toBeGreaterThan(before);
      expect(await counter()).toBe(before);
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
    expect(await counter()).toBe(before);
  });

  it('never comes back to an old value, even after TRUNCATE', async () => {
    const before = await counter();
    await sql(`TRUNCATE rate_overrides`);
    expect(await counter()).toBeGreaterThan(before);
  });
});

describe('the cached preview', () => {
  it('is computed once for readers asking at once, and reflects the next change', async () => {
    clearPreviewCache();
    await sql(`UPDATE funding_periods SET cap_minutes = NULL, default_rate_cents = 2_000 WHERE id = $1`, [periodId]);
    const computed = await previewsComputed();
    const answers = await Promise.all(Array.from({ length: 10 }, () => getPayouts({ actor: treasurer, periodId })));
    expect(await previewsComputed()).toBe(computed + 1);
    const first = answers[0];
    for (const answer of answers) expect(answer).toEqual(first);
    // 90 + 30 approved minutes at 20 €/h, and the 50 € claim: 90 €.
    expect(first.totals.hoursAmountCents).toBe(4_000);
    expect(first.totals.amountCents).toBe(9_000);

    // Read again without a change: from the cache.
    expect(await getPayouts({ actor: treasurer, periodId })).toEqual(first);
    expect(await previewsComputed()).toBe(computed + 1);

    // A change, committed: the next read prices it.
    await sql(`UPDATE contributions SET minutes = 210 WHERE id = $1`, [approvedId]);
    const after = await getPayouts({ actor: treasurer, periodId });
    expect(after.totals.hoursAmountCents).toBe(8_000);
    expect(await previewsComputed()).toBe(computed + 2);

    // A period setting: the same.
    await sql(`UPDATE funding_periods SET default_rate_cents = 3_000 WHERE id = $1`, [periodId]);
    expect((await getPayouts({ actor: treasurer, periodId })).totals.hoursAmountCents).toBe(12_000);

    // And what the cache gives is what a fresh computation gives.
    const cached = await getPayouts({ actor: treasurer, periodId });
    clearPreviewCache();
    expect(await getPayouts({ actor: treasurer, periodId })).toEqual(cached);
  });
});
