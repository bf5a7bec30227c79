// Step 6 and the totals, over any set of lines: what a person is paid is the sum of their lines,
// and the totals are the sums of the lines' amounts and values.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { summariseLines } from './compute-payouts';

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
