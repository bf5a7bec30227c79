/**
 * Step 0 (claims) of the pricing rules, by example: docs/pricing.md's worked example with claims
 * to the cent, each kind of claim, an overdrawn chantier, and a person with only claims.
 */
import { describe, expect, it } from 'vitest';
import { computePayoutsWithClaims, overdrawnChantiers } from './compute-payouts-with-claims';
import { makeContribution, makeSettings } from './test-fixtures';
import type { ApprovedClaim, ClaimsPricingResult, PricedLine } from './types';
import { PricingInputError } from './validate-input';

function claim(id: string, personId: string, chantierId: string, fields: Partial<ApprovedClaim>): ApprovedClaim {
  return { id, personId, chantierId, date: '2026-03-02', kind: 'EXPENSE', amountCents: 0, ...fields };
}

function lineOf(result: ClaimsPricingResult, personId: string, chantierId: string): PricedLine {
  const line = result.lines.find((candidate) => candidate.personId === personId && candidate.chantierId === chantierId);
  if (!line) throw new Error(`No line for ${personId} in ${chantierId}`);
  return line;
}

const parts = (line: PricedLine) => ({
  hoursAmountCents: line.hoursAmountCents,
  expensesCents: line.expensesCents,
  fixedFeesCents: line.fixedFeesCents,
  inKindValueCents: line.inKindValueCents,
  amountCents: line.amountCents,
});

// The worked example: 30 €/h, chantier 1's envelope 1 000 €, PRORATA; Alice 20 h, Bob 15 h at
// 40 €/h, Chloé 5 h; plus Chloé's 150 € expense and Alice's 40 km at 38 cents/km.
const workedExample = {
  settings: {
    ...makeSettings({
      envelopes: [{ chantierId: 'c1', amountCents: 100_000 }],
      rates: [{ personId: 'bob', rateCents: 4000 }],
    }),
    mileageRateCents: 38,
  },
  contributions: [
    makeContribution('k1', 'alice', 'c1', 20 * 60),
    makeContribution('k2', 'bob', 'c1', 15 * 60),
    makeContribution('k3', 'chloe', 'c1', 5 * 60),
  ],
  claims: [
    claim('e1', 'chloe', 'c1', { kind: 'EXPENSE', amountCents: 15_000 }),
    claim('m1', 'alice', 'c1', { kind: 'MILEAGE', amountCents: null, distanceKm: 40 }),
  ],
};

describe('computePayoutsWithClaims — the worked example with claims', () => {
  const result = computePayoutsWithClaims(workedExample);

  it('pays the fixed amounts in full and shares E − F = 834,80 € among the hours, to the cent', () => {
    expect(parts(lineOf(result, 'alice', 'c1'))).toEqual({
      hoursAmountCents: 37_102,
      expensesCents: 1_520,
      fixedFeesCents: 0,
      inKindValueCents: 0,
      amountCents: 38_622,
    });
    expect(parts(lineOf(result, 'bob', 'c1'))).toEqual({
      hoursAmountCents: 37_102,
      expensesCents: 0,
      fixedFeesCents: 0,
      inKindValueCents: 0,
      amountCents: 37_102,
    });
    // The one leftover cent of the hours goes to Chloé, whose fraction (0,555…) is the largest.
    expect(parts(lineOf(result, 'chloe', 'c1'))).toEqual({
      hoursAmountCents: 9_276,
      expensesCents: 15_000,
      fixedFeesCents: 0,
      inKindValueCents: 0,
      amountCents: 24_276,
    });
    expect(lineOf(result, 'chloe', 'c1').explanation.leftoverCent).toBe(true);
  });

  it('makes the chantier pay exactly its envelope, with F and the hours envelope reported', () => {
    expect(result.chantiers).toEqual([
      {
        chantierId: 'c1',
        envelopeCents: 100_000,
        demandCents: 135_000,
        paidCents: 100_000,
        bound: true,
        fixedCents: 16_520,
        expensesCents: 16_520,
        fixedFeesCents: 0,
        inKindValueCents: 0,
        hoursEnvelopeCents: 83_480,
        overdrawn: false,
        totalDemandCents: 151_520,
      },
    ]);
    expect(result.totals).toEqual({
      amountCents: 100_000,
      hoursAmountCents: 83_480,
      expensesCents: 16_520,
      fixedFeesCents: 0,
      inKindValueCents: 0,
      // Full value of the hours (135 000) minus what they are paid (83 480).
      unpaidValueCents: 51_520,
      volunteerValueCents: 0,
    });
    expect(result.people).toEqual([
      { personId: 'alice', amountCents: 38_622 },
      { personId: 'bob', amountCents: 37_102 },
      { personId: 'chloe', amountCents: 24_276 },
    ]);
  });

  it('explains the mileage claim as distance × rate', () => {
    expect(lineOf(result, 'alice', 'c1').claims).toEqual([
      { claimId: 'm1', kind: 'MILEAGE', valueCents: 1_520, distanceKm: 40, mileageRateCents: 38 },
    ]);
  });
});

