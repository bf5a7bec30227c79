/**
 * Invariants of step 0 (claims) over random periods (fast-check): without claims every figure is
 * computePayouts's; fixed amounts are paid in full, never scaled; a chantier never pays more than
 * its envelope unless it is overdrawn, and then its hours get nothing; the cents add up; the order
 * of the claims does not matter.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computePayouts } from './compute-payouts';
import { computePayoutsWithClaims } from './compute-payouts-with-claims';
import { makeContribution } from './test-fixtures';
import type { ApprovedClaim, ClaimsPricingInput } from './types';

const PEOPLE = ['p1', 'p2', 'P3'];
const CHANTIERS = ['c1', 'c2'];
const RUNS = { numRuns: 200 };

const arbContributions = fc
  .array(
    fc.record({
      personId: fc.constantFrom(...PEOPLE),
      chantierId: fc.constantFrom(...CHANTIERS),
      day: fc.integer({ min: 1, max: 3 }),
      minutes: fc.integer({ min: 0, max: 900 }),
      volunteer: fc.boolean(),
    }),
    { maxLength: 15 },
  )
  .map((drafts) =>
    drafts.map(({ day, personId, chantierId, minutes, volunteer }, index) =>
      makeContribution(`k${index}`, personId, chantierId, minutes, { date: `2026-03-0${day}`, volunteer }),
    ),
  );

const arbClaims = fc
  .array(
    fc.record({
      personId: fc.constantFrom(...PEOPLE),
      chantierId: fc.constantFrom(...CHANTIERS),
      kind: fc.constantFrom('EXPENSE' as const, 'MILEAGE' as const, 'FIXED_FEE' as const, 'IN_KIND' as const),
      amountCents: fc.integer({ min: 1, max: 40_000 }),
      distanceKm: fc.integer({ min: 1, max: 5_000 }),
    }),
    { maxLength: 8 },
  )
  .map((drafts) =>
    drafts.map(({ kind, amountCents, distanceKm, ...draft }, index): ApprovedClaim => ({
      ...draft,
      id: `x${index}`,
      date: '2026-03-02',
      kind,
      amountCents: kind === 'MILEAGE' ? null : amountCents,
      distanceKm: kind === 'MILEAGE' ? distanceKm : null,
    })),
  );

const arbSettings = fc.record({
  defaultRateCents: fc.integer({ min: 0, max: 9_999 }),
  capMinutes: fc.option(fc.integer({ min: 0, max: 1_500 }), { nil: null }),
  overflowPolicy: fc.constantFrom('PRORATA' as const, 'FIRST_COME' as const),
  envelopes: fc
    .tuple(...CHANTIERS.map(() => fc.option(fc.integer({ min: 0, max: 80_000 }), { nil: null })))
    .map((amounts) =>
      amounts.flatMap((amountCents, index) =>
        amountCents === null ? [] : [{ chantierId: CHANTIERS[index]!, amountCents }],
      ),
    ),
  rates: fc.constant([]),
  mileageRateCents: fc.integer({ min: 0, max: 80 }),
});

const arbInput: fc.Arbitrary<ClaimsPricingInput> = fc.record({
  settings: arbSettings,
  contributions: arbContributions,
  claims: arbClaims,
});

/** What a claim is worth, computed here independently of the module. */
const worth = (claim: ApprovedClaim, mileageRateCents: number) =>
  claim.kind === 'MILEAGE' ? (claim.distanceKm ?? 0) * mileageRateCents : (claim.amountCents ?? 0);

