// Runs before every request: gives each page a strict Content Security Policy with a fresh nonce
// (Next.js puts it on its own scripts), sends Strict-Transport-Security when Butin is served over
// HTTPS, and turns away, as clean 4xx answers, requests Next itself would answer with a bare 500:
// a path whose percent-encoding is invalid, a server action from another origin or larger than
// the limit; and, on the API, a method the route does not answer, which Next would answer with a
// bare 405 (lib/api/route-methods.ts). It never decides who may see what: pages and handlers check
// that themselves.
import { NextResponse, type NextRequest } from 'next/server';
import { allowedMethods } from '@/lib/api/route-methods';
import { isSameOrigin } from '@/lib/validation/origin';

/** A server action's body may carry a spreadsheet of up to 5 MB (next.config.ts allows 6 MB). */
export const SERVER_ACTION_MAX_BYTES = 6 * 1024 * 1024;

export function contentSecurityPolicy(nonce: string, development: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${development ? " 'unsafe-eval'" : ''}`,
    // React style attributes (progress bars, widths) need inline styles; scripts stay strict.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${development ? ' ws:' : ''}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; ');
}

/** Whether every `%` escape of the path decodes (`%FF`, `%C0%AF` and a lone `%` do not). */
export function hasValidPercentEncoding(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

const servedOverHttps = () => /^https:\/\//i.test(process.env.APP_URL ?? process.env.NEXTAUTH_URL ?? '');

function refusal(
  request: NextRequest,
  status: number,
  code: string,
  message: string,
  extraHeaders: Record<string, string> = {},
): Response {
  const api = request.nextUrl.pathname.startsWith('/api/');
  const body = api || request.headers.has('next-action') ? JSON.stringify({ error: { code, message } }) : message;
  return new Response(body, {
    status,
    headers: {
      'content-type': api ? 'application/json; charset=utf-8' : 'text/plain; charset=utf-8',
      'cache-control': 'no-store',
      ...extraHeaders,
    },
  });
}

function withTransportSecurity(response: Response): Response {
  if (servedOverHttps()) response.headers.set('strict-transport-security', 'max-age=63072000; includeSubDomains');
  return response;
}

export function proxy(request: NextRequest) {
  const rawPath = new URL(request.url).pathname;
  if (!hasValidPercentEncoding(rawPath)) {
    return withTransportSecurity(refusal(request, 400, 'BAD_REQUEST', 'The path is not valid percent-encoding'));
  }
  if (rawPath.startsWith('/api/')) {
    const allowed = allowedMethods(rawPath);
    if (allowed && !allowed.includes(request.method.toUpperCase() as (typeof allowed)[number])) {
      const message = `${request.method} is not allowed here; this endpoint answers ${allowed.join(', ')}`;
      return withTransportSecurity(refusal(request, 405, 'METHOD_NOT_ALLOWED', message, { allow: allowed.join(', ') }));
    }
    return withTransportSecurity(NextResponse.next());
  }

  if (request.method === 'POST' && request.headers.has('next-action')) {
    const origin = request.headers.get('origin');
    if (origin !== null && !isSameOrigin(origin, request, process.env.APP_URL)) {
      return withTransportSecurity(refusal(request, 403, 'FORBIDDEN', 'Cross-site request refused'));
    }
    // Browsers always give a form's length; without one, Next's own size guard would answer 500.
    const declared = request.headers.get('content-length');
    if (declared === null || !/^\d+$/.test(declared)) {
      return withTransportSecurity(refusal(request, 411, 'LENGTH_REQUIRED', 'A form must say its length'));
    }
    const length = Number(declared);
    if (length > SERVER_ACTION_MAX_BYTES) {
      return withTransportSecurity(refusal(request, 413, 'PAYLOAD_TOO_LARGE', 'The form is too large'));
    }
  }

  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const policy = contentSecurityPolicy(nonce, process.env.NODE_ENV === 'development');
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set('x-nonce', nonce);
  requestHeaders.set('content-security-policy', policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set('content-security-policy', policy);
  return withTransportSecurity(response);
}

export const config = {
  matcher: [{ source: '/((?!_next/static|_next/image|favicon.ico).*)' }],
};
