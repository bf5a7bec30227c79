import { describe, expect, it } from 'vitest';
import { asLocale } from './locales';

describe('asLocale', () => {
  it.each([
    ['en', 'en'],
    ['fr', 'fr'],
    ['EN', 'fr'],
    ['de', 'fr'],
    ['', 'fr'],
    [undefined, 'fr'],
    [null, 'fr'],
  ] as const)('%j → %s', (value, locale) => {
    expect(asLocale(value)).toBe(locale);
  });
});
