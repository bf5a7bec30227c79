/**
 * Hand-computed cases for computePayouts, steps 1–3 and 6–7: rate precedence, volunteers, the
 * per-person cap, people with nothing approved, payouts per person — and input validation.
 */
import { describe, expect, it } from 'vitest';
import { computePayouts } from './compute-payouts';
import { lineOf, makeContribution as contribution, makeSettings as settings, summaryOf } from './test-fixtures';
import type { PricingInput } from './types';
import { PricingInputError } from './validate-input';

describe('rate precedence (step 1)', () => {
  const result = computePayouts({
    settings: settings({
      defaultRateCents: 3000,
      rates: [
        { personId: 'p1', chantierId: 'c1', rateCents: 5000 },
        { personId: 'p1', chantierId: null, rateCents: 4000 },
        { chantierId: 'c2', rateCents: 3500 },
      ],
    }),
    contributions: [
      contribution('k1', 'p1', 'c1', 60),
      contribution('k2', 'p1', 'c2', 60),
      contribution('k3', 'p2', 'c2', 60),
      contribution('k4', 'p2', 'c3', 60),
    ],
  });

  it.each([
    { personId: 'p1', chantierId: 'c1', rateCents: 5000, rateSource: 'PERSON_CHANTIER' },
    { personId: 'p1', chantierId: 'c2', rateCents: 4000, rateSource: 'PERSON' }, // person beats chantier
    { personId: 'p2', chantierId: 'c2', rateCents: 3500, rateSource: 'CHANTIER' },
    { personId: 'p2', chantierId: 'c3', rateCents: 3000, rateSource: 'DEFAULT' },
  ])(
    '$personId in $chantierId is paid $rateCents cents/h ($rateSource)',
    ({ personId, chantierId, rateCents, rateSource }) => {
      const line = lineOf(result, personId, chantierId);
      expect(line).toMatchObject({ rateCents, rateSource, amountCents: rateCents });
      expect(line.explanation).toMatchObject({ rateCents, rateSource });
    },
  );

  it('a person paid at different rates in different chantiers gets the sum (step 6)', () => {
    expect(result.people).toEqual([
      { personId: 'p1', amountCents: 9000 },
      { personId: 'p2', amountCents: 6500 },
    ]);
  });
});

describe('volunteers (step 2)', () => {
  it('are paid nothing, valued at their rate, and use neither the cap nor the envelope', () => {
    const result = computePayouts({
      settings: settings({ capMinutes: 60, envelopes: [{ chantierId: 'c1', amountCents: 3000 }] }),
      contributions: [
        contribution('k1', 'a', 'c1', 90, { volunteer: true, date: '2026-03-01' }),
        contribution('k2', 'a', 'c1', 60, { date: '2026-03-02' }),
        contribution('k3', 'b', 'c1', 20, { volunteer: true }),
      ],
    });
    expect(result.lines.map(summaryOf)).toEqual([
      {
        personId: 'a',
        chantierId: 'c1',
        rateCents: 3000,
        rateSource: 'DEFAULT',
        approvedMinutes: 60,
        volunteerMinutes: 90,
        cappedMinutes: 0,
        amountCents: 3000,
        unpaidValueCents: 0,
        volunteerValueCents: 4500,
      },
      {
        personId: 'b',
        chantierId: 'c1',
        rateCents: 3000,
        rateSource: 'DEFAULT',
        approvedMinutes: 0,
        volunteerMinutes: 20,
        cappedMinutes: 0,
        amountCents: 0,
        unpaidValueCents: 0,
        volunteerValueCents: 1000,
      },
    ]);
    expect(lineOf(result, 'b', 'c1').explanation.scalingFactor).toBeNull();
    expect(result.chantiers[0]).toMatchObject({ demandCents: 3000, paidCents: 3000, bound: false });
    expect(result.totals).toEqual({ amountCents: 3000, unpaidValueCents: 0, volunteerValueCents: 5500 });
  });

  it.each([
    { rateCents: 3001, minutes: 1, volunteerValueCents: 50 }, // 50.0166… → 50
    { rateCents: 3030, minutes: 1, volunteerValueCents: 51 }, // 50.5 → 51 (half up)
    { rateCents: 4000, minutes: 1, volunteerValueCents: 67 }, // 66.66… → 67
  ])(
    'value $minutes min at $rateCents cents/h as $volunteerValueCents cents',
    ({ rateCents, minutes, volunteerValueCents }) => {
      const result = computePayouts({
        settings: settings({ defaultRateCents: rateCents }),
        contributions: [contribution('k1', 'a', 'c1', minutes, { volunteer: true })],
      });
      expect(lineOf(result, 'a', 'c1')).toMatchObject({ volunteerValueCents, amountCents: 0 });
    },
  );
});

