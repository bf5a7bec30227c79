import { describe, expect, it } from 'vitest';
import { allowedMethods, apiRouteFor } from './route-methods';

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
    // percent-encoded as Next decodes it
    ['/api/v1/%6De', '/api/v1/me'],
    ['/api/v1/contributions/bulk%2Dreview', '/api/v1/contributions/bulk-review'],
  ])('%s → %s', (path, file) => {
    expect(apiRouteFor(path)).toBe(file);
  });

  it.each(['/api/v1/nothing', '/api/v1/contributions/a/b/c', '/api/auth', '/api', '/api/v1', '/'])(
    '%s is not a route of the table (the 404 catch-alls answer it)',
    (path) => {
      expect(apiRouteFor(path)).toBeUndefined();
    },
  );
});

describe('allowedMethods', () => {
  it.each([
    ['/api/v1/me', ['GET', 'HEAD', 'OPTIONS']],
    ['/api/v1/tokens', ['OPTIONS', 'POST']],
    ['/api/v1/contributions/abc', ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH']],
    ['/api/v1/periods/p/plan/c', ['OPTIONS', 'PUT']],
  ])('%s answers %j', (path, methods) => {
    expect(allowedMethods(path)).toEqual(methods);
  });

  it('knows no methods of an unknown path', () => {
    expect(allowedMethods('/api/v1/unknown/path')).toBeUndefined();
  });
});
