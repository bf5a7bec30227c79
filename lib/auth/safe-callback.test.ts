import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { safeCallback } from './safe-callback';

describe('safeCallback', () => {
  it.each([
    ['/contributions', '/contributions'],
    ['/contributions?week=2026-03-02#top', '/contributions?week=2026-03-02#top'],
    ['/review/../approved', '/approved'],
    [undefined, '/'],
    ['', '/'],
    ['//evil.example/phish', '/'],
    ['/\\evil.example/phish', '/'],
    ['\\\\evil.example', '/'],
    ['/%5Cevil.example', '/%5Cevil.example'],
    ['https://evil.example/', '/'],
    ['javascript:alert(1)', '/'],
    ['/\t/evil.example', '/'],
    ['/\n/evil.example', '/'],
    ['/\u0000x', '/'],
    ['contributions', '/'],
    ['/' + 'a'.repeat(3000), '/'],
  ])('%j → %j', (input, expected) => {
    expect(safeCallback(input, 'https://butin.example')).toBe(expected);
  });

  it('never leaves the origin, whatever the input', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (input) => {
        const result = safeCallback(input, 'https://butin.example');
        expect(result.startsWith('/')).toBe(true);
        expect(result.startsWith('//')).toBe(false);
        expect(result.includes('\\')).toBe(false);
        expect(new URL(result, 'https://butin.example').origin).toBe('https://butin.example');
      }),
    );
  });
});
