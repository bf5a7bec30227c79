/** Tests of the largest-remainder share-out of a chantier's cents (step 5). */
import { describe, expect, it } from 'vitest';
import { shareOutByLargestRemainder } from './largest-remainder';
import { rational } from './rational';

const amounts = (shares: ReturnType<typeof shareOutByLargestRemainder>) =>
  Object.fromEntries([...shares].map(([personId, share]) => [personId, Number(share.amountCents)]));

describe('shareOutByLargestRemainder', () => {
  it('gives leftover cents to the largest fractional parts, ties to the lower id', () => {
    const shares = [
      { personId: 'chloe', exactCents: rational(1000000, 9) }, // 111111.11…
      { personId: 'bob', exactCents: rational(4000000, 9) }, // 444444.44…
      { personId: 'alice', exactCents: rational(4000000, 9) },
    ];
    expect(amounts(shareOutByLargestRemainder(shares, 1000000n))).toEqual({
      alice: 444445,
      bob: 444444,
      chloe: 111111,
    });
  });

  it('compares ids as strings, not numbers or locale', () => {
    const shares = ['p10', 'p9', 'P1'].map((personId) => ({ personId, exactCents: rational(1, 2) }));
    // 1.5 cents → 2 leftover cents over three ties: 'P1' < 'p10' < 'p9' in code-unit order.
    expect(amounts(shareOutByLargestRemainder(shares, 2n))).toEqual({ P1: 1, p10: 1, p9: 0 });
  });

  it('gives no leftover when the exact amounts are whole', () => {
    const result = shareOutByLargestRemainder([{ personId: 'a', exactCents: rational(300) }], 300n);
    expect(result.get('a')).toEqual({ floorCents: 300n, leftoverCent: false, amountCents: 300n });
  });

  it('refuses a total the floors cannot reach with one cent each', () => {
    const shares = [{ personId: 'a', exactCents: rational(5, 2) }];
    expect(() => shareOutByLargestRemainder(shares, 1n)).toThrow(RangeError);
    expect(() => shareOutByLargestRemainder(shares, 4n)).toThrow(RangeError);
  });
});
