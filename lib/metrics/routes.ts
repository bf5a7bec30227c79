// Metrics count requests by route (`/api/v1/periods/[id]`), not by path: a label per period id
// would grow without end. The routes come from the build's routes-manifest.json.

export type RoutesManifest = {
  staticRoutes?: { page: string }[];
  dynamicRoutes?: { page: string; regex: string }[];
};

export type RouteMatcher = (path: string) => string;

/** A function from a request path (no query) to its route's pattern, or a bounded fallback. */
export function routeMatcher(manifest: RoutesManifest): RouteMatcher {
  const statics = new Set((manifest.staticRoutes ?? []).map((route) => route.page));
  const dynamics = (manifest.dynamicRoutes ?? []).flatMap((route) => {
    try {
      return [{ page: route.page, regex: new RegExp(route.regex) }];
    } catch {
      return [];
    }
  });
  return (path) => {
    const clean = path.length > 1 ? path.replace(/\/+$/, '') : path;
    if (statics.has(clean)) return clean;
    for (const route of dynamics) if (route.regex.test(clean)) return route.page;
    if (clean.startsWith('/_next/static/')) return '/_next/static';
    if (clean.startsWith('/_next/')) return '/_next';
    if (clean === '/metrics') return '/metrics';
    if (clean.startsWith('/api/')) return '/api/(unknown)';
    return '(other)';
  };
}
