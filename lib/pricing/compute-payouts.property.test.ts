/**
 * Invariants of computePayouts over random periods (fast-check): the cents add up, never exceed
 * an envelope, do not depend on input order, are deterministic and never negative, and every
 * line's amount, unpaid and volunteer values agree with an independent exact computation.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePayouts } from './compute-payouts';
import { add, compare, div, floor, rational, roundHalfUp, sub, type Rational } from './rational';
import type { ApprovedContribution, ExactNumber, PeriodPricingSettings, PricingInput, RateOverride } from './types';

const PEOPLE = ['p1', 'p2', 'p3', 'P4'];
const CHANTIERS = ['c1', 'c2', 'c3'];
const RUNS = { numRuns: 200 };

const arbContribution = fc.record({
  personId: fc.constantFrom(...PEOPLE),
  chantierId: fc.constantFrom(...CHANTIERS),
  day: fc.integer({ min: 1, max: 4 }), // few days and instants, so ties down to the id are common
  hour: fc.integer({ min: 9, max: 11 }),
  inParis: fc.boolean(), // the same instant written in another zone must order the same
  minutes: fc.integer({ min: 0, max: 600 }),
  volunteer: fc.boolean(),
});

const arbRates = fc
  .array(
    fc.record({
      personId: fc.option(fc.constantFrom(...PEOPLE), { nil: null }),
      chantierId: fc.option(fc.constantFrom(...CHANTIERS), { nil: undefined }),
      rateCents: fc.integer({ min: 0, max: 9999 }), // odd rates give fractional cents
    }),
    { maxLength: 6 },
  )
  .map((rates) => {
    const byKey = new Map<string, RateOverride>();
    for (const rate of rates)
      if (rate.personId != null || rate.chantierId != null) byKey.set(`${rate.personId}|${rate.chantierId}`, rate);
    return [...byKey.values()];
  });

const arbSettings: fc.Arbitrary<PeriodPricingSettings> = fc.record({
  defaultRateCents: fc.integer({ min: 0, max: 9999 }),
  capMinutes: fc.option(fc.integer({ min: 0, max: 1500 }), { nil: null }),
  overflowPolicy: fc.constantFrom('PRORATA' as const, 'FIRST_COME' as const),
  envelopes: fc
    .tuple(...CHANTIERS.map(() => fc.option(fc.integer({ min: 0, max: 60_000 }), { nil: null })))
    .map((amounts) =>
      amounts.flatMap((amountCents, index) =>
        amountCents === null ? [] : [{ chantierId: CHANTIERS[index]!, amountCents }],
      ),
    ),
  rates: arbRates,
});

const arbInput: fc.Arbitrary<PricingInput> = fc.record({
  settings: arbSettings,
  contributions: fc.array(arbContribution, { maxLength: 25 }).map((drafts) =>
    drafts.map(({ day, hour, inParis, ...draft }, index): ApprovedContribution => ({
      ...draft,
      id: `k${index}`,
      date: `2026-03-0${day}`,
      createdAt: inParis
        ? `2026-03-0${day}T${hour + 1}:00:00+01:00`
        : `2026-03-0${day}T${String(hour).padStart(2, '0')}:00:00Z`,
    })),
  ),
});

const exact = (value: ExactNumber): Rational => rational(BigInt(value.numerator), BigInt(value.denominator));
const valueCents = (minutes: number, rateCents: number): Rational => rational(BigInt(minutes) * BigInt(rateCents), 60n);

/** The rate step 1 should pick, found independently of the module's resolver. */
function expectedRate(settings: PeriodPricingSettings, personId: string, chantierId: string): number {
  const find = (p: string | null, c: string | null) =>
    settings.rates.find((rate) => (rate.personId ?? null) === p && (rate.chantierId ?? null) === c)?.rateCents;
  return find(personId, chantierId) ?? find(personId, null) ?? find(null, chantierId) ?? settings.defaultRateCents;
}

