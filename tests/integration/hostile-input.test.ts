// Hostile input never yields a 5xx, and every error is `{ "error": { "code", "message" } }`. The
// test reads the OpenAPI document as served (GET /api/v1/openapi.json) and, for every operation,
// every path parameter, query parameter and body field, sends NUL bytes, year-0000 and 2026-02-30
// dates, 1 MB strings, wrong types and deep nesting, as every role and anonymously; paths with
// bad percent-encoding go through proxy.ts as Next would send them. A route added tomorrow is
// walked the same way, so it cannot regress unseen.
import { appendFileSync } from 'node:fs';
import { NextRequest } from 'next/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import * as unknownApiPath from '@/app/api/[...rest]/route';
import { proxy } from '@/proxy';
import { createApiToken } from '@/lib/tokens/api-tokens';
import { createChantier, createPerson, resetDatabase } from '../support/database';

type Schema = {
  type?: string;
  format?: string;
  enum?: unknown[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  nullable?: boolean;
  default?: unknown;
  minimum?: number;
  pattern?: string;
};
type Parameter = { name: string; in: 'path' | 'query'; required?: boolean; schema: Schema };
type Operation = {
  parameters?: Parameter[];
  requestBody?: { content: Record<string, { schema: Schema }> };
};
type Handler = (request: Request, context: { params: Promise<Record<string, string | string[]>> }) => Promise<Response>;

const ROUTE_FILES = import.meta.glob<Record<string, Handler>>('../../app/api/v1/**/route.ts');

const MEGABYTE_STRING = 'x'.repeat(1024 * 1024);
const deepNesting = (depth: number): unknown => {
  let value: unknown = 'leaf';
  for (let level = 0; level < depth; level++) value = { a: [value] };
  return value;
};
const HOSTILE_VALUES: [string, unknown][] = [
  ['NUL byte', 'a\u0000b'],
  ['NUL only', '\u0000'],
  ['year 0000', '0000-01-01'],
  ['2026-02-30', '2026-02-30'],
  ['1 MB string', MEGABYTE_STRING],
  ['decomposed accent', 'Chloe\u0301'],
  ['a number for anything', 12.5],
  ['an object for anything', { nested: true }],
  ['an array for anything', ['a', 'b']],
  ['null', null],
  ['a boolean for anything', false],
  ['deep nesting', deepNesting(2000)],
];
/** Nested far deeper than any stack: written as text, since JSON.stringify itself would overflow. */
const DEEP_RAW_BODY = `{"a":${'['.repeat(100_000)}${']'.repeat(100_000)}}`;
const HOSTILE_TEXT: [string, string][] = HOSTILE_VALUES.filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string',
);
const BAD_PERCENT = ['%FF', '%C0%AF', '%', '%E0%A4%A', 'a%00b'];

/** A plausible value for a schema, so each field is attacked while the others are ordinary. */
function sample(schema: Schema | undefined, name = ''): unknown {
  if (!schema) return 'x';
  if (schema.default !== undefined) return schema.default;
  if (schema.enum?.length) return schema.enum[0];
  const alternatives = schema.anyOf ?? schema.oneOf ?? schema.allOf;
  if (alternatives?.length) return sample(alternatives.find((option) => option.type !== 'null') ?? alternatives[0]);
  switch (schema.type) {
    case 'integer':
    case 'number':
      return Math.max(schema.minimum ?? 1, 1);
    case 'boolean':
      return false;
    case 'array':
      return [sample(schema.items)];
    case 'object':
      return Object.fromEntries(
        Object.entries(schema.properties ?? {}).map(([key, property]) => [key, sample(property, key)]),
      );
    default:
      if (schema.format === 'date' || /date|day|from|to|paidOn|week|start/i.test(name)) return '2026-03-02';
      if (schema.format === 'email' || /email/i.test(name)) return 'someone@test.local';
      return 'x';
  }
}

