// The API over real HTTP, where Next's own router answers before any route code: a method a route
// does not answer is the proxy's JSON 405 with Allow (not Next's empty one), an unknown path a JSON
// 404, and OPTIONS lists the methods.
import { expect, test } from '@playwright/test';

test('a method a route does not answer is a JSON 405 with Allow', async ({ request }) => {
  for (const [method, path, allow] of [
    ['DELETE', '/api/v1/me', 'GET, HEAD, OPTIONS'],
    ['PUT', '/api/v1/tokens', 'OPTIONS, POST'],
    ['GET', '/api/v1/contributions/bulk-review', 'OPTIONS, POST'],
    ['POST', '/api/health', 'GET, HEAD, OPTIONS'],
    ['PROPFIND', '/api/v1/periods', 'GET, HEAD, OPTIONS, POST'],
    // the JSON 404 catch-all answers the usual methods, so the others are a 405 there too
    ['PROPFIND', '/api/v1/no/such/thing', 'DELETE, GET, HEAD, OPTIONS, PATCH, POST, PUT'],
  ]) {
    const response = await request.fetch(path, { method });
    expect(response.status(), `${method} ${path}`).toBe(405);
    expect(response.headers()['allow'], `${method} ${path}`).toBe(allow);
    expect(response.headers()['content-type']).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.error.code).toBe('METHOD_NOT_ALLOWED');
    expect(body.error.message).toContain(allow);
  }
});

test('the methods a route answers still reach it, and unknown paths are a JSON 404', async ({ request }) => {
  expect((await request.get('/api/v1/me')).status()).toBe(401);
  const options = await request.fetch('/api/v1/me', { method: 'OPTIONS' });
  expect(options.status()).toBe(204);
  expect(options.headers()['allow']).toBe('GET, HEAD, OPTIONS');
  const unknown = await request.delete('/api/v1/no/such/thing');
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.code).toBe('NOT_FOUND');
});
