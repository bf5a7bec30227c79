import { describe, expect, it } from 'vitest';
import fs from 'node:fs';
import path from 'node:path';
import { messagesFor } from './locale';
import { isMessageKey, translateKey, translatorFor } from './translator';

function keys(node: unknown, prefix = ''): string[] {
  if (typeof node !== 'object' || node === null) return [prefix];
  return Object.entries(node).flatMap(([key, value]) => keys(value, prefix ? `${prefix}.${key}` : key));
}

describe('the server translator', () => {
  it.each([
    ['fr', 'errors.FORBIDDEN', {}, "Vous n'avez pas le droit de faire cela."],
    ['en', 'errors.NO_PERIOD_FOR_DATE', { date: '01/01/2030' }, 'No funding period covers 01/01/2030.'],
    ['fr', 'review.approved', { count: 1 }, '1 contribution validée.'],
    ['fr', 'review.approved', { count: 3 }, '3 contributions validées.'],
    ['en', 'people.count', { count: 0 }, 'No one'],
    ['fr', 'people.count', { count: 1234 }, '1\u202f234 personnes'],
  ] as const)('%s %s', (locale, key, values, expected) => {
    expect(translateKey(locale, key, values)).toBe(expected);
  });

  it('formats with typed keys and values', () => {
    expect(translatorFor('en')('review.approved', { count: 2 })).toBe('2 contributions approved.');
  });

  it.each([
    ['validation.email', true],
    ['errors.FORBIDDEN', true],
    ['nowhere.to.be.found', false],
    ['Plain English.', false],
    ['', false],
  ])('%j is a message key: %s', (value, expected) => {
    expect(isMessageKey(value)).toBe(expected);
  });
});

const files = (locale: string) =>
  fs
    .readdirSync(path.resolve(`messages/${locale}`))
    .filter((file) => file.endsWith('.json'))
    .sort();
const readJson = (file: string) => JSON.parse(fs.readFileSync(path.resolve(file), 'utf8'));

describe('messages', () => {
  it('French and English have the same files', () => {
    expect(files('en')).toEqual(files('fr'));
  });

  it.each(files('fr'))('%s holds one namespace, named after the file, with the same keys in both languages', (file) => {
    const fr = readJson(`messages/fr/${file}`);
    const en = readJson(`messages/en/${file}`);
    expect(Object.keys(fr)).toEqual([file.replace(/\.json$/, '')]);
    expect(Object.keys(en)).toEqual(Object.keys(fr));
    expect(keys(en).sort()).toEqual(keys(fr).sort());
  });

  it.each(['fr', 'en'] as const)('every file is registered, and nothing else (%s)', (locale) => {
    const registered = messagesFor(locale) as Record<string, unknown>;
    expect(Object.keys(registered).sort()).toEqual(
      files(locale)
        .map((file) => file.replace(/\.json$/, ''))
        .sort(),
    );
    for (const file of files(locale)) {
      const [namespace, messages] = Object.entries(readJson(`messages/${locale}/${file}`))[0];
      expect(registered[namespace], `${locale}/${file}`).toEqual(messages);
    }
  });
});