/** The route module and params Next would pick for a concrete path, as its router does. */
async function resolveRoute(
  path: string,
): Promise<{ handlers: Record<string, Handler>; params: Record<string, string> }> {
  const segments = path.split('/').filter(Boolean);
  let best: { file: string; params: Record<string, string>; dynamic: number } | undefined;
  for (const file of Object.keys(ROUTE_FILES)) {
    const pattern = file
      .replace('../../app/api/v1/', '')
      .replace(/\/?route\.ts$/, '')
      .split('/')
      .filter(Boolean);
    if (pattern.some((part) => part.startsWith('[...')) || pattern.length !== segments.length) continue;
    const params: Record<string, string> = {};
    let dynamic = 0;
    const matches = pattern.every((part, index) => {
      const dynamicName = /^\[(\w+)\]$/.exec(part)?.[1];
      if (dynamicName) {
        params[dynamicName] = segments[index];
        dynamic++;
        return true;
      }
      return part === segments[index];
    });
    if (matches && (!best || dynamic < best.dynamic)) best = { file, params, dynamic };
  }
  if (!best) throw new Error(`No route file serves ${path}`);
  return { handlers: await ROUTE_FILES[best.file](), params: best.params };
}

/** JSON bodies of the wrong kind altogether, sent in place of an operation's object. */
const WRONG_WHOLE_BODIES: [string, string][] = [
  ['null', 'null'],
  ['an empty array', '[]'],
  ['an array of objects', '[{}]'],
  ['a string', '"bonjour"'],
  ['an empty string', '""'],
  ['a number', '42'],
  ['zero', '0'],
  ['a huge number', '1e400'],
  ['true', 'true'],
  ['false', 'false'],
];

type Call = {
  method: string;
  pathParams: Record<string, string>;
  query: Record<string, string>;
  body?: unknown;
  rawBody?: string;
  token?: string;
};

async function send(template: string, call: Call): Promise<{ status: number; text: string; type: string | null }> {
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => call.pathParams[name] ?? 'no-such-id');
  const { handlers, params } = await resolveRoute(template.replace(/\{\w+\}/g, 'some-id'));
  // Next hands a handler its decoded params: the hostile value itself, not its escaped form.
  for (const [name, value] of Object.entries(call.pathParams)) if (name in params) params[name] = value;
  const handler = handlers[call.method.toUpperCase()];
  if (!handler) throw new Error(`${call.method} ${template}: the document lists it, the route file does not`);
  const url = new URL(`http://localhost:3000/api/v1${path.replace(/\u0000/g, '%00')}`);
  for (const [name, value] of Object.entries(call.query)) url.searchParams.set(name, value);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (call.token) headers.authorization = `Bearer ${call.token}`;
  const hasBody = call.rawBody !== undefined || call.body !== undefined;
  const request = new Request(url, {
    method: call.method.toUpperCase(),
    headers,
    body: hasBody ? (call.rawBody ?? JSON.stringify(call.body)) : undefined,
  });
  const started = performance.now();
  const response = await handler(request, { params: Promise.resolve(params) });
  const elapsed = performance.now() - started;
  if (process.env.HOSTILE_TRACE)
    appendFileSync(
      process.env.HOSTILE_TRACE,
      `${Math.round(elapsed)} ms ${call.method} ${template} ${response.status}\n`,
    );
  return { status: response.status, text: await response.text(), type: response.headers.get('content-type') };
}

function expectCleanAnswer(label: string, answer: { status: number; text: string; type: string | null }) {
  expect(answer.status, `${label} → ${answer.status} ${answer.text.slice(0, 300)}`).toBeLessThan(500);
  if (answer.status >= 400) {
    expect(answer.type, `${label}: an error must be JSON`).toMatch(/^application\/json/);
    const body = JSON.parse(answer.text);
    expect(typeof body?.error?.code, `${label}: ${answer.text.slice(0, 200)}`).toBe('string');
    expect(typeof body?.error?.message, `${label}: ${answer.text.slice(0, 200)}`).toBe('string');
    // The database's own words never reach a caller.
    expect(answer.text, label).not.toMatch(/prisma|invocation|22021|22008|postgres/i);
  }
}

