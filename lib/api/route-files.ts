// The proxy's table of API methods (lib/api/route-methods.ts), read from the route files at build
// time (next.config.ts puts it in BUTIN_API_ROUTE_METHODS), the way the client message paths are
// (lib/i18n/client-message-paths.ts). Being derived, a new route or method needs no list edit; an
// export this reading cannot follow (`export * from`, a computed name) is refused, so the build
// fails instead of the proxy refusing a method the route answers.
import fs from 'node:fs';
import path from 'node:path';
import { HTTP_METHODS, type HttpMethod } from './route-methods';

const ROUTE_FILE = /^route\.(ts|js)$/;

/** The route files under `root`/app/api, as their folder's path (Next's bracket syntax), sorted. */
export function apiRouteFiles(root: string): { route: string; file: string }[] {
  const found: { route: string; file: string }[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name.startsWith('_')) continue; // a private folder: never routed
        // a route group, `(name)`, is no segment of the path
        walk(file, /^\(.*\)$/.test(entry.name) ? segments : [...segments, entry.name]);
      } else if (ROUTE_FILE.test(entry.name)) found.push({ route: `/${segments.join('/')}`, file });
    }
  };
  walk(path.join(root, 'app', 'api'), ['api']);
  return found.sort((a, b) => (a.route < b.route ? -1 : a.route > b.route ? 1 : 0));
}

/** The names a `{ a as B, C }` list exports (B and C); `type` entries export no value. */
function exportedNames(list: string, file: string): string[] {
  return list
    .split(',')
    .map((item) => item.trim())
    .filter((item) => item !== '' && !item.startsWith('type '))
    .map((item) => {
      const named = /^(?:[\w$]+\s+as\s+)?([\w$]+)$/.exec(item) ?? /^[\w$]+\s*:\s*([\w$]+)$/.exec(item);
      if (!named) throw new Error(`${file}: cannot read the export \`${item}\``);
      return named[1];
    });
}

/**
 * The HTTP methods a route file's source exports: `export const GET = …`, `export async function
 * POST`, `export { handler as GET }` (with or without `from`), `export const { GET, POST } = …`.
 */
export function methodsExportedBy(source: string, file = 'source'): HttpMethod[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
  if (/\bexport\s*\*/.test(code)) throw new Error(`${file}: \`export * from\` hides which methods the route answers`);
  const names: string[] = [];
  for (const match of code.matchAll(/\bexport\s+(?:async\s+)?function\s*\*?\s*([\w$]+)/g)) names.push(match[1]);
  for (const match of code.matchAll(/\bexport\s+(?:const|let|var)\s+([\w$]+)/g)) names.push(match[1]);
  for (const match of code.matchAll(/\bexport\s+(?:const|let|var)\s*\{([^}]*)\}/g))
    names.push(...exportedNames(match[1], file));
  for (const match of code.matchAll(/\bexport\s+(?:type\s+)?\{([^}]*)\}/g)) {
    if (/^\s*export\s+type\b/.test(match[0])) continue;
    names.push(...exportedNames(match[1], file));
  }
  return HTTP_METHODS.filter((method) => names.includes(method));
}

/** Route file (its folder under app/, Next's bracket syntax) → the methods it exports. */
export function apiRouteMethods(root: string): Record<string, HttpMethod[]> {
  const table: Record<string, HttpMethod[]> = {};
  for (const { route, file } of apiRouteFiles(root)) {
    const methods = methodsExportedBy(fs.readFileSync(file, 'utf8'), path.relative(root, file));
    if (methods.length === 0) throw new Error(`${path.relative(root, file)} exports no HTTP method`);
    table[route] = methods;
  }
  return table;
}
