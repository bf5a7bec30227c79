// The methods each API route file answers, for proxy.ts. Next answers a method a route file does
// not export with a bare 405 (no body, no Allow) before any of Butin's code runs; the proxy
// answers it first, in the API's JSON error shape, with Allow (RFC 9110 §15.5.6). The table is
// read from the route files when Next builds the app (lib/api/route-files.ts, next.config.ts), so
// a new route or method needs no edit here; tests/integration/route-methods.test.ts checks that
// reading against what the route files really export.

export const HTTP_METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** Route file (its folder under app/, Next's bracket syntax) → the methods it exports. */
export type RouteMethods = Readonly<Record<string, readonly HttpMethod[]>>;

/** The table next.config.ts read from the route files when Next built the app. */
export function builtApiRouteMethods(): RouteMethods {
  const table = process.env.BUTIN_API_ROUTE_METHODS;
  if (!table) throw new Error('BUTIN_API_ROUTE_METHODS is set by next.config.ts; run the app through Next');
  return JSON.parse(table) as RouteMethods;
}

type Route = { file: string; segments: string[]; ranks: number[]; methods: readonly HttpMethod[] };

/** A segment's precedence, as Next's router gives it: a literal, then `[x]`, then `[...x]`, then `[[...x]]`. */
const rank = (segment: string) =>
  segment.startsWith('[[...') ? 3 : segment.startsWith('[...') ? 2 : segment.startsWith('[') ? 1 : 0;

function byPrecedence(a: Route, b: Route): number {
  for (let index = 0; index < Math.min(a.ranks.length, b.ranks.length); index++) {
    if (a.ranks[index] !== b.ranks[index]) return a.ranks[index] - b.ranks[index];
  }
  return b.ranks.length - a.ranks.length;
}

const compiled = new WeakMap<RouteMethods, Route[]>();

function compile(table: RouteMethods): Route[] {
  let routes = compiled.get(table);
  if (!routes) {
    routes = Object.entries(table)
      .map(([file, methods]) => {
        const segments = file.split('/').filter(Boolean);
        return { file, segments, ranks: segments.map(rank), methods };
      })
      .sort(byPrecedence);
    compiled.set(table, routes);
  }
  return routes;
}

function matches(route: Route, parts: string[]): boolean {
  for (let index = 0; index < route.segments.length; index++) {
    const segment = route.segments[index];
    if (rank(segment) === 3) return true; // an optional catch-all takes any number of segments
    if (rank(segment) === 2) return parts.length > index; // a catch-all takes one segment or more
    if (index >= parts.length) return false;
    if (rank(segment) === 0 && segment !== parts[index]) return false;
  }
  return parts.length === route.segments.length;
}

let built: RouteMethods | undefined;
const builtTable = () => (built ??= builtApiRouteMethods());

/** The route file Next serves a path with, if the table has one (a path no route file serves: undefined). */
export function apiRouteFor(pathname: string, table: RouteMethods = builtTable()): string | undefined {
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
  return compile(table).find((route) => matches(route, parts))?.file;
}

/** The methods a path answers, HEAD and OPTIONS included as Next adds them; undefined for a path no route serves. */
export function allowedMethods(pathname: string, table: RouteMethods = builtTable()): HttpMethod[] | undefined {
  const file = apiRouteFor(pathname, table);
  if (!file) return undefined;
  const methods = new Set<HttpMethod>(table[file]);
  if (methods.has('GET')) methods.add('HEAD');
  methods.add('OPTIONS');
  return [...methods].sort();
}
