import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isSepaText, toSepaText } from './sepa-text';

describe('toSepaText', () => {
  it.each([
    ['Élise Moreau', 'Elise Moreau'],
    ['Chloé Dubois', 'Chloe Dubois'],
    ['François Garçon', 'Francois Garcon'],
    ['Cœur de l’Œuvre', "Coeur de l'OEuvre"],
    ['Ægir Ørsted', 'AEgir Orsted'],
    ['Straße', 'Strasse'],
    ['Łódź', 'Lodz'],
    ['« Monscobar »', "' Monscobar '"],
    ['“quoted” and "plain"', "'quoted' and 'plain'"],
    ['Rouge & Noir', 'Rouge + Noir'],
    ['Période 06/2026 – 11/2026', 'Periode 06/2026 - 11/2026'],
    ['1 234,56 €', '1 234,56 EUR'],
    ['1\u202f234,56\u00a0€', '1 234,56 EUR'],
    ['contact@tiers-lieu.fr', 'contact(at)tiers-lieu.fr'],
    ['n° 12 ; 50 %', 'no 12 , 50 pct'],
    ['Ligne 1\nLigne 2\tfin', 'Ligne 1 Ligne 2 fin'],
    ['  trop   d’espaces  ', "trop d'espaces"],
    ['Ĳsselmeer ﬁnal…', 'IJsselmeer final...'],
    ['Σωκράτης', ''],
    ['Coopérative * SCIC', 'Cooperative SCIC'],
    ['a_b~c=d', 'a-b-c-d'],
    ['[x] {y} <z>', '(x) (y) (z)'],
    ["already/fine-?:().,'+ text", "already/fine-?:().,'+ text"],
  ])('%j → %j', (input, expected) => {
    expect(toSepaText(input)).toBe(expected);
  });

  it('cuts to the length, on a whole word when one ends in the second half', () => {
    expect(toSepaText('Association des habitants du quartier de l’Épeule', 20)).toBe('Association des');
    expect(toSepaText('abcdefghijklmnopqrstuvwxyz', 10)).toBe('abcdefghij');
    expect(toSepaText('Alice Martin', 12)).toBe('Alice Martin');
    expect(toSepaText('Alice Martin Dupont', 12)).toBe('Alice Martin');
    // An expansion (œ → oe) counts after transliteration.
    expect(toSepaText('œœœœœ', 6)).toBe('oeoeoe');
  });

  it('refuses a length that is not a positive integer', () => {
    expect(() => toSepaText('x', 0)).toThrow(RangeError);
    expect(() => toSepaText('x', 1.5)).toThrow(RangeError);
  });

  it('always answers in the SEPA set, within the length, without outer or double spaces', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 300 }),
        fc.integer({ min: 1, max: 140 }),
        (text, maxLength) => {
          const result = toSepaText(text, maxLength);
          expect(isSepaText(result)).toBe(true);
          expect(result.length).toBeLessThanOrEqual(maxLength);
          expect(result).toBe(result.trim());
          expect(result).not.toContain('  ');
        },
      ),
    );
  });

  it('leaves SEPA text as it is (idempotent)', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (text) => {
        const once = toSepaText(text);
        expect(toSepaText(once)).toBe(once);
      }),
    );
  });
});
