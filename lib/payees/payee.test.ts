import { describe, expect, it } from 'vitest';
import { normaliseOrganisationName, payeeKeyFor, payeeName } from './payee';

const self = { payeeType: 'SELF' as const, organisationName: null, legalName: 'Élise Moreau' };
const org = (organisationName: string) => ({
  payeeType: 'ORGANISATION' as const,
  organisationName,
  legalName: 'Élise Moreau',
});

describe('payeeKeyFor', () => {
  it.each([
    [null, 'person:p1', 'no profile yet: the person'],
    [self, 'person:p1', 'the person themselves'],
    [
      { ...self, organisationName: 'La Coroutine' },
      'person:p1',
      'an organisation name left over on a SELF profile is ignored',
    ],
    [org('La Coroutine'), 'org:la-coroutine', 'an organisation'],
    [org('  LA   COROUTINE. '), 'org:la-coroutine', 'the same organisation, typed otherwise'],
    [org('Coopérative d’Activité « Baraka »'), 'org:cooperative-d-activite-baraka', 'accents and punctuation'],
    [org('MonsFabrica'), 'org:monsfabrica', 'one word'],
    [org('— … —'), 'person:p1', 'a name without a letter or digit groups nobody'],
  ])('%j → %s (%s)', (profile, expected, _why) => {
    expect(payeeKeyFor(profile, 'p1')).toBe(expected);
  });

  it('two people of one organisation share a payee; two people paid themselves do not', () => {
    expect(payeeKeyFor(org('La Baraka'), 'p1')).toBe(payeeKeyFor(org('la baraka'), 'p2'));
    expect(payeeKeyFor(self, 'p1')).not.toBe(payeeKeyFor(self, 'p2'));
  });

  it('normalises names the same way for every caller', () => {
    expect(normaliseOrganisationName('Ça Marche !')).toBe('ca-marche');
  });
});

describe('payeeName', () => {
  it.each([
    [null, 'Élise M.', 'no profile: the display name'],
    [self, 'Élise Moreau', 'the legal name'],
    [org(' La Coroutine '), 'La Coroutine', 'the organisation'],
    [{ ...self, legalName: '  ' }, 'Élise M.', 'a blank legal name falls back to the display name'],
  ])('%j → %s (%s)', (profile, expected, _why) => {
    expect(payeeName(profile, { name: 'Élise M.' })).toBe(expected);
  });
});