describe('computePayoutsWithClaims — each kind', () => {
  const base = { ...makeSettings({ envelopes: [{ chantierId: 'c1', amountCents: 10_000 }] }), mileageRateCents: 50 };

  it.each([
    // kind, claim fields, expenses, fixed fees, in kind, hours paid (1 h at 30 €/h, envelope 100 €)
    ['EXPENSE', { amountCents: 2_500 }, 2_500, 0, 0, 3_000],
    ['MILEAGE', { amountCents: null, distanceKm: 100 }, 5_000, 0, 0, 3_000],
    ['FIXED_FEE', { amountCents: 8_000 }, 0, 8_000, 0, 2_000],
    ['IN_KIND', { amountCents: 40_000 }, 0, 0, 40_000, 3_000],
  ] as const)('%s', (kind, fields, expensesCents, fixedFeesCents, inKindValueCents, hoursAmountCents) => {
    const result = computePayoutsWithClaims({
      settings: base,
      contributions: [makeContribution('k1', 'a', 'c1', 60)],
      claims: [claim('x', 'a', 'c1', { kind, ...fields })],
    });
    expect(parts(lineOf(result, 'a', 'c1'))).toEqual({
      hoursAmountCents,
      expensesCents,
      fixedFeesCents,
      inKindValueCents,
      amountCents: hoursAmountCents + expensesCents + fixedFeesCents,
    });
  });
});

describe('computePayoutsWithClaims — limits', () => {
  it('overdraws a chantier whose fixed amounts exceed its envelope: hours get nothing, F is still paid', () => {
    const result = computePayoutsWithClaims({
      settings: makeSettings({ envelopes: [{ chantierId: 'c1', amountCents: 10_000 }] }),
      contributions: [makeContribution('k1', 'a', 'c1', 120)],
      claims: [claim('f', 'b', 'c1', { kind: 'FIXED_FEE', amountCents: 12_000 })],
    });
    expect(parts(lineOf(result, 'a', 'c1'))).toMatchObject({ hoursAmountCents: 0, amountCents: 0 });
    expect(lineOf(result, 'a', 'c1').unpaidValueCents).toBe(6_000);
    expect(parts(lineOf(result, 'b', 'c1'))).toMatchObject({ fixedFeesCents: 12_000, amountCents: 12_000 });
    expect(result.chantiers[0]).toMatchObject({ overdrawn: true, hoursEnvelopeCents: 0, paidCents: 12_000 });
    expect(overdrawnChantiers(result)).toEqual([{ chantierId: 'c1', envelopeCents: 10_000, fixedCents: 12_000 }]);
  });

  it('is not overdrawn when F equals the envelope: the hours get nothing, the envelope is used exactly', () => {
    const result = computePayoutsWithClaims({
      settings: makeSettings({ envelopes: [{ chantierId: 'c1', amountCents: 10_000 }] }),
      contributions: [makeContribution('k1', 'a', 'c1', 60)],
      claims: [claim('e', 'a', 'c1', { amountCents: 10_000 })],
    });
    expect(result.chantiers[0]).toMatchObject({ overdrawn: false, paidCents: 10_000, hoursEnvelopeCents: 0 });
    expect(overdrawnChantiers(result)).toEqual([]);
  });

  it('pays everything in a chantier without an envelope', () => {
    const result = computePayoutsWithClaims({
      settings: makeSettings(),
      contributions: [makeContribution('k1', 'a', 'c2', 60)],
      claims: [claim('e', 'a', 'c2', { amountCents: 99_999_999 })],
    });
    expect(parts(lineOf(result, 'a', 'c2'))).toMatchObject({ hoursAmountCents: 3_000, amountCents: 100_002_999 });
    expect(result.chantiers[0]).toMatchObject({ envelopeCents: null, hoursEnvelopeCents: null, overdrawn: false });
  });

  it('gives a person with only claims a line with zero minutes, at their rate', () => {
    const result = computePayoutsWithClaims({
      settings: makeSettings({ rates: [{ personId: 'z', rateCents: 4_500 }] }),
      contributions: [makeContribution('k1', 'a', 'c1', 60)],
      claims: [claim('e', 'z', 'c1', { amountCents: 700 }), claim('g', 'z', 'c1', { kind: 'IN_KIND', amountCents: 5 })],
    });
    const line = lineOf(result, 'z', 'c1');
    expect(line).toMatchObject({
      approvedMinutes: 0,
      volunteerMinutes: 0,
      rateCents: 4_500,
      rateSource: 'PERSON',
      hoursAmountCents: 0,
      expensesCents: 700,
      inKindValueCents: 5,
      amountCents: 700,
      unpaidValueCents: 0,
    });
    expect(line.claims.map((priced) => priced.claimId)).toEqual(['e', 'g']);
    expect(result.lines.map((entry) => entry.personId)).toEqual(['a', 'z']);
  });

  it.each([
    ['a mileage claim in a period without a mileage rate', { kind: 'MILEAGE', amountCents: null, distanceKm: 10 }],
    ['a negative amount', { amountCents: -1 }],
    ['a fractional amount', { amountCents: 10.5 }],
    ['an unknown kind', { kind: 'GIFT' as never }],
    ['a missing distance', { kind: 'MILEAGE', distanceKm: null }],
  ] as const)('refuses %s', (_label, fields) => {
    expect(() =>
      computePayoutsWithClaims({
        settings: makeSettings(),
        contributions: [],
        claims: [claim('x', 'a', 'c1', fields)],
      }),
    ).toThrow(PricingInputError);
  });

  it('refuses two claims with one id', () => {
    expect(() =>
      computePayoutsWithClaims({
        settings: makeSettings(),
        contributions: [],
        claims: [claim('x', 'a', 'c1', { amountCents: 1 }), claim('x', 'b', 'c1', { amountCents: 1 })],
      }),
    ).toThrow(/repeats claim id/);
  });
});
