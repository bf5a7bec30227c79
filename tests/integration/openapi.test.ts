// The OpenAPI document served at /api/v1/openapi.json is true and complete: every route handler
// under app/api/v1 implements an operation it lists (same method, same path), every operation it
// lists has its handler, each has a unique operationId, and the schemas say what the answers hold
// (nullable enums list null, integers have real bounds, errors may carry details). The answers
// themselves are checked against it by callRoute in every API test (tests/support/contract.ts).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { GET as getDocument } from '@/app/api/v1/openapi.json/route';
import { OPERATIONS } from '@/lib/api/openapi';
import type { ApiRouteHandler } from '@/lib/api/route';
import { assertDocumentedAnswer, ContractViolation } from '../support/contract';

type Doc = {
  info: { license?: { name: string } };
  paths: Record<string, Record<string, { operationId?: string; responses: Record<string, unknown> }>>;
  components: { schemas: Record<string, unknown> };
};

const served = async (): Promise<Doc> => {
  const response = GET();
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  return response.json();
};
const GET = getDocument;

const API_ROOT = path.resolve('app/api/v1');
function routeFiles(dir = API_ROOT): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === 'route.ts' ? [full] : [];
  });
}

/** app/api/v1/periods/[id]/exports/statements/[file]/route.ts → /periods/{id}/exports/statements/{file} */
const apiPathOf = (file: string) =>
  path
    .relative(API_ROOT, path.dirname(file))
    .split(path.sep)
    .map((segment) => segment.replace(/^\[(\w+)\]$/, '{$1}'))
    .join('/');

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

describe('the OpenAPI document', () => {
  it('gives every operation a unique operationId, and has a license', async () => {
    const document = await served();
    const ids = Object.values(document.paths).flatMap((item) => Object.values(item).map((op) => op.operationId));
    expect(ids.length).toBe(OPERATIONS.length);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    expect(document.info.license?.name).toBe('AGPL-3.0-or-later');
  });

  it('lets an error carry details and fields', async () => {
    const document = await served();
    expect(document.components.schemas.Error).toMatchObject({
      properties: { error: { properties: { details: {}, fields: { type: 'object' } }, required: ['code', 'message'] } },
    });
  });

  it('lists null among the values of every nullable enum, and bounds every integer to PostgreSQL’s', async () => {
    const text = JSON.stringify(await served());
    const nodes: Record<string, unknown>[] = [];
    JSON.parse(text, (_key, value) => {
      if (value && typeof value === 'object' && !Array.isArray(value)) nodes.push(value);
      return value;
    });
    const nullableEnums = nodes.filter((node) => node.nullable === true && Array.isArray(node.enum));
    expect(nullableEnums.length).toBeGreaterThan(0);
    for (const node of nullableEnums) expect(node.enum).toContain(null);
    const integers = nodes.filter((node) => node.type === 'integer');
    expect(integers.length).toBeGreaterThan(20);
    for (const node of integers) {
      expect(node.minimum ?? node.exclusiveMinimum).toBeGreaterThanOrEqual(-2_147_483_648);
      expect(node.maximum ?? 0).toBeLessThanOrEqual(2_147_483_647);
    }
    expect(text).not.toContain(String(Number.MAX_SAFE_INTEGER));
  });

  it('documents a payout profile’s 404 and the 409s that carry details', async () => {
    const { paths } = await served();
    expect(paths['/me/payout-profile'].get.responses).toHaveProperty('404');
    expect(paths['/contributions/{id}'].patch.responses).toHaveProperty('409');
    expect(paths['/periods/{id}/close'].post.responses).toHaveProperty('409');
    expect(paths['/periods/{id}/exports/sepa.xml'].get.responses).toHaveProperty('409');
  });
});

describe('routes and operations', () => {
  it('has a handler built from a documented operation for every route, and a route for every operation', async () => {
    const implemented = new Set<string>();
    for (const file of routeFiles()) {
      const routeModule = (await import(file)) as Record<string, ApiRouteHandler | undefined>;
      const apiPath = apiPathOf(file);
      if (apiPath === '[...rest]' || apiPath === 'openapi.json') continue; // the JSON 404 and the document
      for (const method of METHODS) {
        const handler = routeModule[method];
        if (!handler) continue;
        expect(handler.operation, `${method} ${apiPath} is built without an operation`).toBeDefined();
        expect(OPERATIONS).toContain(handler.operation);
        expect(handler.operation.method).toBe(method.toLowerCase());
        // Next names a "{personId}.pdf" segment by the whole file name.
        expect(handler.operation.path.replace('{personId}.pdf', '{file}')).toBe(`/${apiPath}`);
        implemented.add(handler.operation.operationId);
      }
    }
    expect([...implemented].sort()).toEqual(OPERATIONS.map((operation) => operation.operationId).sort());
  });
});

describe('the contract check every API test runs', () => {
  const me = { method: 'get', path: '/me' } as const;
  const valid = { id: 'p1', email: 'a@b.c', name: 'A', roles: ['CONTRIBUTOR'], referentOf: [] };

  it('accepts an answer the document describes', () => {
    expect(() =>
      assertDocumentedAnswer(me, { status: 200, contentType: 'application/json', body: valid }),
    ).not.toThrow();
    const error = { error: { code: 'UNAUTHENTICATED', message: 'Sign in' } };
    expect(() =>
      assertDocumentedAnswer(me, { status: 401, contentType: 'application/json', body: error }),
    ).not.toThrow();
  });

  it.each<[string, number, unknown]>([
    ['an undocumented status', 418, { error: { code: 'TEAPOT', message: 'no' } }],
    ['a 500', 500, { error: { code: 'INTERNAL', message: 'logged' } }],
    ['a missing field', 200, { ...valid, email: undefined }],
    ['a field of the wrong type', 200, { ...valid, roles: 'ADMIN' }],
    ['a role outside the enum', 200, { ...valid, roles: ['KING'] }],
    ['an error without a message', 401, { error: { code: 'UNAUTHENTICATED' } }],
  ])('refuses %s', (_label, status, body) => {
    expect(() => assertDocumentedAnswer(me, { status, contentType: 'application/json', body })).toThrow(
      ContractViolation,
    );
  });

  it('refuses a file of another type than documented', () => {
    const csv = { method: 'get', path: '/periods/{id}/exports/payouts.csv' } as const;
    expect(() =>
      assertDocumentedAnswer(csv, { status: 200, contentType: 'text/csv; charset=utf-8', body: 'a;b' }),
    ).not.toThrow();
    expect(() => assertDocumentedAnswer(csv, { status: 200, contentType: 'application/pdf', body: '%PDF' })).toThrow(
      ContractViolation,
    );
  });
});
