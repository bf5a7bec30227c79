import { describe, expect, it } from 'vitest';
import { isSameOrigin } from './origin';

const request = (headers: Record<string, string>, url = 'http://butin.test/api/v1/tokens') =>
  new Request(url, { headers });

describe('isSameOrigin', () => {
  it.each([
    ['http://butin.test', { host: 'butin.test' }, true],
    ['https://butin.test', { host: 'butin.test', 'x-forwarded-proto': 'https' }, true],
    ['https://butin.test', { host: 'butin.test', 'x-forwarded-proto': 'https, http' }, true],
    // The scheme counts: a page on http cannot act for the https app.
    ['http://butin.test', { host: 'butin.test', 'x-forwarded-proto': 'https' }, false],
    ['https://butin.test', { host: 'butin.test' }, false],
    ['http://evil.test', { host: 'butin.test' }, false],
    ['http://butin.test:8080', { host: 'butin.test' }, false],
    ['null', { host: 'butin.test' }, false],
    ['garbage', { host: 'butin.test' }, false],
    ['http://', { host: 'butin.test' }, false],
    ['file:///etc/passwd', { host: 'butin.test' }, false],
    ['http://butin.test', {}, false],
  ])('%j with %j → %s', (origin, headers, expected) => {
    expect(isSameOrigin(origin, request(headers))).toBe(expected);
  });

  it('expects the public address’s scheme when one is set', () => {
    expect(isSameOrigin('https://butin.test', request({ host: 'butin.test' }), 'https://butin.test')).toBe(true);
    expect(isSameOrigin('http://butin.test', request({ host: 'butin.test' }), 'https://butin.test')).toBe(false);
  });
});