function shuffled<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.shuffledSubarray([...items], { minLength: items.length, maxLength: items.length });
}

describe('computePayouts invariants', () => {
  it('cents of a chantier add up to its rounded total, which never exceeds its envelope', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const result = computePayouts(input);
        for (const chantier of result.chantiers) {
          const lines = result.lines.filter((line) => line.chantierId === chantier.chantierId);
          expect(lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(chantier.paidCents);
          // Demand, recomputed from the lines: Σ (approved − capped) × rate / 60.
          const demand = lines.reduce(
            (sum, line) => add(sum, valueCents(line.approvedMinutes - line.cappedMinutes, line.rateCents)),
            rational(0),
          );
          expect(chantier.demandCents).toBe(Number(roundHalfUp(demand)));
          const envelope = chantier.envelopeCents ?? Number.POSITIVE_INFINITY;
          expect(chantier.bound).toBe(
            chantier.envelopeCents !== null && compare(demand, rational(chantier.envelopeCents)) > 0,
          );
          expect(chantier.paidCents).toBe(Math.min(envelope, chantier.demandCents));
          expect(chantier.paidCents).toBeLessThanOrEqual(envelope);
        }
      }),
      RUNS,
    );
  });

  it('does not depend on the order of contributions, rates or envelopes', () => {
    const arbWithShuffle = arbInput.chain((input) =>
      fc.record({
        input: fc.constant(input),
        contributions: shuffled(input.contributions),
        rates: shuffled(input.settings.rates),
        envelopes: shuffled(input.settings.envelopes),
      }),
    );
    fc.assert(
      fc.property(arbWithShuffle, ({ input, contributions, rates, envelopes }) => {
        const reordered = { settings: { ...input.settings, rates, envelopes }, contributions };
        expect(computePayouts(reordered)).toEqual(computePayouts(input));
      }),
      RUNS,
    );
  });

  it('is deterministic and survives JSON (so a frozen run reads back identical)', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const result = computePayouts(input);
        expect(computePayouts(structuredClone(input))).toEqual(result);
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
      }),
      RUNS,
    );
  });

  it('pays nobody a negative amount, sorts its lists and sums people and totals from the lines', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const { lines, people, totals } = computePayouts(input);
        for (const line of lines) {
          expect(line.amountCents).toBeGreaterThanOrEqual(0);
          expect(line.volunteerValueCents).toBeGreaterThanOrEqual(0);
        }
        for (const person of people) expect(person.amountCents).toBeGreaterThanOrEqual(0);
        const keys = lines.map((line) => `${line.personId}\u0000${line.chantierId}`);
        expect(keys).toEqual([...new Set(keys)].sort());
        expect(people.map((person) => person.personId)).toEqual(
          [...new Set(lines.map((line) => line.personId))].sort(),
        );
        for (const person of people) {
          const own = lines.filter((line) => line.personId === person.personId);
          expect(person.amountCents).toBe(own.reduce((sum, line) => sum + line.amountCents, 0));
        }
        const sum = (field: 'amountCents' | 'unpaidValueCents' | 'volunteerValueCents') =>
          lines.reduce((total, line) => total + line[field], 0);
        expect(totals).toEqual({
          amountCents: sum('amountCents'),
          unpaidValueCents: sum('unpaidValueCents'),
          volunteerValueCents: sum('volunteerValueCents'),
        });
      }),
      RUNS,
    );
  });

  it('reports minutes, rates and values that match the contributions', () => {
    fc.assert(
      fc.property(arbInput, ({ settings, contributions }) => {
        const { lines } = computePayouts({ settings, contributions });
        for (const line of lines) {
          const own = contributions.filter((c) => c.personId === line.personId && c.chantierId === line.chantierId);
          const minutesOf = (volunteer: boolean) =>
            own.filter((c) => c.volunteer === volunteer).reduce((sum, c) => sum + c.minutes, 0);
          expect([line.approvedMinutes, line.volunteerMinutes]).toEqual([minutesOf(false), minutesOf(true)]);
          expect(line.rateCents).toBe(expectedRate(settings, line.personId, line.chantierId));
          expect(line.volunteerValueCents).toBe(Number(roundHalfUp(valueCents(line.volunteerMinutes, line.rateCents))));
        }
        // The cap: each person's paid minutes over all chantiers are min(cap, approved minutes).
        for (const personId of new Set(lines.map((line) => line.personId))) {
          const own = lines.filter((line) => line.personId === personId);
          const approved = own.reduce((sum, line) => sum + line.approvedMinutes, 0);
          const paid = own.reduce((sum, line) => sum + line.approvedMinutes - line.cappedMinutes, 0);
          expect(paid).toBe(settings.capMinutes === null ? approved : Math.min(settings.capMinutes, approved));
        }
      }),
      RUNS,
    );
  });

  it('amount + unpaid value = full value rounded, exactly; the unpaid value is within 1.5 cents of the exact one and ≥ −1', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        for (const line of computePayouts(input).lines) {
          const full = valueCents(line.approvedMinutes, line.rateCents);
          const { exactAmountCents, cappedValueCents, unfundedValueCents, floorCents, leftoverCent, fullValueCents } =
            line.explanation;
          expect(fullValueCents).toBe(Number(roundHalfUp(full)));
          expect(line.amountCents + line.unpaidValueCents).toBe(fullValueCents);
          // The exact parts add up: paid + capped + unfunded = full value.
          const exactUnpaid = add(exact(cappedValueCents), exact(unfundedValueCents));
          expect(add(exact(exactAmountCents), exactUnpaid)).toEqual(full);
          // Rounding moves the amount by less than a cent and the full value by at most half a cent.
          expect(floorCents).toBe(Number(floor(exact(exactAmountCents))));
          expect(line.amountCents).toBe(floorCents + (leftoverCent ? 1 : 0));
          const error = sub(rational(line.unpaidValueCents), exactUnpaid);
          expect(compare(error, rational(-3, 2)) > 0 && compare(error, rational(3, 2)) < 0).toBe(true);
          expect(line.unpaidValueCents).toBeGreaterThanOrEqual(-1);
        }
      }),
      RUNS,
    );
  });

  it('with no envelope and no cap, everyone gets their exact value within one cent', () => {
    const arbUnbounded = arbInput.map((input) => ({
      ...input,
      settings: { ...input.settings, capMinutes: null, envelopes: [] },
    }));
    fc.assert(
      fc.property(arbUnbounded, (input) => {
        for (const line of computePayouts(input).lines) {
          const error = sub(rational(line.amountCents), valueCents(line.approvedMinutes, line.rateCents));
          expect(compare(error, rational(-1)) > 0 && compare(error, rational(1)) < 0).toBe(true);
          expect(line.cappedMinutes).toBe(0);
        }
      }),
      RUNS,
    );
  });

  it('PRORATA scales every line of a bound chantier by envelope / demand; both policies pay the same chantier totals', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const prorata = computePayouts({ ...input, settings: { ...input.settings, overflowPolicy: 'PRORATA' } });
        const firstCome = computePayouts({ ...input, settings: { ...input.settings, overflowPolicy: 'FIRST_COME' } });
        expect(firstCome.chantiers).toEqual(prorata.chantiers);
        for (const line of prorata.lines) {
          const { scalingFactor, envelopeBound, envelopeCents, chantierDemandCents } = line.explanation;
          if (scalingFactor === null) continue; // nothing to fund on this line
          const expected = envelopeBound ? div(rational(envelopeCents ?? 0), exact(chantierDemandCents)) : rational(1);
          expect(exact(scalingFactor)).toEqual(expected);
        }
      }),
      RUNS,
    );
  });
});
