import { describe, expect, it } from 'vitest';
import { allowedMethods, apiRouteFor, type RouteMethods } from './route-methods';

/** A table as lib/api/route-files.ts reads it from app/api, with each kind of segment Next knows. */
const TABLE: RouteMethods = {
  '/api/[...rest]': ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'],
  '/api/auth/[...nextauth]': ['GET', 'POST'],
  '/api/health': ['GET'],
  '/api/v1/[...rest]': ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
  '/api/v1/contributions': ['GET', 'POST'],
  '/api/v1/contributions/[id]': ['GET', 'PATCH', 'DELETE'],
  '/api/v1/contributions/[id]/[action]': ['POST'],
  '/api/v1/contributions/[id]/history': ['GET'],
  '/api/v1/contributions/bulk-review': ['POST'],
  '/api/v1/docs/[[...page]]': ['GET'],
  '/api/v1/me': ['GET'],
  '/api/v1/openapi.json': ['GET'],
  '/api/v1/periods/[id]/exports/statements.zip': ['GET'],
  '/api/v1/periods/[id]/exports/statements/[file]': ['GET'],
  '/api/v1/periods/[id]/plan/[chantierId]': ['PUT'],
  '/api/v1/tokens': ['POST'],
};

describe('apiRouteFor: the route file Next picks', () => {
  it.each([
    ['/api/v1/contributions', '/api/v1/contributions'],
    // a literal segment wins over a dynamic one, as in Next's router
    ['/api/v1/contributions/bulk-review', '/api/v1/contributions/bulk-review'],
    ['/api/v1/contributions/abc', '/api/v1/contributions/[id]'],
    ['/api/v1/contributions/abc/history', '/api/v1/contributions/[id]/history'],
    ['/api/v1/contributions/abc/approve', '/api/v1/contributions/[id]/[action]'],
    ['/api/v1/periods/p/exports/statements/x.pdf', '/api/v1/periods/[id]/exports/statements/[file]'],
    ['/api/v1/periods/p/exports/statements.zip', '/api/v1/periods/[id]/exports/statements.zip'],
    ['/api/auth/callback/credentials', '/api/auth/[...nextauth]'],
    ['/api/health', '/api/health'],
    ['/api/v1/openapi.json', '/api/v1/openapi.json'],
    // an optional catch-all takes no segment or any number of them
    ['/api/v1/docs', '/api/v1/docs/[[...page]]'],
    ['/api/v1/docs/a/b', '/api/v1/docs/[[...page]]'],
    // a dynamic or literal route too long or unknown falls to the nearest catch-all (the JSON 404s)
    ['/api/v1/nothing', '/api/v1/[...rest]'],
    ['/api/v1/contributions/a/b/c', '/api/v1/[...rest]'],
    ['/api/v1', '/api/[...rest]'],
    ['/api/auth', '/api/[...rest]'],
    // percent-encoded as Next decodes it
    ['/api/v1/%6De', '/api/v1/me'],
    ['/api/v1/contributions/bulk%2Dreview', '/api/v1/contributions/bulk-review'],
  ])('%s → %s', (path, file) => {
    expect(apiRouteFor(path, TABLE)).toBe(file);
  });

  it.each(['/api', '/', '/contributions'])('%s is served by no route file of the table', (path) => {
    expect(apiRouteFor(path, TABLE)).toBeUndefined();
  });
});

describe('allowedMethods', () => {
  it.each([
    ['/api/v1/me', ['GET', 'HEAD', 'OPTIONS']],
    ['/api/v1/tokens', ['OPTIONS', 'POST']],
    ['/api/v1/contributions/abc', ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH']],
    ['/api/v1/periods/p/plan/c', ['OPTIONS', 'PUT']],
    ['/api/v1/no/such/thing', ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']],
  ])('%s answers %j', (path, methods) => {
    expect(allowedMethods(path, TABLE)).toEqual(methods);
  });

  it('knows no methods of a path no route file serves', () => {
    expect(allowedMethods('/api', TABLE)).toBeUndefined();
  });
});
