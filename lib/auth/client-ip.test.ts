import { describe, expect, it } from 'vitest';
import { clientIp, forwardedClient } from './client-ip';

describe('forwardedClient', () => {
  it.each([
    // [X-Forwarded-For, trusted hops, client address]
    ['203.0.113.7', 1, '203.0.113.7'],
    ['203.0.113.7', 2, '203.0.113.7'],
    // A client forging the header behind one appending proxy: the proxy's entry wins.
    ['1.1.1.1, 203.0.113.7', 1, '203.0.113.7'],
    ['1.1.1.1,203.0.113.7', 1, '203.0.113.7'],
    // Two proxies: the first one wrote the client, the second one wrote the first proxy.
    ['1.1.1.1, 203.0.113.7, 10.0.0.2', 2, '203.0.113.7'],
    ['203.0.113.7, 10.0.0.2', 2, '203.0.113.7'],
    [' 2001:db8::1 ', 1, '2001:db8::1'],
    ['', 1, undefined],
    [undefined, 1, undefined],
    [' , ', 1, undefined],
  ] as const)('%j with %i hop(s) → %j', (header, hops, expected) => {
    expect(forwardedClient(header, hops)).toBe(expected);
  });
});

describe('clientIp', () => {
  it('reads Headers and Node header records alike', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '9.9.9.9, 203.0.113.7' }), 1)).toBe('203.0.113.7');
    expect(clientIp({ 'x-forwarded-for': '9.9.9.9, 203.0.113.7' }, 1)).toBe('203.0.113.7');
    expect(clientIp({ 'x-forwarded-for': ['9.9.9.9', '203.0.113.7'] }, 1)).toBe('203.0.113.7');
  });

  it('falls back to X-Real-IP, then to "unknown"', () => {
    expect(clientIp({ 'x-real-ip': '198.51.100.4' }, 1)).toBe('198.51.100.4');
    expect(clientIp({}, 1)).toBe('unknown');
  });
});
