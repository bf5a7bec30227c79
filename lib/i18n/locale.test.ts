import { describe, expect, it } from 'vitest';
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';
import frContributions from '@/messages/fr/contributions.json';
import enContributions from '@/messages/en/contributions.json';
import frPeriods from '@/messages/fr/periods.json';
import enPeriods from '@/messages/en/periods.json';
import { formatMessage, translate } from './locale';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

describe('translate', () => {
  it.each([
    ['fr', 'errors.FORBIDDEN', {}, "Vous n'avez pas le droit de faire cela."],
    ['en', 'errors.NO_PERIOD_FOR_DATE', { date: '01/01/2030' }, 'No funding period covers 01/01/2030.'],
    ['fr', 'review.approved', { count: 1 }, '1 contribution validée.'],
    ['fr', 'review.approved', { count: 3 }, '3 contributions validées.'],
    ['en', 'people.count', { count: 0 }, 'No one'],
    ['fr', 'people.count', { count: 1234 }, '1\u202f234 personnes'],
  ] as const)('%s %s', (locale, key, values, expected) => {
    expect(translate(locale, key, values)).toBe(expected);
  });

  it('returns an unknown key unchanged', () => {
    expect(translate('fr', 'nowhere.to.be.found')).toBe('nowhere.to.be.found');
  });

  it('leaves a placeholder without a value visible rather than empty', () => {
    expect(formatMessage('Bonjour {name}', 'fr', {})).toBe('Bonjour {name}');
  });
});

describe('messages', () => {
  it.each([
    ['base', fr, en],
    ['contributions', frContributions, enContributions],
    ['periods', frPeriods, enPeriods],
  ])('French and English have the same keys (%s)', (_name, french, english) => {
    expect(keys(english).sort()).toEqual(keys(french).sort());
  });

  it('domain files never redefine a namespace of the base file', () => {
    const base = new Set(Object.keys(fr));
    for (const domain of [frContributions, frPeriods]) for (const namespace of Object.keys(domain)) expect(base.has(namespace)).toBe(false);
  });
});
