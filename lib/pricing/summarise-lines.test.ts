// Step 6 and the totals, over any set of lines: what a person is paid is the sum of their lines,
// and the totals are the sums of the lines' amounts and values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseLines } from './compute-payouts';
import { pricedChantier, summarisePricedLines } from './compute-payouts-with-claims';

const line = (personId: string, amountCents: number, unpaidValueCents = 0, volunteerValueCents = 0) => ({
  personId,
  amountCents,
  unpaidValueCents,
  volunteerValueCents,
});

describe('summariseLines', () => {
  it.each([
    ['no line', [], [], { amountCents: 0, unpaidValueCents: 0, volunteerValueCents: 0 }],
    [
      'one person on two chantiers',
      [line('a', 600_00, 155_55), line('a', 100_00, 0, 40_00)],
      [{ personId: 'a', amountCents: 700_00 }],
      { amountCents: 700_00, unpaidValueCents: 155_55, volunteerValueCents: 40_00 },
    ],
    [
      'two people',
      [line('a', 1), line('b', 2, 3, 4), line('b', 5)],
      [
        { personId: 'a', amountCents: 1 },
        { personId: 'b', amountCents: 7 },
      ],
      { amountCents: 8, unpaidValueCents: 3, volunteerValueCents: 4 },
    ],
  ])('%s', (_label, lines, people, totals) => {
    expect(summariseLines(lines)).toEqual({ people, totals });
  });

  it('pays out exactly the total, one entry per person', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            personId: fc.constantFrom('a', 'b', 'c'),
            amountCents: fc.nat(1_000_000),
            unpaidValueCents: fc.nat(1_000_000),
            volunteerValueCents: fc.nat(1_000_000),
          }),
        ),
        (lines) => {
          const { people, totals } = summariseLines(lines);
          expect(people.reduce((sum, person) => sum + person.amountCents, 0)).toBe(totals.amountCents);
          expect(new Set(people.map((person) => person.personId)).size).toBe(people.length);
          expect(people.map((person) => person.personId).sort()).toEqual(
            [...new Set(lines.map((entry) => entry.personId))].sort(),
          );
        },
      ),
    );
  });
});

const pricedLine = fc.record({
  personId: fc.constantFrom('a', 'b', 'c'),
  amountCents: fc.nat(1_000_000),
  unpaidValueCents: fc.nat(1_000_000),
  volunteerValueCents: fc.nat(1_000_000),
  hoursAmountCents: fc.nat(1_000_000),
  expensesCents: fc.nat(1_000_000),
  fixedFeesCents: fc.nat(1_000_000),
  inKindValueCents: fc.nat(1_000_000),
});

describe('summarisePricedLines', () => {
  it('adds the claim parts to the hours totals, each the sum of its field over the lines', () => {
    fc.assert(
      fc.property(fc.array(pricedLine), (lines) => {
        const { people, totals } = summarisePricedLines(lines);
        expect(people).toEqual(summariseLines(lines).people);
        for (const field of Object.keys(totals) as (keyof typeof totals)[])
          expect(totals[field], field).toBe(lines.reduce((sum, line) => sum + line[field], 0));
      }),
    );
  });
});

describe('pricedChantier', () => {
  const line = (amountCents: number, expensesCents: number, fixedFeesCents: number, inKindValueCents = 0) => ({
    amountCents,
    expensesCents,
    fixedFeesCents,
    inKindValueCents,
  });

  it.each([
    [
      'an envelope that covers the fixed amounts',
      { envelopeCents: 1000_00, fixedCents: 300_00, demandCents: 900_00, bound: true },
      { paidCents: 1000_00, hoursEnvelopeCents: 700_00, overdrawn: false, totalDemandCents: 1200_00 },
    ],
    [
      'fixed amounts over the envelope: overdrawn, nothing left for the hours',
      { envelopeCents: 200_00, fixedCents: 300_00, demandCents: 900_00, bound: true },
      { paidCents: 1000_00, hoursEnvelopeCents: 0, overdrawn: true, totalDemandCents: 1200_00 },
    ],
    [
      'no envelope',
      { envelopeCents: null, fixedCents: 300_00, demandCents: 0, bound: false },
      { paidCents: 1000_00, hoursEnvelopeCents: null, overdrawn: false, totalDemandCents: 300_00 },
    ],
  ])('%s', (_label, figures, expected) => {
    const lines = [line(600_00, 100_00, 0, 50_00), line(400_00, 0, 200_00)];
    expect(pricedChantier('c', lines, figures)).toEqual({
      chantierId: 'c',
      ...figures,
      expensesCents: 100_00,
      fixedFeesCents: 200_00,
      inKindValueCents: 50_00,
      ...expected,
    });
  });
});
