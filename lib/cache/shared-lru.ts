// A small in-memory cache of computations, per process: at most `max` entries, the least
// recently used one dropped first, and one computation per key however many callers ask at once
// (they share its promise). A computation that fails is not kept, so the next caller tries again.
// Whoever uses it puts in the key everything the value depends on (the payout preview: the
// period and its change counter), so an entry is never stale, only unused.

export type SharedLru<V> = {
  /** The value under `key`, computed by `compute` when no caller has computed or is computing it. */
  get: (key: string, compute: () => Promise<V>) => Promise<V>;
  /** The keys held, least recently used first. */
  keys: () => string[];
  clear: () => void;
};

export function sharedLru<V>(options: { max: number }): SharedLru<V> {
  if (!Number.isInteger(options.max) || options.max < 1) throw new RangeError('max must be a positive integer');
  // A Map iterates in insertion order: re-inserting an entry on use keeps the least recent first.
  const entries = new Map<string, Promise<V>>();
  return {
    get(key, compute) {
      const held = entries.get(key);
      if (held) {
        entries.delete(key);
        entries.set(key, held);
        return held;
      }
      const computed = Promise.resolve().then(compute);
      entries.set(key, computed);
      computed.catch(() => {
        if (entries.get(key) === computed) entries.delete(key);
      });
      while (entries.size > options.max) entries.delete(entries.keys().next().value as string);
      return computed;
    },
    keys: () => [...entries.keys()],
    clear: () => entries.clear(),
  };
}
