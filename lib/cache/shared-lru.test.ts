import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sharedLru } from './shared-lru';

function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe('sharedLru', () => {
  it('runs one computation for callers that ask for the same key at once', async () => {
    const cache = sharedLru<number>({ max: 4 });
    const pending = deferred<number>();
    let runs = 0;
    const compute = () => {
      runs += 1;
      return pending.promise;
    };
    const answers = Promise.all([cache.get('a', compute), cache.get('a', compute), cache.get('a', compute)]);
    pending.resolve(42);
    expect(await answers).toEqual([42, 42, 42]);
    expect(await cache.get('a', compute)).toBe(42);
    expect(runs).toBe(1);
  });

  it('computes each key apart', async () => {
    const cache = sharedLru<string>({ max: 4 });
    expect(await cache.get('p1:1', async () => 'one')).toBe('one');
    expect(await cache.get('p1:2', async () => 'two')).toBe('two');
    expect(await cache.get('p1:1', async () => 'other')).toBe('one');
  });

  it('keeps no failure: the callers waiting get it, the next caller computes again', async () => {
    const cache = sharedLru<number>({ max: 2 });
    const pending = deferred<number>();
    const first = cache.get('a', () => pending.promise);
    const second = cache.get('a', async () => 0);
    pending.reject(new Error('database away'));
    await expect(first).rejects.toThrow('database away');
    await expect(second).rejects.toThrow('database away');
    expect(cache.keys()).toEqual([]);
    expect(await cache.get('a', async () => 7)).toBe(7);
  });

  it('turns a computation that throws before its first await into a rejection', async () => {
    const cache = sharedLru<number>({ max: 2 });
    await expect(
      cache.get('a', () => {
        throw new Error('at once');
      }),
    ).rejects.toThrow('at once');
    expect(cache.keys()).toEqual([]);
  });

  it.each([0, -1, 1.5])('refuses a bound of %s', (max) => {
    expect(() => sharedLru({ max })).toThrow(RangeError);
  });

  it('holds at most `max` keys and drops the least recently used first', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'), { maxLength: 40 }),
        async (max, uses) => {
          const cache = sharedLru<string>({ max });
          const model: string[] = [];
          for (const key of uses) {
            expect(await cache.get(key, async () => key)).toBe(key);
            const at = model.indexOf(key);
            if (at !== -1) model.splice(at, 1);
            model.push(key);
            if (model.length > max) model.shift();
            expect(cache.keys()).toEqual(model);
          }
        },
      ),
    );
  });
});
