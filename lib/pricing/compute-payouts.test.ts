/**
 * Hand-computed cases for computePayouts: the worked example of docs/pricing.md to the cent, then the
 * envelope (step 4) and rounding (step 5) rules. Rates, volunteers and the cap are in
 * compute-payouts.steps.test.ts; invariants over random inputs in compute-payouts.property.test.ts.
 */
import { describe, expect, it } from 'vitest';
import { computePayouts } from './compute-payouts';
import { lineOf, makeContribution as contribution, makeSettings as settings, summaryOf } from './test-fixtures';

describe('the worked example of docs/pricing.md', () => {
  // Ids sort alice < bob < chloe, as Alice < Bob < Chloé in the example.
  const result = computePayouts({
    settings: settings({
      defaultRateCents: 3000,
      envelopes: [{ chantierId: 'c1', amountCents: 100_000 }],
      rates: [{ personId: 'bob', rateCents: 4000 }],
      overflowPolicy: 'PRORATA',
    }),
    contributions: [
      contribution('k1', 'alice', 'c1', 20 * 60),
      contribution('k2', 'bob', 'c1', 15 * 60),
      contribution('k3', 'chloe', 'c1', 5 * 60),
    ],
  });

  it('pays Alice 444.45, Bob 444.44 and Chloé 111.11, the leftover cent going to Alice', () => {
    expect(result.lines.map(summaryOf)).toEqual([
      {
        personId: 'alice',
        chantierId: 'c1',
        rateCents: 3000,
        rateSource: 'DEFAULT',
        approvedMinutes: 1200,
        volunteerMinutes: 0,
        cappedMinutes: 0,
        amountCents: 44445,
        unpaidValueCents: 15555,
        volunteerValueCents: 0,
      },
      {
        personId: 'bob',
        chantierId: 'c1',
        rateCents: 4000,
        rateSource: 'PERSON',
        approvedMinutes: 900,
        volunteerMinutes: 0,
        cappedMinutes: 0,
        amountCents: 44444,
        unpaidValueCents: 15556,
        volunteerValueCents: 0,
      },
      {
        personId: 'chloe',
        chantierId: 'c1',
        rateCents: 3000,
        rateSource: 'DEFAULT',
        approvedMinutes: 300,
        volunteerMinutes: 0,
        cappedMinutes: 0,
        amountCents: 11111,
        unpaidValueCents: 3889,
        volunteerValueCents: 0,
      },
    ]);
    expect(result.people).toEqual([
      { personId: 'alice', amountCents: 44445 },
      { personId: 'bob', amountCents: 44444 },
      { personId: 'chloe', amountCents: 11111 },
    ]);
    expect(result.chantiers).toEqual([
      { chantierId: 'c1', envelopeCents: 100_000, demandCents: 135_000, paidCents: 100_000, bound: true },
    ]);
    expect(result.totals).toEqual({ amountCents: 100_000, unpaidValueCents: 35_000, volunteerValueCents: 0 });
  });

  it("explains Alice's line: 20 h × 30 €/h = 600 €, × 20/27 → 444.45 €, 155.55 € unpaid", () => {
    expect(lineOf(result, 'alice', 'c1').explanation).toEqual({
      rateSource: 'DEFAULT',
      rateCents: 3000,
      capMinutes: null,
      cappedMinutes: 0,
      paidMinutes: 1200,
      paidValueCents: { numerator: '60000', denominator: '1', decimal: '60000.0000' },
      cappedValueCents: { numerator: '0', denominator: '1', decimal: '0.0000' },
      policy: 'PRORATA',
      envelopeCents: 100_000,
      chantierDemandCents: { numerator: '135000', denominator: '1', decimal: '135000.0000' },
      envelopeBound: true,
      scalingFactor: { numerator: '20', denominator: '27', decimal: '0.7407' },
      fundedMinutes: { numerator: '8000', denominator: '9', decimal: '888.8889' },
      unfundedMinutes: { numerator: '2800', denominator: '9', decimal: '311.1111' },
      unfundedValueCents: { numerator: '140000', denominator: '9', decimal: '15555.5556' },
      exactAmountCents: { numerator: '400000', denominator: '9', decimal: '44444.4444' },
      floorCents: 44444,
      leftoverCent: true,
      fullValueCents: 60000,
    });
    expect(lineOf(result, 'bob', 'c1').explanation.leftoverCent).toBe(false);
    expect(lineOf(result, 'chloe', 'c1').explanation.scalingFactor?.decimal).toBe('0.7407');
  });
});

