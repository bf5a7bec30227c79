// A person's pace against their plan: the minutes expected by today, and ahead / on pace / behind
// within 10 %.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { paceOf } from './pace';

describe('paceOf', () => {
  it.each([
    // planned, declared, elapsed, total → expected, pace
    [600, 200, 10, 30, 200, 'ON_TRACK'],
    [600, 180, 10, 30, 200, 'ON_TRACK'], // 90 % is still on pace
    [600, 179, 10, 30, 200, 'BEHIND'],
    [600, 220, 10, 30, 200, 'ON_TRACK'],
    [600, 221, 10, 30, 200, 'AHEAD'],
    [100, 0, 1, 3, 33, 'BEHIND'], // 33.3 → 33
    [100, 0, 0, 30, 0, 'ON_TRACK'], // nothing expected before the first day
    [600, 600, 30, 30, 600, 'ON_TRACK'],
    [0, 60, 5, 30, 0, 'AHEAD'],
  ])(
    '%i planned, %i declared on day %i of %i → %i expected, %s',
    (planned, declared, elapsed, total, expected, pace) => {
      expect(
        paceOf({ plannedMinutes: planned, declaredMinutes: declared, elapsedDays: elapsed, totalDays: total }),
      ).toEqual({
        expectedMinutes: expected,
        pace,
      });
    },
  );

  it('expects the whole plan on the last day, and more declared never makes one slower', () => {
    fc.assert(
      fc.property(fc.nat(100_000), fc.nat(100_000), fc.integer({ min: 1, max: 366 }), (planned, declared, total) => {
        expect(
          paceOf({ plannedMinutes: planned, declaredMinutes: declared, elapsedDays: total, totalDays: total })
            .expectedMinutes,
        ).toBe(planned);
        const rank = { BEHIND: 0, ON_TRACK: 1, AHEAD: 2 };
        const at = (minutes: number) =>
          rank[paceOf({ plannedMinutes: planned, declaredMinutes: minutes, elapsedDays: 1, totalDays: total }).pace];
        expect(at(declared + 1)).toBeGreaterThanOrEqual(at(declared));
      }),
    );
  });
});