describe('computePayoutsWithClaims invariants', () => {
  it('without claims, every figure is what computePayouts gives', () => {
    fc.assert(
      fc.property(arbInput, ({ settings, contributions }) => {
        const hours = computePayouts({ settings, contributions });
        const priced = computePayoutsWithClaims({ settings, contributions, claims: [] });
        expect(
          priced.lines.map(({ hoursAmountCents, expensesCents, fixedFeesCents, inKindValueCents, claims, ...line }) => {
            expect(hoursAmountCents).toBe(line.amountCents);
            expect([expensesCents, fixedFeesCents, inKindValueCents, claims.length]).toEqual([0, 0, 0, 0]);
            return line;
          }),
        ).toEqual(hours.lines);
        expect(priced.people).toEqual(hours.people);
        expect(
          priced.chantiers.map(({ chantierId, envelopeCents, demandCents, paidCents, bound }) => ({
            chantierId,
            envelopeCents,
            demandCents,
            paidCents,
            bound,
          })),
        ).toEqual(hours.chantiers);
        const { amountCents, unpaidValueCents, volunteerValueCents } = priced.totals;
        expect({ amountCents, unpaidValueCents, volunteerValueCents }).toEqual(hours.totals);
      }),
      RUNS,
    );
  });

  it('pays every expense, mileage and fixed fee in full to its person, and in-kind gifts nothing', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const result = computePayoutsWithClaims(input);
        const rate = input.settings.mileageRateCents ?? 0;
        for (const line of result.lines) {
          const mine = input.claims.filter((c) => c.personId === line.personId && c.chantierId === line.chantierId);
          const sum = (kinds: string[]) =>
            mine.filter((c) => kinds.includes(c.kind)).reduce((total, c) => total + worth(c, rate), 0);
          expect(line.expensesCents).toBe(sum(['EXPENSE', 'MILEAGE']));
          expect(line.fixedFeesCents).toBe(sum(['FIXED_FEE']));
          expect(line.inKindValueCents).toBe(sum(['IN_KIND']));
          expect(line.amountCents).toBe(line.hoursAmountCents + line.expensesCents + line.fixedFeesCents);
        }
        for (const claim of input.claims) {
          expect(result.lines.some((l) => l.personId === claim.personId && l.chantierId === claim.chantierId)).toBe(
            true,
          );
        }
      }),
      RUNS,
    );
  });

  it('never pays a chantier more than its envelope unless it is overdrawn, and then its hours get nothing', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const result = computePayoutsWithClaims(input);
        const rate = input.settings.mileageRateCents ?? 0;
        for (const chantier of result.chantiers) {
          const lines = result.lines.filter((line) => line.chantierId === chantier.chantierId);
          const fixed = input.claims
            .filter((c) => c.chantierId === chantier.chantierId && c.kind !== 'IN_KIND')
            .reduce((total, c) => total + worth(c, rate), 0);
          expect(chantier.fixedCents).toBe(fixed);
          expect(chantier.paidCents).toBe(lines.reduce((total, line) => total + line.amountCents, 0));
          if (chantier.envelopeCents === null) {
            expect(chantier.overdrawn).toBe(false);
            expect(chantier.paidCents).toBe(chantier.demandCents + fixed);
            continue;
          }
          expect(chantier.overdrawn).toBe(fixed > chantier.envelopeCents);
          if (chantier.overdrawn) {
            for (const line of lines) expect(line.hoursAmountCents).toBe(0);
            expect(chantier.paidCents).toBe(fixed);
          } else {
            expect(chantier.paidCents).toBe(Math.min(chantier.envelopeCents, chantier.demandCents + fixed));
          }
        }
      }),
      RUNS,
    );
  });

  it('adds up: lines to people to totals', () => {
    fc.assert(
      fc.property(arbInput, (input) => {
        const result = computePayoutsWithClaims(input);
        const sum = (values: number[]) => values.reduce((total, value) => total + value, 0);
        expect(sum(result.people.map((person) => person.amountCents))).toBe(result.totals.amountCents);
        expect(sum(result.lines.map((line) => line.amountCents))).toBe(result.totals.amountCents);
        expect(result.totals.amountCents).toBe(
          result.totals.hoursAmountCents + result.totals.expensesCents + result.totals.fixedFeesCents,
        );
      }),
      RUNS,
    );
  });

  it('does not depend on the order of the claims', () => {
    fc.assert(
      fc.property(
        arbInput.chain((input) =>
          fc
            .shuffledSubarray([...input.claims], { minLength: input.claims.length, maxLength: input.claims.length })
            .map((claims) => [input, { ...input, claims }] as const),
        ),
        ([input, reordered]) => {
          expect(computePayoutsWithClaims(reordered)).toEqual(computePayoutsWithClaims(input));
        },
      ),
      RUNS,
    );
  });
});
