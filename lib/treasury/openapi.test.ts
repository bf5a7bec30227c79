// Each documented treasury endpoint is a route that exists and exports its method, and its
// schemas turn into JSON Schema (what the OpenAPI document is made of).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { TREASURY_OPERATIONS } from './openapi';

/** "/periods/{id}/exports/statements/{personId}.pdf" → app/api/v1/periods/[id]/exports/statements/[file]/route.ts */
function routeFile(apiPath: string): string {
  const segments = apiPath
    .slice(1)
    .split('/')
    .map((segment) => (/^\{\w+\}\.\w+$/.test(segment) ? '[file]' : segment.replace(/^\{(\w+)\}$/, '[$1]')));
  return path.resolve('app/api/v1', ...segments, 'route.ts');
}

describe('TREASURY_OPERATIONS', () => {
  it.each(
    TREASURY_OPERATIONS.map((operation) => [`${operation.method.toUpperCase()} ${operation.path}`, operation] as const),
  )('%s has its route', (_name, operation) => {
    const file = routeFile(operation.path);
    expect(fs.existsSync(file), file).toBe(true);
    expect(fs.readFileSync(file, 'utf8')).toContain(`export const ${operation.method.toUpperCase()} = apiRoute(`);
  });

  it.each(
    TREASURY_OPERATIONS.map((operation) => [`${operation.method.toUpperCase()} ${operation.path}`, operation] as const),
  )('%s documents its schemas', (_name, operation) => {
    for (const schema of [operation.params, operation.query, operation.body])
      if (schema)
        expect(() =>
          z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', target: 'openapi-3.0' }),
        ).not.toThrow();
    if (operation.response?.schema)
      expect(() =>
        z.toJSONSchema(operation.response!.schema!, { io: 'output', unrepresentable: 'any', target: 'openapi-3.0' }),
      ).not.toThrow();
    expect(operation.response?.schema || operation.response?.contentType).toBeTruthy();
  });
});
