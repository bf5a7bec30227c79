import { describe, expect, it } from 'vitest';
import { formatBytes } from '@/lib/claim-form/format-bytes';

describe('formatBytes', () => {
  it.each<[number, 'fr' | 'en', string]>([
    [0, 'fr', '0 o'],
    [1023, 'fr', '1023 o'],
    [1024, 'fr', '1 ko'],
    [230_000, 'fr', '225 ko'],
    [2_500_000, 'fr', '2,4 Mo'],
    [10 * 1024 * 1024, 'fr', '10 Mo'],
    [2_500_000, 'en', '2.4 MB'],
  ])('%d bytes (%s) = %s', (bytes, locale, expected) => {
    expect(formatBytes(bytes, locale)).toBe(expected);
  });
});
