// The line chart's layout: values scaled to a nice maximum, x spread over the width, a missing
// value breaks the line.
import { describe, expect, it } from 'vitest';
import { layoutLines } from './lines';

describe('layoutLines', () => {
  it('scales to a nice maximum, spreads the columns and breaks a line where a value is missing', () => {
    const { paths, max } = layoutLines({
      columns: [
        { label: '1', values: { a: 0, b: 40 } },
        { label: '2', values: { a: 50, b: null } },
        { label: '3', values: { a: 100, b: 80 } },
      ],
      series: ['a', 'b'],
      width: 200,
      height: 100,
    });
    expect(max).toBe(100);
    expect(paths).toEqual([
      {
        series: 'a',
        points: [
          [
            { x: 0, y: 100 },
            { x: 100, y: 50 },
            { x: 200, y: 0 },
          ],
        ],
      },
      { series: 'b', points: [[{ x: 0, y: 60 }], [{ x: 200, y: 20 }]] },
    ]);
  });

  it('draws a single column in the middle and an empty chart on a scale of 1', () => {
    const { paths, max } = layoutLines({
      columns: [{ label: '1', values: { a: 0 } }],
      series: ['a'],
      width: 100,
      height: 10,
    });
    expect(max).toBe(1);
    expect(paths[0]!.points).toEqual([[{ x: 50, y: 10 }]]);
  });
});