let document: { paths: Record<string, Record<string, Operation>> };
const roles: { name: string; token?: string }[] = [{ name: 'anonymous' }];
// HOSTILE_ROLES=admin runs one role only, for a quicker look while working on a route.
const onlyRoles = process.env.HOSTILE_ROLES?.split(',');

beforeAll(async () => {
  await resetDatabase();
  const chantier = await createChantier();
  const people = {
    admin: await createPerson({ roles: ['ADMIN'] }),
    treasurer: await createPerson({ roles: ['TREASURER'] }),
    referent: await createPerson({ referentOf: [chantier.id] }),
    contributor: await createPerson(),
  };
  for (const [name, person] of Object.entries(people)) {
    roles.push({ name, token: (await createApiToken({ personId: person.id, name: 'hostile' })).token });
  }
  const served = await getOpenApi();
  expect(served.status).toBe(200);
  document = await served.json();
});

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );

describe('hostile input, over every operation of the served OpenAPI document', () => {
  it('covers a real document', () => {
    expect(operations().length).toBeGreaterThan(30);
  });

  it('never answers 5xx, and every error has the JSON shape, for every role, operation and field', async () => {
    let calls = 0;
    for (const role of roles.filter((entry) => !onlyRoles || onlyRoles.includes(entry.name))) {
      const roleStarted = performance.now();
      for (const { path, method, operation } of operations()) {
        const parameters = operation.parameters ?? [];
        const bodySchema = operation.requestBody?.content['application/json']?.schema;
        const baseBody = bodySchema ? sample(bodySchema) : undefined;
        const baseQuery = Object.fromEntries(
          parameters
            .filter((parameter) => parameter.in === 'query' && parameter.required)
            .map((parameter) => [parameter.name, String(sample(parameter.schema, parameter.name))]),
        );
        const base: Call = { method, pathParams: {}, query: baseQuery, body: baseBody, token: role.token };
        const label = (what: string) => `${role.name} ${method.toUpperCase()} ${path} ${what}`;

        expectCleanAnswer(label('ordinary'), await send(path, base));
        calls++;
        for (const parameter of parameters) {
          for (const [name, value] of HOSTILE_TEXT) {
            const call =
              parameter.in === 'path'
                ? { ...base, pathParams: { [parameter.name]: value } }
                : { ...base, query: { ...base.query, [parameter.name]: value } };
            expectCleanAnswer(label(`${parameter.in} ${parameter.name} = ${name}`), await send(path, call));
            calls++;
          }
        }
        if (bodySchema) {
          const fields = Object.keys(bodySchema.properties ?? {});
          for (const field of fields) {
            for (const [name, value] of HOSTILE_VALUES) {
              const body = { ...(baseBody as Record<string, unknown>), [field]: value };
              expectCleanAnswer(label(`body ${field} = ${name}`), await send(path, { ...base, body }));
              calls++;
            }
          }
          for (const [name, rawBody] of [
            ['not JSON', '{"a":'],
            ['a bare string', '"\\u0000"'],
            ['an array', '[1,2,3]'],
            ['deep nesting', DEEP_RAW_BODY],
            ['a NUL key', '{"\\u0000":1}'],
          ]) {
            expectCleanAnswer(label(`body ${name}`), await send(path, { ...base, body: undefined, rawBody }));
            calls++;
          }
          // A whole body that is not an object is refused as such: never a 5xx, never a success.
          for (const [name, rawBody] of WRONG_WHOLE_BODIES) {
            const answer = await send(path, { ...base, body: undefined, rawBody });
            expectCleanAnswer(label(`whole body ${name}`), answer);
            expect(
              answer.status,
              label(`whole body ${name} → ${answer.status} ${answer.text.slice(0, 200)}`),
            ).toBeGreaterThanOrEqual(400);
            calls++;
          }
        }
      }
      console.info(`${role.name}: ${calls} calls so far, ${Math.round(performance.now() - roleStarted)} ms`);
    }
    if (!onlyRoles) expect(calls).toBeGreaterThan(1000);
  }, 900_000);
});