describe('envelope per chantier (step 4)', () => {
  const amounts = (result: ReturnType<typeof computePayouts>) =>
    result.lines.map((line) => [line.personId, line.chantierId, line.amountCents, line.unpaidValueCents]);

  it.each([
    {
      name: 'fits with room to spare',
      envelopeCents: 100_000,
      bound: false,
      expected: [
        ['a', 'c1', 3000, 0],
        ['b', 'c1', 1500, 0],
      ],
    },
    {
      name: 'fits exactly (demand = envelope does not bind)',
      envelopeCents: 4500,
      bound: false,
      expected: [
        ['a', 'c1', 3000, 0],
        ['b', 'c1', 1500, 0],
      ],
    },
    // factor 1000/4500 = 2/9: a 666.67 → floor 666 + leftover cent, b 333.33 → 333
    {
      name: 'binds under PRORATA',
      envelopeCents: 1000,
      bound: true,
      expected: [
        ['a', 'c1', 667, 2333],
        ['b', 'c1', 333, 1167],
      ],
    },
    {
      name: 'is zero',
      envelopeCents: 0,
      bound: true,
      expected: [
        ['a', 'c1', 0, 3000],
        ['b', 'c1', 0, 1500],
      ],
    },
  ])('PRORATA when the envelope $name', ({ envelopeCents, bound, expected }) => {
    const result = computePayouts({
      settings: settings({ envelopes: [{ chantierId: 'c1', amountCents: envelopeCents }] }),
      contributions: [contribution('k1', 'a', 'c1', 60), contribution('k2', 'b', 'c1', 30)],
    });
    expect(amounts(result)).toEqual(expected);
    expect(result.chantiers[0]).toMatchObject({ demandCents: 4500, bound, paidCents: Math.min(4500, envelopeCents) });
  });

  it('FIRST_COME funds in order and splits the contribution crossing the envelope', () => {
    // 30 €/h = 50 cents a minute; envelope 50 €: k1 (a, 60 min = 30 €) funded, k2 (b, 60 min)
    // funded 20 € of 30 € i.e. 40 of its 60 minutes, k3 (a, 30 min, last) funded nothing.
    const result = computePayouts({
      settings: settings({ overflowPolicy: 'FIRST_COME', envelopes: [{ chantierId: 'c1', amountCents: 5000 }] }),
      contributions: [
        contribution('k3', 'a', 'c1', 30, { date: '2026-03-03' }),
        contribution('k2', 'b', 'c1', 60, { date: '2026-03-02' }),
        contribution('k1', 'a', 'c1', 60, { date: '2026-03-01' }),
      ],
    });
    expect(amounts(result)).toEqual([
      ['a', 'c1', 3000, 1500],
      ['b', 'c1', 2000, 1000],
    ]);
    const a = lineOf(result, 'a', 'c1').explanation;
    expect([a.fundedMinutes.decimal, a.unfundedMinutes.decimal, a.scalingFactor?.decimal]).toEqual([
      '60.0000',
      '30.0000',
      '0.6667',
    ]);
    const b = lineOf(result, 'b', 'c1').explanation;
    expect([b.fundedMinutes.decimal, b.unfundedMinutes.decimal, b.unfundedValueCents.decimal]).toEqual([
      '40.0000',
      '20.0000',
      '1000.0000',
    ]);
    expect(b.scalingFactor).toEqual({ numerator: '2', denominator: '3', decimal: '0.6667' });
    expect(result.chantiers[0]).toEqual({
      chantierId: 'c1',
      envelopeCents: 5000,
      demandCents: 7500,
      paidCents: 5000,
      bound: true,
    });
  });

  it('FIRST_COME can fund a fraction of a minute, and orders same-day work by creation instant, then id', () => {
    // 10 €/h; envelope 10.01 €: the first hour is funded whole, the next one for 1 cent = 3/50 min.
    // b's contribution was created at 09:30 UTC (10:30+01:00), before a's (10:00 UTC): b comes first.
    const result = computePayouts({
      settings: settings({
        defaultRateCents: 1000,
        overflowPolicy: 'FIRST_COME',
        envelopes: [{ chantierId: 'c1', amountCents: 1001 }],
      }),
      contributions: [
        contribution('k1', 'a', 'c1', 60, { createdAt: '2026-03-01T10:00:00Z' }),
        contribution('k2', 'b', 'c1', 60, { createdAt: '2026-03-01T10:30:00+01:00' }),
      ],
    });
    expect(amounts(result)).toEqual([
      ['a', 'c1', 1, 999],
      ['b', 'c1', 1000, 0],
    ]);
    expect(lineOf(result, 'a', 'c1').explanation.fundedMinutes).toEqual({
      numerator: '3',
      denominator: '50',
      decimal: '0.0600',
    });

    const tiedOnTime = computePayouts({
      settings: settings({
        defaultRateCents: 1000,
        overflowPolicy: 'FIRST_COME',
        envelopes: [{ chantierId: 'c1', amountCents: 1000 }],
      }),
      contributions: [contribution('k2', 'a', 'c1', 60), contribution('k1', 'b', 'c1', 60)],
    });
    expect(amounts(tiedOnTime)).toEqual([
      ['a', 'c1', 0, 1000],
      ['b', 'c1', 1000, 0],
    ]); // k1 < k2
  });

  it('FIRST_COME and PRORATA agree when the envelope does not bind, and both pay nothing from a zero envelope', () => {
    const contributions = [contribution('k1', 'a', 'c1', 60), contribution('k2', 'b', 'c1', 45)];
    for (const overflowPolicy of ['PRORATA', 'FIRST_COME'] as const) {
      const roomy = computePayouts({
        settings: settings({ overflowPolicy, envelopes: [{ chantierId: 'c1', amountCents: 10_000 }] }),
        contributions,
      });
      expect(amounts(roomy)).toEqual([
        ['a', 'c1', 3000, 0],
        ['b', 'c1', 2250, 0],
      ]);
      const empty = computePayouts({
        settings: settings({ overflowPolicy, envelopes: [{ chantierId: 'c1', amountCents: 0 }] }),
        contributions,
      });
      expect(amounts(empty)).toEqual([
        ['a', 'c1', 0, 3000],
        ['b', 'c1', 0, 2250],
      ]);
      expect(lineOf(empty, 'a', 'c1').explanation.scalingFactor?.decimal).toBe('0.0000');
    }
  });

  it('envelopes are per chantier: one binding does not touch another', () => {
    const result = computePayouts({
      settings: settings({ envelopes: [{ chantierId: 'c1', amountCents: 1500 }] }),
      contributions: [contribution('k1', 'a', 'c1', 60), contribution('k2', 'a', 'c2', 60)],
    });
    expect(amounts(result)).toEqual([
      ['a', 'c1', 1500, 1500],
      ['a', 'c2', 3000, 0],
    ]);
    expect(result.chantiers.map((chantier) => [chantier.chantierId, chantier.envelopeCents, chantier.bound])).toEqual([
      ['c1', 1500, true],
      ['c2', null, false],
    ]);
    expect(result.people).toEqual([{ personId: 'a', amountCents: 4500 }]);
  });
});

