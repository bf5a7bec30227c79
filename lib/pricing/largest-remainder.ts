/**
 * Step 5 of the pricing rules: share a chantier's total cents among its people by the
 * largest-remainder method, so the cents always add up to the total and the same exact amounts
 * always give the same cents.
 */
import { compare, floor, fractionalPart, type Rational } from './rational';

export interface ExactShare {
  personId: string;
  exactCents: Rational;
}

export interface RoundedShare {
  floorCents: bigint;
  /** True when this share received one of the leftover cents. */
  leftoverCent: boolean;
  amountCents: bigint;
}

/**
 * Everyone gets the floor of their exact amount; the `totalCents − Σ floors` leftover cents go
 * one each to the largest fractional parts, ties to the lower personId (string comparison).
 * `totalCents` must be within [Σ floors, Σ floors + shares.length], which holds whenever it is
 * the exact total rounded half up (the leftover is then at most the number of non-zero fractions).
 */
export function shareOutByLargestRemainder(
  shares: readonly ExactShare[],
  totalCents: bigint,
): Map<string, RoundedShare> {
  const ranked = shares.map((share) => ({
    personId: share.personId,
    floorCents: floor(share.exactCents),
    remainder: fractionalPart(share.exactCents),
  }));
  const floorSum = ranked.reduce((sum, share) => sum + share.floorCents, 0n);
  const leftover = totalCents - floorSum;
  if (leftover < 0n || leftover > BigInt(ranked.length)) {
    throw new RangeError(`Cannot share ${totalCents} cents over floors summing to ${floorSum}`);
  }

  ranked.sort((a, b) => {
    const byRemainder = compare(b.remainder, a.remainder);
    if (byRemainder !== 0) return byRemainder;
    return a.personId < b.personId ? -1 : a.personId > b.personId ? 1 : 0;
  });

  const result = new Map<string, RoundedShare>();
  ranked.forEach((share, rank) => {
    const leftoverCent = BigInt(rank) < leftover;
    result.set(share.personId, {
      floorCents: share.floorCents,
      leftoverCent,
      amountCents: share.floorCents + (leftoverCent ? 1n : 0n),
    });
  });
  return result;
}