describe('paths with bad percent-encoding', () => {
  it('are answered 400 JSON by the proxy, before any route, on every operation', async () => {
    for (const { path, method } of operations()) {
      for (const bad of BAD_PERCENT) {
        const concrete = path.includes('{') ? path.replace(/\{\w+\}/, bad) : `${path}/${bad}`;
        const request = new NextRequest(`http://localhost:3000/api/v1${concrete}`, { method: method.toUpperCase() });
        const response = proxy(request);
        const label = `${method.toUpperCase()} ${concrete}`;
        if (bad === 'a%00b') {
          // Valid encoding: the route itself refuses the NUL (checked above), the proxy lets it by —
          // unless the path, one segment longer, is a route without this method (POST /tokens/{id}):
          // then the proxy's JSON 405 (tests/integration/route-methods.test.ts).
          if (response.status === 405) expect(response.headers.get('allow'), label).toBeTruthy();
          else expect(response.headers.get('x-middleware-next'), label).toBe('1');
          continue;
        }
        expectCleanAnswer(label, {
          status: response.status,
          text: await response.text(),
          type: response.headers.get('content-type'),
        });
        expect(response.status, label).toBe(400);
      }
    }
  });
});

describe('unknown API paths', () => {
  it('answer a JSON 404 for every method', async () => {
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS'] as const) {
      const response = await (unknownApiPath[method] as () => Response)();
      expectCleanAnswer(`${method} /api/nothing`, {
        status: response.status,
        text: await response.text(),
        type: response.headers.get('content-type'),
      });
      expect(response.status).toBe(404);
    }
  });
});

describe('server actions, as the proxy sees them', () => {
  const action = (headers: Record<string, string>) =>
    proxy(
      new NextRequest('http://localhost:3000/profile', {
        method: 'POST',
        headers: { host: 'localhost:3000', 'next-action': '7f00', ...headers },
      }),
    );

  it.each([
    ['a foreign origin', { origin: 'http://evil.test', 'content-length': '2' }, 403],
    ['Origin: null', { origin: 'null', 'content-length': '2' }, 403],
    ['a malformed origin', { origin: 'no url at all', 'content-length': '2' }, 403],
    ['another scheme', { origin: 'https://localhost:3000', 'content-length': '2' }, 403],
    ['a 7 MB body', { origin: 'http://localhost:3000', 'content-length': String(7 * 1024 * 1024) }, 413],
    ['no length (chunked)', { origin: 'http://localhost:3000' }, 411],
  ])('%s: a 4xx, never a 500', async (_, headers, status) => {
    const response = action(headers);
    expect(response.status).toBe(status);
    expect(JSON.parse(await response.text()).error.code).toMatch(/^[A-Z_]+$/);
  });

  it('lets a same-origin action of ordinary size through', () => {
    const response = action({ origin: 'http://localhost:3000', 'content-length': '2' });
    expect(response.headers.get('x-middleware-next')).toBe('1');
  });
});

describe('yes/no fields are strict', () => {
  it.each(['maybe', 'yes', 1, 'TRUE'])(
    'volunteer and submit refuse %j instead of reading it as false',
    async (value) => {
      const { handlers } = await resolveRoute('/contributions');
      const contributor = roles.find((role) => role.name === 'contributor')!;
      for (const field of ['volunteer', 'submit']) {
        const response = await handlers.POST(
          new Request('http://localhost:3000/api/v1/contributions', {
            method: 'POST',
            headers: { 'content-type': 'application/json', authorization: `Bearer ${contributor.token}` },
            body: JSON.stringify({
              date: '2026-03-02',
              chantierId: 'x',
              minutes: 60,
              description: 'Atelier',
              [field]: value,
            }),
          }),
          { params: Promise.resolve({}) },
        );
        expect(response.status).toBe(400);
        expect((await response.json()).error.fields).toHaveProperty(field);
      }
    },
  );
});