describe('per-person cap (step 3)', () => {
  it('takes contributions across chantiers in date order and splits the one crossing the cap', () => {
    // cap 10 h: k1 (c1, 5 h) paid; k2 (c2, 8 h) crosses: 5 h paid, 3 h capped; k3 (c1, 2 h) capped.
    const result = computePayouts({
      settings: settings({ capMinutes: 600 }),
      contributions: [
        contribution('k3', 'a', 'c1', 120, { date: '2026-03-03' }),
        contribution('k1', 'a', 'c1', 300, { date: '2026-03-01' }),
        contribution('k2', 'a', 'c2', 480, { date: '2026-03-02' }),
        contribution('k4', 'b', 'c1', 900, { date: '2026-03-01' }), // the cap is per person
      ],
    });
    expect(
      result.lines.map((line) => [
        line.personId,
        line.chantierId,
        line.approvedMinutes,
        line.cappedMinutes,
        line.amountCents,
        line.unpaidValueCents,
      ]),
    ).toEqual([
      ['a', 'c1', 420, 120, 15000, 6000],
      ['a', 'c2', 480, 180, 15000, 9000],
      ['b', 'c1', 900, 300, 30000, 15000],
    ]);
    expect(lineOf(result, 'a', 'c2').explanation).toMatchObject({
      capMinutes: 600,
      paidMinutes: 300,
      cappedValueCents: { numerator: '9000', denominator: '1', decimal: '9000.0000' },
      envelopeBound: false,
    });
  });

  it.each([
    {
      name: 'creation instant',
      later: { createdAt: '2026-03-01T11:00:00Z' },
      earlier: { createdAt: '2026-03-01T10:00:00Z' },
    },
    {
      name: 'creation instant, whatever the zone',
      later: { createdAt: '2026-03-01T10:00:00Z' },
      earlier: { createdAt: '2026-03-01T10:30:00+01:00' },
    },
    { name: 'id', later: {}, earlier: {} },
  ])('breaks same-day ties by $name', ({ later, earlier }) => {
    const result = computePayouts({
      settings: settings({ capMinutes: 60 }),
      contributions: [contribution('k2', 'a', 'c1', 60, later), contribution('k1', 'a', 'c2', 60, earlier)],
    });
    expect(lineOf(result, 'a', 'c2')).toMatchObject({ cappedMinutes: 0, amountCents: 3000 });
    expect(lineOf(result, 'a', 'c1')).toMatchObject({ cappedMinutes: 60, amountCents: 0, unpaidValueCents: 3000 });
  });

  it('applies before the envelope, which then only sees paid minutes', () => {
    // cap 1 h: a's 2 h → 1 h paid (30 €); demand 30 + 30 = 60 € > 45 € envelope → factor 3/4.
    const result = computePayouts({
      settings: settings({ capMinutes: 60, envelopes: [{ chantierId: 'c1', amountCents: 4500 }] }),
      contributions: [contribution('k1', 'a', 'c1', 120), contribution('k2', 'b', 'c1', 60)],
    });
    expect(
      result.lines.map((line) => [line.personId, line.cappedMinutes, line.amountCents, line.unpaidValueCents]),
    ).toEqual([
      ['a', 60, 2250, 3750],
      ['b', 0, 2250, 750],
    ]);
    expect(lineOf(result, 'a', 'c1').explanation.scalingFactor?.decimal).toBe('0.7500');
  });

  it('a zero cap leaves everything unpaid', () => {
    const result = computePayouts({
      settings: settings({ capMinutes: 0 }),
      contributions: [contribution('k1', 'a', 'c1', 45)],
    });
    expect(summaryOf(lineOf(result, 'a', 'c1'))).toMatchObject({
      cappedMinutes: 45,
      amountCents: 0,
      unpaidValueCents: 2250,
    });
  });
});

