// The funder report's figures: per chantier the exact sums of the lines, per place the lines
// apportioned by minutes (largest remainder), and the invariants that make it trustworthy — the
// places of a chantier add up to the chantier, all places to the total, to the cent — over random
// periods priced by the real pricing module.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePayouts, type ApprovedContribution, type PricingInput } from '@/lib/pricing';
import {
  aggregatePlaceMinutes,
  buildFunderReport,
  zeroFigures,
  type Figures,
  type FunderReport,
} from './funder-report';
import { WORKED_CHANTIERS, WORKED_INPUT, WORKED_PLACES, workedResult } from './test-fixtures';

function reportOf(input: PricingInput, places = WORKED_PLACES): FunderReport {
  const result = computePayouts(input);
  return buildFunderReport({
    lines: result.lines,
    envelopes: result.chantiers,
    placeMinutes: aggregatePlaceMinutes(input.contributions),
    chantiers: WORKED_CHANTIERS,
    places,
  });
}

const figures = (partial: Partial<Figures>): Figures => ({ ...zeroFigures(), ...partial });

describe('buildFunderReport on the worked example', () => {
  const report = reportOf(WORKED_INPUT);

  it('sums the lines per chantier, with its envelope and demand', () => {
    expect(report.chantiers).toEqual([
      {
        chantierId: 'c1',
        code: 'C1',
        name: 'Gestion et animation des tiers-lieux',
        envelopeCents: 100_000,
        demandCents: 135_000,
        figures: figures({ approvedMinutes: 2400, amountCents: 100_000, unpaidValueCents: 35_000 }),
      },
      {
        chantierId: 'c2',
        code: 'C2',
        name: 'Accompagnement des collectifs',
        envelopeCents: null,
        demandCents: 0,
        figures: figures({ volunteerMinutes: 120, volunteerValueCents: 6000 }),
      },
    ]);
    expect(report.totals).toEqual({
      ...figures({
        approvedMinutes: 2400,
        volunteerMinutes: 120,
        amountCents: 100_000,
        unpaidValueCents: 35_000,
        volunteerValueCents: 6000,
      }),
      envelopeCents: null,
      demandCents: 135_000,
    });
  });

  it("shares each line's money among its places by minutes, to the cent", () => {
    // Alice's 444,45 € over 15 h at La Coroutine and 5 h at La Baraka: 333,3375 / 111,1125 → the
    // leftover cent to La Coroutine (,75 beats ,25); her 155,55 € unpaid: 116,6625 / 38,8875.
    expect(report.cells.map((cell) => [cell.code, cell.name, cell.figures])).toEqual([
      ['C1', 'La Baraka', figures({ approvedMinutes: 300, amountCents: 11_111, unpaidValueCents: 3889 })],
      [
        'C1',
        'La Coroutine',
        figures({ approvedMinutes: 1800, amountCents: 33_334 + 44_444, unpaidValueCents: 11_666 + 15_556 }),
      ],
      ['C1', null, figures({ approvedMinutes: 300, amountCents: 11_111, unpaidValueCents: 3889 })],
      ['C2', 'La Baraka', figures({ volunteerMinutes: 120, volunteerValueCents: 6000 })],
    ]);
    expect(
      report.places.map((place) => [place.name, place.figures.amountCents, place.figures.volunteerValueCents]),
    ).toEqual([
      ['La Baraka', 11_111, 6000],
      ['La Coroutine', 77_778, 0],
      [null, 11_111, 0],
    ]);
  });

  it('refuses contributions that do not add up to their line', () => {
    const result = workedResult();
    const placeMinutes = aggregatePlaceMinutes(WORKED_INPUT.contributions.slice(1));
    expect(() =>
      buildFunderReport({
        lines: result.lines,
        envelopes: result.chantiers,
        placeMinutes,
        chantiers: WORKED_CHANTIERS,
        places: WORKED_PLACES,
      }),
    ).toThrow(/do not add up/);
    const extra = aggregatePlaceMinutes([
      ...WORKED_INPUT.contributions,
      { ...WORKED_INPUT.contributions[0], personId: 'p-zoe' },
    ]);
    expect(() =>
      buildFunderReport({
        lines: result.lines,
        envelopes: result.chantiers,
        placeMinutes: extra,
        chantiers: WORKED_CHANTIERS,
        places: WORKED_PLACES,
      }),
    ).toThrow(/without a payout line/);
  });
});

