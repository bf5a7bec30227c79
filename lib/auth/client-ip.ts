// The client's address, used only to key rate limits, never to grant anything.
//
// Each reverse proxy appends the address it received the request from to X-Forwarded-For, and
// Next's own server writes the socket's address when the header is absent. Entries further left
// were written by the client itself and can be anything, so the address is read `hops` entries
// from the right, where the last proxy we trust (TRUST_PROXY_HOPS) wrote it.
import { env } from '@/lib/env';

export function forwardedClient(forwardedFor: string | undefined, hops: number): string | undefined {
  const entries = (forwardedFor ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  if (entries.length === 0) return undefined;
  // Fewer entries than proxies: the request did not come through them all; the leftmost is the best we have.
  return entries[Math.max(0, entries.length - hops)];
}

export function clientIp(
  headers: Headers | Record<string, string | string[] | undefined>,
  hops = env().TRUST_PROXY_HOPS,
): string {
  const get = (name: string) => {
    if (headers instanceof Headers) return headers.get(name) ?? undefined;
    const value = headers[name];
    return Array.isArray(value) ? value.join(', ') : value;
  };
  return forwardedClient(get('x-forwarded-for'), hops) || get('x-real-ip') || 'unknown';
}
