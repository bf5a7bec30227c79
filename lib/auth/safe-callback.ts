// Where to send a person after sign-in. Only a path of this app may be a target: the value is
// resolved against the app's own origin and must stay on it, so `/\evil.example` (which
// browsers read as `//evil.example`), `//evil.example`, `https://evil.example`, `javascript:…`
// and anything with a control character all fall back to the home page.
const PLACEHOLDER_ORIGIN = 'http://butin.invalid';

export function safeCallback(value: string | undefined | null, origin: string = PLACEHOLDER_ORIGIN): string {
  if (!value || value.length > 2048) return '/';
  // Backslashes are slashes to a browser; control characters (tab, newline, NUL…) are dropped by
  // URL parsers and can join `/` and `/` back into `//`.
  if (/[\\\u0000-\u001f\u007f]/.test(value)) return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  let base: URL;
  let target: URL;
  try {
    base = new URL(origin);
    target = new URL(value, base);
  } catch {
    return '/';
  }
  if (target.origin !== base.origin) return '/';
  return `${target.pathname}${target.search}${target.hash}`;
}
