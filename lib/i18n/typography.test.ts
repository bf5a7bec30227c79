import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messagesFor } from '@/lib/i18n/locale';
import { frenchTypography, frenchTypographyTree } from '@/lib/i18n/typography';

const NBSP = '\u00a0';
const NNBSP = '\u202f';

describe('frenchTypography', () => {
  it.each([
    ['Motif du refus : {comment}', `Motif du refus${NBSP}: {comment}`],
    ['Mot de passe oublié ?', `Mot de passe oublié${NNBSP}?`],
    ['oui / non (ou x, 1 ; vide = non) !', `oui / non (ou x, 1${NNBSP}; vide = non)${NNBSP}!`],
    ['arrivent « soumises » :', `arrivent «${NBSP}soumises${NBSP}»${NBSP}:`],
    ['une journée compte 24 h au plus', `une journée compte 24${NBSP}h au plus`],
    ['{percent} % de l’enveloppe', `{percent}${NBSP}% de l’enveloppe`],
    ['10 Mo au plus, 45 min, 12 km, 30 €', `10${NBSP}Mo au plus, 45${NBSP}min, 12${NBSP}km, 30${NBSP}€`],
    ['1 000 000 €', `1${NNBSP}000${NNBSP}000${NBSP}€`],
    ['5 Mo et 10 000 lignes', `5${NBSP}Mo et 10${NNBSP}000 lignes`],
    ['Cerfa n° 15059', `Cerfa n°${NBSP}15059`],
    // Untouched: an IBAN's groups, a word after a number, a colon with no space before it.
    ['FR76 3000 6000 0112 3456 7890 189', 'FR76 3000 6000 0112 3456 7890 189'],
    ['3 heures, 2 hommes, Authorization: Bearer', '3 heures, 2 hommes, Authorization: Bearer'],
    ['{count, plural, one {# ligne} other {# lignes}}', '{count, plural, one {# ligne} other {# lignes}}'],
  ])('%s', (input, expected) => {
    expect(frenchTypography(input)).toBe(expected);
  });

  it('changes only spaces, and applying it twice changes nothing more', () => {
    const alphabet = fc.constantFrom(
      ' ',
      ':',
      ';',
      '?',
      '!',
      '«',
      '»',
      '1',
      '0',
      'h',
      'k',
      'm',
      'M',
      'o',
      '%',
      '€',
      'a',
      '{',
      '}',
      'n',
      '°',
    );
    fc.assert(
      fc.property(
        fc.array(alphabet, { maxLength: 40 }).map((chars) => chars.join('')),
        (text) => {
          const once = frenchTypography(text);
          expect(once.replace(/[\u00a0\u202f]/g, ' ')).toBe(text);
          expect(frenchTypography(once)).toBe(once);
        },
      ),
    );
  });

  it('keeps the shape of the French messages and leaves no plain space before a colon', () => {
    const fr = frenchTypographyTree(messagesFor('fr') as never) as Record<string, unknown>;
    expect(Object.keys(fr).sort()).toEqual(Object.keys(messagesFor('fr')).sort());
    const strings = JSON.stringify(fr);
    expect(strings).not.toMatch(/ [:;?!»]/);
  });
});
