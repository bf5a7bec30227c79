import { describe, expect, it } from 'vitest';
import { documentLocale } from './files';

const request = (cookie?: string) => new Request('http://localhost/x', { headers: cookie ? { cookie } : {} });

describe('documentLocale', () => {
  it.each([
    [undefined, 'fr', 'fr'],
    [undefined, 'en', 'en'],
    [undefined, 'de', 'fr'],
    ['butin-locale=en', 'fr', 'en'],
    ['a=1; butin-locale=fr', 'en', 'fr'],
    ['butin-locale=de', 'en', 'en'],
    ['xbutin-locale=en', 'fr', 'fr'],
  ] as const)('cookie %j, person %s → %s', (cookie, personLocale, expected) => {
    expect(documentLocale(request(cookie), personLocale)).toBe(expected);
  });
});
