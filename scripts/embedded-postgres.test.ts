import { describe, expect, it } from 'vitest';
import { restartDelay } from './embedded-postgres';

describe('restartDelay', () => {
  it.each([
    [1, 500],
    [2, 1_000],
    [3, 2_000],
    [7, 30_000],
    [100, 30_000],
  ])('attempt %i waits %i ms', (attempt, ms) => {
    expect(restartDelay(attempt)).toBe(ms);
  });
});
