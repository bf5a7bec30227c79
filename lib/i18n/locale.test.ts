import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';
import { formatMessage, messagesFor, translate } from './locale';

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

const domainFiles = fs.readdirSync(path.resolve('messages/fr')).filter((file) => file.endsWith('.json'));
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));

describe('messages', () => {
  it('French and English have the same keys (base file)', () => {
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it.each(domainFiles)('French and English have the same keys (%s)', (file) => {
    expect(keys(readJson(`messages/en/${file}`)).sort()).toEqual(keys(readJson(`messages/fr/${file}`)).sort());
  });

  it('every domain file is merged into the messages, and none redefines a namespace of another', () => {
    const seen = new Set(Object.keys(fr));
    for (const file of domainFiles) {
      for (const locale of ['fr', 'en'] as const) {
        const domain = readJson(`messages/${locale}/${file}`);
        for (const [namespace, messages] of Object.entries(domain)) {
          expect(
            (messagesFor(locale) as Record<string, unknown>)[namespace],
            `${locale}/${file}: ${namespace}`,
          ).toEqual(messages);
        }
      }
      for (const namespace of Object.keys(readJson(`messages/fr/${file}`))) {
        expect(seen.has(namespace), `${file} redefines "${namespace}"`).toBe(false);
        seen.add(namespace);
      }
    }
  });
});
