// The methods each API route file answers, for proxy.ts. Next answers a method a route file does
// not export with a bare 405 (no body, no Allow) before any of Butin's code runs; the proxy
// answers it first, in the API's JSON error shape, with Allow (RFC 9110 §15.5.6).
// tests/integration/route-methods.test.ts checks this table against the route files themselves,
// so a new route or method cannot be forgotten here. The catch-all 404 routes are not listed.

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE' | 'OPTIONS';

/** Route file (its folder under app/, Next's bracket syntax) → the methods it exports. */
export const API_ROUTE_METHODS: Readonly<Record<string, readonly HttpMethod[]>> = {
  '/api/auth/[...nextauth]': ['GET', 'POST'],
  '/api/health': ['GET'],
  '/api/v1/chantiers': ['GET'],
  '/api/v1/claims': ['GET', 'POST'],
  '/api/v1/claims/[id]': ['GET', 'PATCH', 'DELETE'],
  '/api/v1/claims/[id]/[action]': ['POST'],
  '/api/v1/claims/[id]/history': ['GET'],
  '/api/v1/claims/[id]/receipts': ['GET', 'POST'],
  '/api/v1/claims/[id]/receipts/[fileId]': ['GET', 'DELETE'],
  '/api/v1/claims/bulk-review': ['POST'],
  '/api/v1/contributions': ['GET', 'POST'],
  '/api/v1/contributions/[id]': ['GET', 'PATCH', 'DELETE'],
  '/api/v1/contributions/[id]/[action]': ['POST'],
  '/api/v1/contributions/[id]/attachments': ['GET', 'POST'],
  '/api/v1/contributions/[id]/attachments/[fileId]': ['GET', 'DELETE'],
  '/api/v1/contributions/[id]/history': ['GET'],
  '/api/v1/contributions/bulk-review': ['POST'],
  '/api/v1/imports': ['POST'],
  '/api/v1/me': ['GET'],
  '/api/v1/me/export': ['GET'],
  '/api/v1/me/payout-profile': ['GET', 'PUT'],
  '/api/v1/openapi.json': ['GET'],
  '/api/v1/people': ['GET', 'POST'],
  '/api/v1/people/[id]': ['PATCH'],
  '/api/v1/people/[id]/anonymise': ['POST'],
  '/api/v1/people/[id]/payout-profile': ['GET'],
  '/api/v1/periods': ['GET', 'POST'],
  '/api/v1/periods/[id]': ['GET', 'PATCH'],
  '/api/v1/periods/[id]/close': ['POST'],
  '/api/v1/periods/[id]/exports/compte-rendu.csv': ['GET'],
  '/api/v1/periods/[id]/exports/compte-rendu.pdf': ['GET'],
  '/api/v1/periods/[id]/exports/compte-rendu.xlsx': ['GET'],
  '/api/v1/periods/[id]/exports/contributions.csv': ['GET'],
  '/api/v1/periods/[id]/exports/funder-report.csv': ['GET'],
  '/api/v1/periods/[id]/exports/funder-report.pdf': ['GET'],
  '/api/v1/periods/[id]/exports/payees.csv': ['GET'],
  '/api/v1/periods/[id]/exports/payouts.csv': ['GET'],
  '/api/v1/periods/[id]/exports/payouts.xlsx': ['GET'],
  '/api/v1/periods/[id]/exports/receipts.zip': ['GET'],
  '/api/v1/periods/[id]/exports/sepa.xml': ['GET'],
  '/api/v1/periods/[id]/exports/statements.zip': ['GET'],
  '/api/v1/periods/[id]/exports/statements/[file]': ['GET'],
  '/api/v1/periods/[id]/payments': ['GET', 'POST'],
  '/api/v1/periods/[id]/payments/[paymentId]/reversal': ['POST'],
  '/api/v1/periods/[id]/payouts': ['GET'],
  '/api/v1/periods/[id]/plan': ['GET'],
  '/api/v1/periods/[id]/plan/[chantierId]': ['PUT'],
  '/api/v1/periods/[id]/plan/[chantierId]/explanation': ['PUT'],
  '/api/v1/periods/[id]/reopen': ['POST'],
  '/api/v1/places': ['GET'],
  '/api/v1/settings/bank-account': ['GET', 'PUT'],
  '/api/v1/settings/identity': ['GET', 'PUT'],
  '/api/v1/tokens': ['POST'],
  '/api/v1/tokens/[id]': ['DELETE'],
};

type Route = { file: string; segments: string[]; ranks: number[]; methods: readonly HttpMethod[] };

/** A segment's precedence, as Next's router gives it: a literal, then `[x]`, then `[...x]`. */
const rank = (segment: string) => (segment.startsWith('[...') ? 2 : segment.startsWith('[') ? 1 : 0);

function byPrecedence(a: Route, b: Route): number {
  for (let index = 0; index < Math.min(a.ranks.length, b.ranks.length); index++) {
    if (a.ranks[index] !== b.ranks[index]) return a.ranks[index] - b.ranks[index];
  }
  return b.ranks.length - a.ranks.length;
}

function compile(table: Readonly<Record<string, readonly HttpMethod[]>>): Route[] {
  return Object.entries(table)
    .map(([file, methods]) => {
      const segments = file.split('/').filter(Boolean);
      return { file, segments, ranks: segments.map(rank), methods };
    })
    .sort(byPrecedence);
}

function matches(route: Route, parts: string[]): boolean {
  for (let index = 0; index < route.segments.length; index++) {
    const segment = route.segments[index];
    if (rank(segment) === 2) return parts.length > index; // a catch-all takes one segment or more
    if (index >= parts.length) return false;
    if (rank(segment) === 0 && segment !== parts[index]) return false;
  }
  return parts.length === route.segments.length;
}

const ROUTES = compile(API_ROUTE_METHODS);

/** The route file Next serves a path with, if the table has one (unknown paths go to the 404 routes). */
export function apiRouteFor(pathname: string, routes: Route[] = ROUTES): string | undefined {
  // Next routes the decoded path: `/api/v1/%6De` is `/api/v1/me`.
  const parts = pathname
    .split('/')
    .filter(Boolean)
    .map((part) => {
      try {
        return decodeURIComponent(part);
      } catch {
        return part;
      }
    });
  return routes.find((route) => matches(route, parts))?.file;
}

/** The methods a path answers, HEAD and OPTIONS included as Next adds them; undefined for an unknown path. */
export function allowedMethods(pathname: string): HttpMethod[] | undefined {
  const file = apiRouteFor(pathname);
  if (!file) return undefined;
  const methods = new Set<HttpMethod>(API_ROUTE_METHODS[file]);
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods].sort();
}
