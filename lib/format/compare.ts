// The two orders the app sorts by. Pure, so the pricing module may use them too.

/**
 * Code-unit order, for ids, keys and ISO dates: the same on every machine and in every locale,
 * so that what is computed from a sorted list never depends on where it runs.
 */
export function byString(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const FRENCH = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Names as a French reader orders them: accents and case aside, "Chantier 2" before "Chantier 10". */
export function byName(a: string, b: string): number {
  return FRENCH.compare(a, b);
}
