// Shares a whole number of cents among keys in proportion to integer weights (minutes), so that
// the shares add up exactly: the largest-remainder method, as the pricing rules share a
// chantier's total among its people. Exact, in BigInt: no float touches the cents.

import { byString } from '@/lib/format/compare';

export type Weight = { key: string; weight: number };

/**
 * Each key gets floor(total × weight / Σ weights); the cents left over go one each to the largest
 * remainders, ties to the lower key (string comparison), so the same inputs give the same cents.
 * A negative total is shared as its magnitude, negated. Keys with weight 0 get 0.
 */
export function apportion(totalCents: number, weights: readonly Weight[]): Map<string, number> {
  if (!Number.isSafeInteger(totalCents)) throw new RangeError(`Cents must be an integer, got ${totalCents}`);
  const shares = new Map(weights.map((entry) => [entry.key, 0]));
  if (shares.size !== weights.length) throw new RangeError('apportion: a key appears twice');
  for (const entry of weights) {
    if (!Number.isSafeInteger(entry.weight) || entry.weight < 0)
      throw new RangeError(`apportion: weight of ${entry.key} must be a non-negative integer, got ${entry.weight}`);
  }
  if (totalCents === 0) return shares;
  const sumOfWeights = BigInt(weights.reduce((sum, entry) => sum + entry.weight, 0));
  if (sumOfWeights === 0n) throw new RangeError(`apportion: cannot share ${totalCents} cents over no weight`);
  const sign = totalCents < 0 ? -1n : 1n;
  const magnitude = BigInt(Math.abs(totalCents));
  const ranked = weights.map((entry) => {
    const exact = magnitude * BigInt(entry.weight); // the share is exact / sumOfWeights
    return { key: entry.key, floor: exact / sumOfWeights, remainder: exact % sumOfWeights };
  });
  const leftover = magnitude - ranked.reduce((sum, share) => sum + share.floor, 0n);
  ranked.sort((a, b) => (a.remainder === b.remainder ? byString(a.key, b.key) : a.remainder > b.remainder ? -1 : 1));
  ranked.forEach((share, rank) => {
    const cents = share.floor + (BigInt(rank) < leftover ? 1n : 0n);
    shares.set(share.key, Number(sign * cents));
  });
  return shares;
}
