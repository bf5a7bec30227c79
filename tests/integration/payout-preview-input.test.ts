// The live preview of an open period prices a compact input (contributions summed per person ×
// chantier × bénévole in the database, split at the cap) instead of every contribution. It must
// give exactly the cents, minutes and explanations the full input gives: compared here on random
// periods — ties on date and creation time, ids whose order differs between bytes and a
// language's collation, caps that cut inside a contribution, envelopes that bind or not. Approved
// claims (step 0) are summed per person × chantier × kind: the same cents per line, per chantier
// and in total as the claims one by one, overdrawn chantiers included.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { computePayouts, computePayoutsWithClaims, type ClaimsPricingInput } from '@/lib/pricing';
import { loadPreviewPricingInput, loadPricingInput } from '@/lib/periods/payouts';
import { createChantier, createPerson, resetDatabase, sql } from '../support/database';

type GeneratedClaim = {
  person: number;
  chantier: number;
  day: number;
  kind: 'EXPENSE' | 'MILEAGE' | 'FIXED_FEE' | 'IN_KIND';
  status: 'APPROVED' | 'SUBMITTED' | 'DRAFT';
  deleted: boolean;
  amount: number;
};

type Generated = {
  capMinutes: number | null;
  mileageRateCents?: number | null;
  claims?: GeneratedClaim[];
  envelopes: (number | null)[];
  personRate: number | null;
  contributions: {
    person: number;
    chantier: number;
    day: number;
    second: number;
    id: string;
    minutes: number;
    volunteer: boolean;
  }[];
};

const PEOPLE = 4;
const CHANTIERS = 3;

// Ids that sort differently bytewise ('B' < 'a') and in most languages' collations ('a' < 'B').
const idArb = fc.stringMatching(/^[aAbB][0-9]{1,3}$/);

const generated: fc.Arbitrary<Generated> = fc.record({
  capMinutes: fc.option(fc.integer({ min: 0, max: 1_500 }), { nil: null }),
  envelopes: fc.array(fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null }), {
    minLength: CHANTIERS,
    maxLength: CHANTIERS,
  }),
  personRate: fc.option(fc.integer({ min: 0, max: 6_000 }), { nil: null }),
  contributions: fc.uniqueArray(
    fc.record({
      person: fc.integer({ min: 0, max: PEOPLE - 1 }),
      chantier: fc.integer({ min: 0, max: CHANTIERS - 1 }),
      day: fc.integer({ min: 1, max: 3 }),
      second: fc.integer({ min: 0, max: 2 }),
      id: idArb,
      minutes: fc.integer({ min: 1, max: 600 }),
      volunteer: fc.boolean(),
    }),
    { selector: (contribution) => contribution.id, minLength: 0, maxLength: 40 },
  ),
});

const claimArb: fc.Arbitrary<GeneratedClaim> = fc.record({
  person: fc.integer({ min: 0, max: PEOPLE - 1 }),
  chantier: fc.integer({ min: 0, max: CHANTIERS - 1 }),
  day: fc.integer({ min: 1, max: 3 }),
  kind: fc.constantFrom('EXPENSE', 'MILEAGE', 'FIXED_FEE', 'IN_KIND'),
  status: fc.constantFrom('APPROVED', 'APPROVED', 'SUBMITTED', 'DRAFT'),
  deleted: fc.constantFrom(false, false, false, false, true),
  // Cents for amounts, kilometres for trips; small enough for envelopes to bind or be overdrawn.
  amount: fc.integer({ min: 1, max: 40_000 }),
});

const withClaims: fc.Arbitrary<Generated> = fc
  .tuple(generated, fc.option(fc.integer({ min: 0, max: 200 }), { nil: null }), fc.array(claimArb, { maxLength: 15 }))
  .map(([data, mileageRateCents, claims]) => ({ ...data, mileageRateCents, claims }));

/** The priced result without each line's list of claims (the preview's are stand-ins). */
function cents(input: ClaimsPricingInput) {
  const result = computePayoutsWithClaims(input);
  return { ...result, lines: result.lines.map(({ claims: _claims, ...line }) => line) };
}

let people: string[] = [];
let chantiers: string[] = [];
let month = 0;

/** Stores a generated period (OPEN, PRORATA) with its approved contributions; returns its id. */
async function storePeriod(data: Generated, policy: 'PRORATA' | 'FIRST_COME' = 'PRORATA'): Promise<string> {
  month += 1;
  const start = new Date(Date.UTC(2030, month, 1));
  const end = new Date(Date.UTC(2030, month + 1, 0));
  const period = await db().fundingPeriod.create({
    data: {
      name: `Période ${month}`,
      startDate: start,
      endDate: end,
      defaultRateCents: 2_500,
      capMinutes: data.capMinutes,
      mileageRateCents: data.mileageRateCents ?? null,
      overflowPolicy: policy,
      envelopes: {
        create: data.envelopes.flatMap((amountCents, index) =>
          amountCents === null ? [] : [{ chantierId: chantiers[index], amountCents }],
        ),
      },
      rateOverrides: { create: data.personRate === null ? [] : [{ personId: people[1], rateCents: data.personRate }] },
    },
  });
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  for (const contribution of data.contributions) {
    const day = new Date(start.getTime() + (contribution.day - 1) * 86_400_000);
    await sql(
      `INSERT INTO contributions (id, person_id, chantier_id, period_id, date, minutes, description, volunteer, status, created_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::date, $6, 'généré', $7, 'APPROVED', $8::timestamptz, now())`,
      [
        `${month}-${contribution.id}`,
        people[contribution.person],
        chantiers[contribution.chantier],
        period.id,
        iso(day),
        contribution.minutes,
        contribution.volunteer,
        new Date(Date.UTC(2030, 0, 1, 0, 0, contribution.second)).toISOString(),
      ],
    );
  }
  let claimIndex = 0;
  for (const claim of data.claims ?? []) {
    claimIndex += 1;
    const day = new Date(start.getTime() + (claim.day - 1) * 86_400_000);
    const trip = claim.kind === 'MILEAGE';
    await sql(
      `INSERT INTO claims (id, person_id, chantier_id, period_id, kind, date, description, amount_cents, distance_km,
                           status, created_by_id, deleted_at, updated_at)
       VALUES ($1, $2, $3, $4, $5::"ClaimKind", $6::date, 'généré', $7, $8, $9::"ClaimStatus", $2, $10, now())`,
      [
        `${month}-claim-${claimIndex}`,
        people[claim.person],
        chantiers[claim.chantier],
        period.id,
        claim.kind,
        iso(day),
        trip ? null : claim.amount,
        trip ? Math.min(claim.amount, 5_000) : null,
        claim.status,
        claim.deleted ? new Date() : null,
      ],
    );
  }
  return period.id;
}

