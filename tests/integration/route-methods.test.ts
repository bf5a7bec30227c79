// The proxy's table of API methods, read from the route files' source at build time
// (lib/api/route-files.ts, next.config.ts), against what the route files really export once
// loaded: every route file is in the table with exactly the methods it exports, every operation of
// the OpenAPI document lands on a route that answers its method, and the proxy answers every other
// method of every route with a JSON 405 and Allow, before Next's bare one.
import { NextRequest } from 'next/server';
import { describe, expect, it } from 'vitest';
import { apiRouteMethods } from '@/lib/api/route-files';
import {
  HTTP_METHODS,
  allowedMethods,
  apiRouteFor,
  builtApiRouteMethods,
  type HttpMethod,
} from '@/lib/api/route-methods';
import { OPERATIONS } from '@/lib/api/openapi';
import { proxy } from '@/proxy';

const ROUTE_FILES = import.meta.glob<Record<string, unknown>>('../../app/api/**/route.ts');
const METHODS: readonly HttpMethod[] = HTTP_METHODS;
const API_ROUTE_METHODS = apiRouteMethods(process.cwd());
const routeOf = (file: string) => file.replace('../../app', '').replace(/\/route\.ts$/, '');
/** A concrete path that Next serves with this route file. */
const samplePath = (route: string) =>
  route.replace(/\[\.\.\.\w+\]/g, 'signin/credentials').replace(/\[(\w+)\]/g, (_, name: string) => `sample-${name}`);

describe("the proxy's table of API methods", () => {
  it('lists every route file with exactly the methods it exports', async () => {
    const seen: string[] = [];
    for (const [file, load] of Object.entries(ROUTE_FILES)) {
      const route = routeOf(file);
      seen.push(route);
      const handlers = await load();
      const exported = METHODS.filter((method) => typeof handlers[method] === 'function');
      expect(API_ROUTE_METHODS[route], `${route} is missing from the table`).toBeDefined();
      expect([...API_ROUTE_METHODS[route]].sort(), route).toEqual(exported.sort());
    }
    expect(seen.length).toBeGreaterThan(50);
    expect(Object.keys(API_ROUTE_METHODS).sort()).toEqual(seen.sort());
  });

  it('is the table the proxy reads', () => {
    expect(builtApiRouteMethods()).toEqual(API_ROUTE_METHODS);
  });

  it('finds, for each route file, that route file (no other one shadows it)', () => {
    for (const route of Object.keys(API_ROUTE_METHODS)) expect(apiRouteFor(samplePath(route)), route).toBe(route);
  });

  it('allows every operation of the OpenAPI document, on a route of its own (not a JSON 404 catch-all)', () => {
    expect(OPERATIONS.length).toBeGreaterThan(30);
    for (const operation of OPERATIONS) {
      const path = `/api/v1${operation.path.replace(/\{(\w+)\}/g, 'sample')}`;
      expect(apiRouteFor(path), `${operation.operationId} ${path}`).not.toMatch(/\[\.\.\.rest\]$/);
      expect(allowedMethods(path), `${operation.operationId} ${path}`).toContain(operation.method.toUpperCase());
    }
  });
});

describe('a method a route does not answer', () => {
  it('is a JSON 405 with Allow, from the proxy, on every route', async () => {
    let refused = 0;
    for (const route of Object.keys(API_ROUTE_METHODS)) {
      const path = samplePath(route);
      const allowed = allowedMethods(path)!;
      for (const method of [...METHODS, 'PROPFIND', 'FOO']) {
        const response = proxy(new NextRequest(`http://localhost:3000${path}`, { method }));
        const label = `${method} ${path}`;
        if (allowed.includes(method as HttpMethod)) {
          expect(response.headers.get('x-middleware-next'), label).toBe('1');
          continue;
        }
        refused++;
        expect(response.status, label).toBe(405);
        expect(response.headers.get('allow'), label).toBe(allowed.join(', '));
        expect(response.headers.get('content-type'), label).toMatch(/^application\/json/);
        const body = await response.json();
        expect(body.error.code, label).toBe('METHOD_NOT_ALLOWED');
        expect(body.error.message, label).toContain(allowed.join(', '));
      }
    }
    expect(refused).toBeGreaterThan(100);
  });

  it('leaves unknown API paths to the JSON 404 routes, for every method they answer', () => {
    for (const method of METHODS) {
      const response = proxy(new NextRequest('http://localhost:3000/api/v1/no/such/thing', { method }));
      expect(response.headers.get('x-middleware-next'), method).toBe('1');
    }
  });
});
