import { describe, expect, it } from 'vitest';
import { routeMatcher } from './routes';

const match = routeMatcher({
  staticRoutes: [{ page: '/' }, { page: '/api/health' }, { page: '/periods' }],
  dynamicRoutes: [
    { page: '/api/v1/periods/[id]', regex: '^/api/v1/periods/([^/]+?)(?:/)?$' },
    { page: '/contributions/[id]', regex: '^/contributions/([^/]+?)(?:/)?$' },
    { page: '/broken', regex: '(' },
  ],
});

describe('routeMatcher', () => {
  it.each([
    ['/', '/'],
    ['/periods', '/periods'],
    ['/periods/', '/periods'],
    ['/api/health', '/api/health'],
    ['/api/v1/periods/cm123', '/api/v1/periods/[id]'],
    ['/contributions/abc', '/contributions/[id]'],
    ['/_next/static/chunks/x.js', '/_next/static'],
    ['/_next/image', '/_next'],
    ['/api/v1/nothing/here/at/all', '/api/(unknown)'],
    ['/wp-login.php', '(other)'],
  ])('%s → %s', (path, route) => {
    expect(match(path)).toBe(route);
  });
});
