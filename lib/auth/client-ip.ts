// The client's address, used only to key rate limits, never to grant anything.
//
// With no reverse proxy (TRUST_PROXY_HOPS=0, a direct `npm start`), the address is the TCP peer's:
// `npm start` serves Next through scripts/server.ts, which writes it into `x-butin-peer` on every
// request, over anything the client sent (the e2e tier starts the app the same way). Behind proxies, each one appends the address it received
// the request from to X-Forwarded-For; entries further left were written by the client and can be
// anything, so the address is read `hops` entries from the right, where the last proxy we trust
// wrote it.
import { env } from '@/lib/env';

export const PEER_HEADER = 'x-butin-peer';

/** True in a process serving through scripts/server.ts: only then is `x-butin-peer` the socket's own. */
export function peerHeaderTrusted(): boolean {
  return (globalThis as Record<symbol, unknown>)[Symbol.for('butin.peerAddress')] === true;
}

export function forwardedClient(forwardedFor: string | undefined, hops: number): string | undefined {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0 || hops < 1) return undefined;
  // Fewer entries than proxies: the request did not come through them all; the leftmost is the best we have.
  return entries[Math.max(0, entries.length - hops)];
}

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export function clientIp(
  headers: HeaderSource,
  hops = env().TRUST_PROXY_HOPS,
  trustPeerHeader = peerHeaderTrusted(),
): string {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  const peer = trustPeerHeader ? get(PEER_HEADER) : undefined;
  if (hops === 0) {
    // No proxy: only the socket counts. Without scripts/server.ts (a bare `next start`), Next writes
    // the socket address into X-Forwarded-For only when the client sent none, so the rightmost entry
    // is the best left, and a client can forge it: `npm start` always serves through server.ts.
    return peer || forwardedClient(get('x-forwarded-for'), 1) || 'unknown';
  }
  // X-Real-IP is not read: a proxy that sets it is rare, and a client that sets it is not.
  return forwardedClient(get('x-forwarded-for'), hops) || peer || 'unknown';
}
