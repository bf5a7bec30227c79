// The benchmark's seeded random generator: the same seed gives the same data set, byte for byte,
// on every machine, so two runs of the benchmark measure the same thing. Pure: no I/O, no clock.
import { createRandom, type Random } from '@/lib/random/seeded';

export { createRandom, type Random };

/** FNV-1a over the seed and the labels: independent sub-streams ("period 3", "people"…) of one seed. */
export function deriveSeed(seed: number, ...labels: (string | number)[]): number {
  let hash = 0x811c9dc5 ^ (seed >>> 0);
  for (const label of labels) {
    for (const char of `/${label}`) {
      hash ^= char.charCodeAt(0);
      hash = Math.imul(hash, 0x01000193) >>> 0;
    }
  }
  return hash >>> 0;
}

/** Picks an index with probability proportional to its weight, in O(log n) per draw. */
export function weightedPicker(weights: readonly number[]): (random: Random) => number {
  const cumulative: number[] = [];
  let sum = 0;
  for (const weight of weights) {
    if (!(weight >= 0)) throw new Error(`weights must be non-negative, got ${weight}`);
    sum += weight;
    cumulative.push(sum);
  }
  if (sum <= 0) throw new Error('at least one weight must be positive');
  return (random) => {
    const target = random.next() * sum;
    let low = 0;
    let high = cumulative.length - 1;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (cumulative[middle] > target) high = middle;
      else low = middle + 1;
    }
    return low;
  };
}

const BASE36 = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * An id shaped like Prisma's `cuid()` (v1: "c", 8 chars of time, 4 of counter, 4 of fingerprint,
 * 8 random), so ids sort roughly by creation time as real ones do — which matters for the
 * (date, id) keyset order and for index locality.
 */
export function cuidLike(random: Random, timeMs: number, counter: number): string {
  let tail = '';
  for (let i = 0; i < 8; i++) tail += BASE36[Math.floor(random.next() * 36)];
  return `c${timeMs.toString(36).padStart(8, '0').slice(-8)}${(counter % 1_679_616).toString(36).padStart(4, '0')}bnch${tail}`;
}
