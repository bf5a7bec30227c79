import { describe, expect, it } from 'vitest';
import { median } from './stats';

describe('median', () => {
  it.each([
    [[7], 7],
    [[3, 1, 2], 2],
    [[99, 100, 98], 99],
    // An even count keeps the upper of the two middles, a value that was measured.
    [[4, 1, 3, 2], 3],
  ])('%j → %d', (values, expected) => {
    expect(median(values)).toBe(expected);
  });

  it('leaves its input in order', () => {
    const values = [3, 1, 2];
    median(values);
    expect(values).toEqual([3, 1, 2]);
  });
});
