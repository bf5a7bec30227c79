// Whether a browser's Origin header names this app: same scheme, same host and port. A missing
// header is the caller's business (non-browser clients send none); `null`, a malformed value, or
// another scheme is not our origin, and never an error. The scheme expected is the public
// address's (APP_URL) when it is set, since a TLS proxy may not say X-Forwarded-Proto; else the
// one the request came in with.
export function isSameOrigin(origin: string, request: Request, publicUrl?: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(origin);
  } catch {
    return false; // "null", "garbage", …
  }
  if (parsed.origin === 'null' || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return false;
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (!host || parsed.host !== host) return false;
  const scheme = publicUrl
    ? new URL(publicUrl).protocol.replace(/:$/, '')
    : (request.headers.get('x-forwarded-proto') ?? new URL(request.url).protocol.replace(/:$/, ''))
        .split(',')[0]
        .trim();
  return parsed.protocol === `${scheme}:`;
}
