// The planned money of a plan line: half up to the cent, the fixed amount added as it is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { plannedLineCents } from './planned';

describe('plannedLineCents', () => {
  it.each([
    // minutes, rate, fixed, expected
    [0, 3_000, 0, 0],
    [0, 3_000, 1_234, 1_234],
    [60, 3_000, 0, 3_000],
    [90, 2_500, 0, 3_750],
    [1, 30, 0, 1], // 0.5 cent → 1
    [1, 29, 0, 0], // 0.48 cent → 0
    [1, 90, 0, 2], // 1.5 cents → 2
    [7 * 60 + 20, 1_999, 500, 15_159], // 14 659.33… → 14 659, + 5 €
  ])('%i min at %i c/h plus %i c → %i c', (minutes, rate, fixed, expected) => {
    expect(plannedLineCents(minutes, rate, fixed)).toBe(expected);
  });

  it('is within half a cent of the exact value, and never decreases with the minutes', () => {
    fc.assert(
      fc.property(fc.nat(6_000_000), fc.nat(100_000), (minutes, rate) => {
        const cents = plannedLineCents(minutes, rate, 0);
        const exact120 = 2n * BigInt(minutes) * BigInt(rate); // 120 × exact cents
        expect(BigInt(cents) * 120n - exact120 <= 60n).toBe(true);
        expect(exact120 - BigInt(cents) * 120n < 60n).toBe(true);
        expect(plannedLineCents(minutes + 1, rate, 0)).toBeGreaterThanOrEqual(cents);
      }),
    );
  });
});