describe('the preview’s compact pricing input', () => {
  beforeAll(async () => {
    await resetDatabase();
    people = [];
    for (let index = 0; index < PEOPLE; index++) people.push((await createPerson({ name: `Personne ${index}` })).id);
    chantiers = [];
    for (let index = 0; index < CHANTIERS; index++)
      chantiers.push((await createChantier({ name: `Chantier ${index}` })).id);
  });

  it('prices to exactly what every contribution prices to (PRORATA, with and without a cap)', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async (data) => {
        const periodId = await storePeriod(data);
        const full = await loadPricingInput(db(), periodId);
        const compact = await loadPreviewPricingInput(periodId);
        expect(computePayouts(compact)).toEqual(computePayouts(full));
        // At most a paid and a capped part per person × chantier × bénévole.
        const groups = new Set(full.contributions.map((c) => `${c.personId}:${c.chantierId}:${c.volunteer}`));
        expect(compact.contributions.length).toBeLessThanOrEqual(2 * groups.size);
      }),
      { numRuns: 40 },
    );
  });

  it('prices claims to the same cents summed per person × chantier × kind (both policies)', async () => {
    await fc.assert(
      fc.asyncProperty(withClaims, fc.constantFrom('PRORATA', 'FIRST_COME'), async (data, policy) => {
        const periodId = await storePeriod(data, policy as 'PRORATA' | 'FIRST_COME');
        const full = await loadPricingInput(db(), periodId);
        const compact = await loadPreviewPricingInput(periodId);
        expect(cents(compact)).toEqual(cents(full));
        // Only approved, not deleted claims; trips only when the period has a mileage rate.
        const counted = (data.claims ?? []).filter(
          (claim) =>
            claim.status === 'APPROVED' &&
            !claim.deleted &&
            (claim.kind !== 'MILEAGE' || data.mileageRateCents !== null),
        );
        expect(full.claims).toHaveLength(counted.length);
        const groups = new Set(counted.map((claim) => `${claim.person}:${claim.chantier}:${claim.kind}`));
        expect(compact.claims).toHaveLength(groups.size);
      }),
      { numRuns: 25 },
    );
  }, 300_000);

  it('a cap that cuts one contribution in two, with ties broken by creation time then id bytewise', async () => {
    const periodId = await storePeriod({
      capMinutes: 100,
      envelopes: [null, 1_000, null],
      personRate: null,
      contributions: [
        // Same day and creation time: the id decides, bytewise 'B1' < 'a1', so B1 is paid first.
        { person: 0, chantier: 0, day: 1, second: 0, id: 'a1', minutes: 60, volunteer: false },
        { person: 0, chantier: 1, day: 1, second: 0, id: 'B1', minutes: 60, volunteer: false },
        { person: 0, chantier: 0, day: 1, second: 1, id: 'a2', minutes: 30, volunteer: true },
      ],
    });
    const compact = await loadPreviewPricingInput(periodId);
    const lines = computePayouts(compact).lines.map((line) => ({
      chantierId: line.chantierId,
      approved: line.approvedMinutes,
      capped: line.cappedMinutes,
      volunteer: line.volunteerMinutes,
    }));
    expect(lines).toEqual(
      [
        { chantierId: chantiers[0], approved: 60, capped: 20, volunteer: 30 },
        { chantierId: chantiers[1], approved: 60, capped: 0, volunteer: 0 },
      ].sort((a, b) => (a.chantierId < b.chantierId ? -1 : 1)),
    );
    expect(computePayouts(compact)).toEqual(computePayouts(await loadPricingInput(db(), periodId)));
  });

  it('FIRST_COME funds contribution by contribution, so it keeps every contribution', async () => {
    const periodId = await storePeriod(
      {
        capMinutes: null,
        envelopes: [500, null, null],
        personRate: null,
        contributions: [
          { person: 0, chantier: 0, day: 1, second: 0, id: 'a1', minutes: 30, volunteer: false },
          { person: 0, chantier: 0, day: 2, second: 0, id: 'a2', minutes: 30, volunteer: false },
        ],
      },
      'FIRST_COME',
    );
    expect(await loadPreviewPricingInput(periodId)).toEqual(await loadPricingInput(db(), periodId));
  });

  it('an unknown period is not found', async () => {
    await expect(loadPreviewPricingInput('nope')).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
