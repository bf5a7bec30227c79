import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { apportion } from './apportion';

const shares = (total: number, weights: [string, number][]) =>
  Object.fromEntries(
    apportion(
      total,
      weights.map(([key, weight]) => ({ key, weight })),
    ),
  );

describe('apportion: cents shared by minutes, largest remainder', () => {
  it.each([
    [
      'in proportion when it divides exactly',
      1000,
      [
        ['a', 60],
        ['b', 180],
      ],
      { a: 250, b: 750 },
    ],
    [
      'leftover cent to the largest remainder',
      100,
      [
        ['a', 1],
        ['b', 2],
      ],
      { a: 33, b: 67 },
    ], // 33.33 / 66.67
    [
      'ties to the lower key',
      100,
      [
        ['b', 1],
        ['a', 1],
        ['c', 1],
      ],
      { a: 34, b: 33, c: 33 },
    ],
    [
      'two leftover cents',
      200,
      [
        ['a', 1],
        ['b', 1],
        ['c', 1],
      ],
      { a: 67, b: 67, c: 66 },
    ],
    [
      'nothing to a zero weight',
      101,
      [
        ['a', 0],
        ['b', 1],
        ['c', 1],
      ],
      { a: 0, b: 51, c: 50 },
    ],
    ['a single place takes all', 44445, [['x', 1200]], { x: 44445 }],
    ['zero is zero everywhere, even over no weight', 0, [['a', 0]], { a: 0 }],
    [
      'a negative total, as its magnitude negated',
      -1,
      [
        ['a', 30],
        ['b', 90],
      ],
      { a: 0, b: -1 },
    ],
    [
      'the no-place key "" ties first',
      1,
      [
        ['p', 1],
        ['', 1],
      ],
      { '': 1, p: 0 },
    ],
  ] as [string, number, [string, number][], Record<string, number>][])('%s', (_name, total, weights, expected) => {
    expect(shares(total, weights)).toEqual(expected);
  });

  it('refuses money over no minutes, bad weights and repeated keys', () => {
    expect(() => apportion(5, [{ key: 'a', weight: 0 }])).toThrow(RangeError);
    expect(() => apportion(5, [])).toThrow(RangeError);
    expect(() => apportion(5, [{ key: 'a', weight: -1 }])).toThrow(RangeError);
    expect(() => apportion(5, [{ key: 'a', weight: 1.5 }])).toThrow(RangeError);
    expect(() => apportion(1.5, [{ key: 'a', weight: 1 }])).toThrow(RangeError);
    expect(() =>
      apportion(5, [
        { key: 'a', weight: 1 },
        { key: 'a', weight: 2 },
      ]),
    ).toThrow(RangeError);
  });

  const arbCase = fc
    .record({
      total: fc.integer({ min: -100_000, max: 10_000_000 }),
      weights: fc.uniqueArray(
        fc.record({ key: fc.string({ maxLength: 4 }), weight: fc.integer({ min: 0, max: 100_000 }) }),
        { minLength: 1, maxLength: 8, selector: (entry) => entry.key },
      ),
    })
    .filter(({ total, weights }) => total === 0 || weights.some((entry) => entry.weight > 0));

  it('always adds up to the total, each share within a cent of its exact value', () => {
    fc.assert(
      fc.property(arbCase, ({ total, weights }) => {
        const result = apportion(total, weights);
        expect([...result.values()].reduce((sum, cents) => sum + cents, 0)).toBe(total);
        const sumOfWeights = weights.reduce((sum, entry) => sum + entry.weight, 0);
        for (const entry of weights) {
          const share = result.get(entry.key)!;
          if (total === 0) expect(share).toBe(0);
          else {
            // |share × W − total × w| < W, in exact integers.
            const gap = BigInt(share) * BigInt(sumOfWeights) - BigInt(total) * BigInt(entry.weight);
            expect(gap < 0n ? -gap : gap).toBeLessThan(BigInt(sumOfWeights));
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('does not depend on the order of the weights', () => {
    fc.assert(
      fc.property(arbCase, ({ total, weights }) => {
        expect(Object.fromEntries(apportion(total, [...weights].reverse()))).toEqual(
          Object.fromEntries(apportion(total, weights)),
        );
      }),
      { numRuns: 200 },
    );
  });
});
