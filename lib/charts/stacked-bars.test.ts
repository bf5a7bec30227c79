import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { layoutStackedBars, niceMax } from './stacked-bars';

describe('niceMax', () => {
  it.each([
    [0, 1],
    [1, 1],
    [3, 5],
    [7, 10],
    [12, 20],
    [180, 200],
    [501, 1000],
    [1000, 1000],
  ])('%d → %d', (max, expected) => expect(niceMax(max)).toBe(expected));

  it('is never below the maximum, and at most 2.5 times it', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.001, max: 1e9, noNaN: true }),
        (max) => niceMax(max) >= max && niceMax(max) <= max * 2.5 + 1e-9,
      ),
    );
  });
});

describe('layoutStackedBars', () => {
  it('stacks the series from the bottom in the given order', () => {
    const { bars, max } = layoutStackedBars({
      columns: [{ label: 'P1', values: { a: 30, b: 10 } }],
      series: ['a', 'b'],
      width: 100,
      height: 200,
    });
    expect(max).toBe(50);
    expect(bars[0].total).toBe(40);
    expect(bars[0].segments).toEqual([
      { series: 'a', value: 30, y: 80, height: 120 },
      { series: 'b', value: 10, y: 40, height: 40 },
    ]);
  });

  it('skips empty segments and keeps bars inside the drawing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ a: fc.nat(1000), b: fc.nat(1000) }), { minLength: 1, maxLength: 24 }),
        (rows) => {
          const { bars } = layoutStackedBars({
            columns: rows.map((values, index) => ({ label: String(index), values })),
            series: ['a', 'b'],
            width: 600,
            height: 200,
          });
          for (const bar of bars) {
            expect(bar.x).toBeGreaterThanOrEqual(0);
            expect(bar.x + bar.width).toBeLessThanOrEqual(600 + 1e-9);
            for (const segment of bar.segments) {
              expect(segment.value).toBeGreaterThan(0);
              expect(segment.y).toBeGreaterThanOrEqual(-1e-9);
            }
            const stacked = bar.segments.reduce((sum, segment) => sum + segment.height, 0);
            expect(stacked).toBeLessThanOrEqual(200 + 1e-9);
          }
        },
      ),
    );
  });
});