describe('people with nothing approved', () => {
  it('have no line and no payout, while an envelope without work still shows its chantier', () => {
    const result = computePayouts({
      settings: settings({
        rates: [{ personId: 'idle', rateCents: 9000 }],
        envelopes: [{ chantierId: 'c9', amountCents: 5000 }],
      }),
      contributions: [contribution('k1', 'a', 'c1', 60)],
    });
    expect(result.lines.map((line) => line.personId)).toEqual(['a']);
    expect(result.people).toEqual([{ personId: 'a', amountCents: 3000 }]);
    expect(result.chantiers).toEqual([
      { chantierId: 'c1', envelopeCents: null, demandCents: 3000, paidCents: 3000, bound: false },
      { chantierId: 'c9', envelopeCents: 5000, demandCents: 0, paidCents: 0, bound: false },
    ]);
  });

  it('an empty period gives an empty result', () => {
    expect(computePayouts({ settings: settings(), contributions: [] })).toEqual({
      lines: [],
      people: [],
      chantiers: [],
      totals: { amountCents: 0, unpaidValueCents: 0, volunteerValueCents: 0 },
    });
  });
});

describe('input validation', () => {
  const valid: PricingInput = { settings: settings(), contributions: [contribution('k1', 'a', 'c1', 60)] };
  const withSettings = (patch: object): PricingInput => ({ ...valid, settings: { ...valid.settings, ...patch } });
  const withContribution = (patch: object): PricingInput => ({
    ...valid,
    contributions: [{ ...valid.contributions[0]!, ...patch }],
  });

  it.each([
    ['a negative default rate', withSettings({ defaultRateCents: -1 }), /settings.defaultRateCents/],
    ['a fractional default rate', withSettings({ defaultRateCents: 30.5 }), /settings.defaultRateCents/],
    ['a negative cap', withSettings({ capMinutes: -60 }), /settings.capMinutes/],
    ['an unknown policy', withSettings({ overflowPolicy: 'LOTTERY' }), /settings.overflowPolicy/],
    [
      'a fractional envelope',
      withSettings({ envelopes: [{ chantierId: 'c1', amountCents: 0.5 }] }),
      /settings.envelopes\[0\].amountCents/,
    ],
    [
      'two envelopes for a chantier',
      withSettings({
        envelopes: [
          { chantierId: 'c1', amountCents: 1 },
          { chantierId: 'c1', amountCents: 2 },
        ],
      }),
      /repeats chantier c1/,
    ],
    ['a rate naming nobody', withSettings({ rates: [{ rateCents: 100 }] }), /neither a person nor a chantier/],
    [
      'two rates for one key',
      withSettings({
        rates: [
          { personId: 'a', rateCents: 1 },
          { personId: 'a', chantierId: null, rateCents: 2 },
        ],
      }),
      /repeats the rate/,
    ],
    ['a NaN rate', withSettings({ rates: [{ personId: 'a', rateCents: Number.NaN }] }), /rates\[0\].rateCents/],
    ['fractional minutes', withContribution({ minutes: 1.5 }), /contributions\[0\].minutes/],
    ['negative minutes', withContribution({ minutes: -5 }), /contributions\[0\].minutes/],
    ['an impossible date', withContribution({ date: '2026-02-30' }), /contributions\[0\].date/],
    [
      'a timestamp without zone',
      withContribution({ createdAt: '2026-03-01T10:00:00' }),
      /contributions\[0\].createdAt/,
    ],
    ['an empty person id', withContribution({ personId: '' }), /contributions\[0\].personId/],
    ['a non-boolean volunteer flag', withContribution({ volunteer: 'yes' }), /contributions\[0\].volunteer/],
    [
      'duplicate contribution ids',
      { ...valid, contributions: [valid.contributions[0]!, valid.contributions[0]!] },
      /repeats contribution id k1/,
    ],
  ])('refuses %s', (_name, input, message) => {
    expect(() => computePayouts(input)).toThrow(PricingInputError);
    expect(() => computePayouts(input)).toThrow(message);
  });

  it('does not modify its input', () => {
    const input: PricingInput = {
      settings: settings({ capMinutes: 30 }),
      contributions: [contribution('k2', 'b', 'c1', 60), contribution('k1', 'a', 'c1', 60)],
    };
    const before = structuredClone(input);
    computePayouts(input);
    expect(input).toEqual(before);
  });
});
