import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasClaimParts, payoutParts } from '@/lib/claim-form/payout-parts';

describe('payoutParts', () => {
  it('sums each part over the lines', () => {
    const parts = payoutParts([
      {
        amountCents: 12_000,
        hoursAmountCents: 9_000,
        expensesCents: 2_340,
        fixedFeesCents: 660,
        inKindValueCents: 5_000,
      },
      { amountCents: 3_000, hoursAmountCents: 3_000, expensesCents: 0, fixedFeesCents: 0, inKindValueCents: 0 },
    ]);
    expect(parts).toEqual({ hoursCents: 12_000, expensesCents: 2_340, feesCents: 660, inKindCents: 5_000 });
    expect(hasClaimParts(parts)).toBe(true);
  });

  it('a line without parts is all hours', () => {
    const parts = payoutParts([{ amountCents: 4_500 }]);
    expect(parts).toEqual({ hoursCents: 4_500, expensesCents: 0, feesCents: 0, inKindCents: 0 });
    expect(hasClaimParts(parts)).toBe(false);
  });

  it('the paid parts add up to the amount paid (in-kind is never paid)', () => {
    const line = fc
      .record({
        hours: fc.nat(1_000_000),
        expenses: fc.nat(1_000_000),
        fees: fc.nat(1_000_000),
        inKind: fc.nat(1_000_000),
      })
      .map(({ hours, expenses, fees, inKind }) => ({
        amountCents: hours + expenses + fees,
        hoursAmountCents: hours,
        expensesCents: expenses,
        fixedFeesCents: fees,
        inKindValueCents: inKind,
      }));
    fc.assert(
      fc.property(fc.array(line, { maxLength: 8 }), (lines) => {
        const parts = payoutParts(lines);
        const paid = lines.reduce((sum, each) => sum + each.amountCents, 0);
        expect(parts.hoursCents + parts.expensesCents + parts.feesCents).toBe(paid);
      }),
    );
  });
});