describe('rounding (step 5)', () => {
  it('shares an unlimited chantier by largest remainder, ties to the lower person id', () => {
    // 10.01 €/h × 1 min = 16.6833… cents each; total 50.05 → 50 cents; floors 48, 2 leftover cents
    // go to a and b (equal fractions, lower ids). c's full value rounds to 17, so 1 cent is unpaid.
    const result = computePayouts({
      settings: settings({ defaultRateCents: 1001 }),
      contributions: [
        contribution('k1', 'c', 'c1', 1),
        contribution('k2', 'b', 'c1', 1),
        contribution('k3', 'a', 'c1', 1),
      ],
    });
    expect(result.lines.map((line) => [line.personId, line.amountCents, line.unpaidValueCents])).toEqual([
      ['a', 17, 0],
      ['b', 17, 0],
      ['c', 16, 1],
    ]);
    expect(result.chantiers[0]).toMatchObject({ envelopeCents: null, demandCents: 50, paidCents: 50, bound: false });
  });

  it('can report an unpaid value of −1 cent when a leftover cent beats the line’s own rounding', () => {
    // 0.12 €/h × 1 min = 0.2 cent each; total 0.6 → 1 cent, which goes to a. a's full value rounds
    // to 0, so unpaid = 0 − 1 = −1, exactly as step 7 of docs/pricing.md defines it.
    const result = computePayouts({
      settings: settings({ defaultRateCents: 12 }),
      contributions: [
        contribution('k1', 'a', 'c1', 1),
        contribution('k2', 'b', 'c1', 1),
        contribution('k3', 'c', 'c1', 1),
      ],
    });
    expect(result.lines.map((line) => [line.personId, line.amountCents, line.unpaidValueCents])).toEqual([
      ['a', 1, -1],
      ['b', 0, 0],
      ['c', 0, 0],
    ]);
    expect(result.totals).toEqual({ amountCents: 1, unpaidValueCents: -1, volunteerValueCents: 0 });
  });

  it('rounds a half cent up', () => {
    // 0.30 €/h × 1 min = 0.5 cent → 1 cent.
    const result = computePayouts({
      settings: settings({ defaultRateCents: 30 }),
      contributions: [contribution('k1', 'a', 'c1', 1)],
    });
    expect(summaryOf(lineOf(result, 'a', 'c1'))).toMatchObject({ amountCents: 1, unpaidValueCents: 0 });
  });
});
