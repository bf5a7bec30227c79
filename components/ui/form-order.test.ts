import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inFormOrder } from './form-order';

type Case = { case: string; fields: Record<string, string>; names: string[]; expected: string[] };

describe('inFormOrder', () => {
  it.each<Case>([
    {
      case: "the server's order becomes the form's",
      fields: { chantierId: 'Choisissez un chantier.', description: 'Décrivez.', duration: 'Indiquez une durée.' },
      names: ['date', 'duration', 'chantierId', 'placeId', 'description', 'link'],
      expected: ['duration', 'chantierId', 'description'],
    },
    {
      case: 'fields the form does not show come last, in the server order',
      fields: { version: 'Périmé.', iban: 'IBAN invalide.', id: 'Inconnu.', name: 'Nom requis.' },
      names: ['name', 'iban'],
      expected: ['name', 'iban', 'version', 'id'],
    },
    {
      case: 'a name repeated in the form (radio buttons) ranks by its first control',
      fields: { b: 'B', kind: 'K' },
      names: ['kind', 'b', 'kind'],
      expected: ['kind', 'b'],
    },
    { case: 'no errors', fields: {}, names: ['a'], expected: [] },
  ])('$case', ({ fields, names, expected }) => {
    const ordered = inFormOrder(fields, names);
    expect(Object.keys(ordered)).toEqual(expected);
    for (const [name, message] of Object.entries(ordered)) expect(message).toBe(fields[name]);
  });

  it('keeps every error and its message, and orders the shown fields as the form does', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.stringMatching(/^[a-z]{1,6}$/), { maxLength: 12 }),
        fc.dictionary(fc.stringMatching(/^[a-z]{1,6}$/), fc.string()),
        (names, fields) => {
          const ordered = inFormOrder(fields, names);
          expect(ordered).toEqual(fields);
          const shown = Object.keys(ordered).filter((name) => names.includes(name));
          expect(shown).toEqual(names.filter((name) => name in fields));
          const unshown = Object.keys(ordered).filter((name) => !names.includes(name));
          expect(unshown).toEqual(Object.keys(fields).filter((name) => !names.includes(name)));
        },
      ),
    );
  });
});
