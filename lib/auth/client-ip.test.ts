import { describe, expect, it } from 'vitest';
import { clientIp, forwardedClient, PEER_HEADER } from './client-ip';

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
    // No proxy: the header is the client's own writing.
    ['1.1.1.1', 0, undefined],
    ['', 1, undefined],
    [undefined, 1, undefined],
    [' , ', 1, undefined],
  ] as const)('%j with %i hop(s) → %j', (header, hops, expected) => {
    expect(forwardedClient(header, hops)).toBe(expected);
  });
});

describe('clientIp', () => {
  it('reads Headers and Node header records alike', () => {
    expect(clientIp(new Headers({ 'x-forwarded-for': '9.9.9.9, 203.0.113.7' }), 1, false)).toBe('203.0.113.7');
    expect(clientIp({ 'x-forwarded-for': '9.9.9.9, 203.0.113.7' }, 1, false)).toBe('203.0.113.7');
    expect(clientIp({ 'x-forwarded-for': ['9.9.9.9', '203.0.113.7'] }, 1, false)).toBe('203.0.113.7');
  });

  it('with no proxy, keys on the socket’s peer and ignores what the client wrote', () => {
    const forged = { 'x-forwarded-for': '198.51.100.77', [PEER_HEADER]: '203.0.113.7' };
    expect(clientIp(forged, 0, true)).toBe('203.0.113.7');
    expect(clientIp(new Headers(forged), 0, true)).toBe('203.0.113.7');
    // Behind a proxy, the proxy's entry counts, not the proxy's own socket address.
    expect(clientIp({ 'x-forwarded-for': '1.1.1.1, 198.51.100.4', [PEER_HEADER]: '10.0.0.2' }, 1, true)).toBe(
      '198.51.100.4',
    );
  });

  it('never believes a peer header unless the preload wrote it', () => {
    expect(clientIp({ [PEER_HEADER]: '203.0.113.7', 'x-forwarded-for': '127.0.0.1' }, 0, false)).toBe('127.0.0.1');
    expect(clientIp({}, 0, false)).toBe('unknown');
  });

  it('no longer reads X-Real-IP, which any client can write', () => {
    expect(clientIp({ 'x-real-ip': '198.51.100.4' }, 1, false)).toBe('unknown');
  });
});
