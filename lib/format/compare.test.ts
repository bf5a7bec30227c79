import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { byName, byString } from './compare';

describe('byString', () => {
  it.each([
    ['a', 'b', -1],
    ['b', 'a', 1],
    ['a', 'a', 0],
    ['B', 'a', -1],
    ['2026-01-09', '2026-01-10', -1],
    ['é', 'f', 1],
  ])('%j vs %j → %i', (a, b, expected) => {
    expect(byString(a, b)).toBe(expected);
  });

  it('is a total order that agrees with equality', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        // Antisymmetric (a sum, so that 0 and -0 count alike).
        expect(Math.sign(byString(a, b)) + Math.sign(byString(b, a))).toBe(0);
        expect(byString(a, b) === 0).toBe(a === b);
      }),
    );
  });
});

describe('byName', () => {
  it('orders names as a French reader does', () => {
    expect(['Zoé', 'émile', 'Chantier 10', 'Éric', 'Chantier 2', 'adèle'].sort(byName)).toEqual([
      'adèle',
      'Chantier 2',
      'Chantier 10',
      'émile',
      'Éric',
      'Zoé',
    ]);
  });
});
