import { describe, expect, it } from 'vitest';
import { MAX_WORKERS, workerCount } from './workers';

describe('workerCount (WEB_CONCURRENCY)', () => {
  it.each([
    [undefined, 2, { count: 2 }],
    ['', 8, { count: 8 }],
    ['  ', 1, { count: 1 }],
    [undefined, 0, { count: 1 }],
    [undefined, 500, { count: MAX_WORKERS }],
    ['1', 8, { count: 1 }],
    [' 3 ', 2, { count: 3 }],
    ['1000', 2, { count: MAX_WORKERS }],
  ])('WEB_CONCURRENCY=%j on %i cores: %j', (setting, cores, expected) => {
    expect(workerCount(setting, cores)).toEqual(expected);
  });

  it.each(['0', '-1', '1.5', 'two', '2x'])('refuses %j with a reason', (setting) => {
    const result = workerCount(setting, 2);
    expect(result).toHaveProperty('error');
    expect((result as { error: string }).error).toMatch(/WEB_CONCURRENCY/);
  });
});