describe('aggregatePlaceMinutes', () => {
  it('sums per person, chantier, place and volunteer flag', () => {
    const base = { personId: 'p', chantierId: 'c', volunteer: false };
    expect(
      aggregatePlaceMinutes([
        { ...base, placeId: 'a', minutes: 30 },
        { ...base, placeId: 'a', minutes: 45 },
        { ...base, placeId: null, minutes: 10 },
        { ...base, minutes: 5 },
        { ...base, placeId: 'a', minutes: 60, volunteer: true },
      ]),
    ).toEqual([
      { ...base, placeId: 'a', minutes: 75 },
      { ...base, placeId: null, minutes: 15 },
      { ...base, placeId: 'a', minutes: 60, volunteer: true },
    ]);
  });
});

describe('invariants over random periods', () => {
  const PEOPLE = ['p1', 'p2', 'p3'];
  const CHANTIERS = ['c1', 'c2'];
  const PLACES = ['pl-cor', 'pl-bar', null];
  const arbInput: fc.Arbitrary<PricingInput> = fc
    .record({
      contributions: fc.array(
        fc.record({
          personId: fc.constantFrom(...PEOPLE),
          chantierId: fc.constantFrom(...CHANTIERS),
          placeId: fc.constantFrom(...PLACES),
          day: fc.integer({ min: 1, max: 9 }),
          minutes: fc.integer({ min: 1, max: 600 }),
          volunteer: fc.boolean(),
        }),
        { maxLength: 25 },
      ),
      envelope: fc.option(fc.integer({ min: 0, max: 50_000 }), { nil: null }),
      capMinutes: fc.option(fc.integer({ min: 0, max: 900 }), { nil: null }),
      policy: fc.constantFrom('PRORATA' as const, 'FIRST_COME' as const),
      rate: fc.integer({ min: 0, max: 9999 }),
    })
    .map(({ contributions, envelope, capMinutes, policy, rate }) => ({
      settings: {
        defaultRateCents: rate,
        capMinutes,
        overflowPolicy: policy,
        envelopes: envelope === null ? [] : [{ chantierId: 'c1', amountCents: envelope }],
        rates: [{ personId: 'p2', rateCents: rate + 777 }],
      },
      contributions: contributions.map((entry, index): ApprovedContribution => ({
        id: `k${index}`,
        personId: entry.personId,
        chantierId: entry.chantierId,
        placeId: entry.placeId,
        date: `2026-03-0${entry.day}`,
        createdAt: `2026-03-0${entry.day}T10:00:00Z`,
        minutes: entry.minutes,
        volunteer: entry.volunteer,
      })),
    }));

  const sum = (rows: { figures: Figures }[]) =>
    rows.reduce((total, row) => {
      for (const key of Object.keys(total) as (keyof Figures)[]) total[key] += row.figures[key];
      return total;
    }, zeroFigures());
  const figuresOf = ({
    approvedMinutes,
    volunteerMinutes,
    amountCents,
    unpaidValueCents,
    volunteerValueCents,
    expensesCents,
    fixedFeesCents,
    inKindValueCents,
  }: Figures) => ({
    approvedMinutes,
    volunteerMinutes,
    amountCents,
    unpaidValueCents,
    volunteerValueCents,
    expensesCents,
    fixedFeesCents,
    inKindValueCents,
  });

  it('the places of each chantier add up to it, every place to the total, the total to the payouts', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const result = computePayouts(input);
        const report = reportOf(input);
        expect(report.totals.amountCents).toBe(result.totals.amountCents);
        expect(report.totals.unpaidValueCents).toBe(result.totals.unpaidValueCents);
        expect(report.totals.volunteerValueCents).toBe(result.totals.volunteerValueCents);
        expect(sum(report.places)).toEqual(figuresOf(report.totals));
        expect(sum(report.chantiers)).toEqual(figuresOf(report.totals));
        for (const chantier of report.chantiers) {
          expect(sum(report.cells.filter((cell) => cell.chantierId === chantier.chantierId))).toEqual(chantier.figures);
          expect(chantier.figures.amountCents).toBe(
            result.chantiers.find((summary) => summary.chantierId === chantier.chantierId)!.paidCents,
          );
        }
        // Minutes are counted, never apportioned.
        for (const place of report.places) {
          const own = input.contributions.filter((contribution) => (contribution.placeId ?? null) === place.placeId);
          expect(place.figures.approvedMinutes + place.figures.volunteerMinutes).toBe(
            own.reduce((total, contribution) => total + contribution.minutes, 0),
          );
        }
      }),
      { numRuns: 250 },
    );
  });

  it('gives the same cents whatever the order of the contributions', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        expect(reportOf({ ...input, contributions: [...input.contributions].reverse() })).toEqual(reportOf(input));
      }),
      { numRuns: 100 },
    );
  });
});
