import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newContributionId } from './insert';
import { IMPORT_OPERATIONS } from './openapi';
import { ZDryRunOut, ZImportRequest } from './schemas';

describe('the import in the OpenAPI document', () => {
  it('describes its body and answer as JSON Schema', () => {
    for (const operation of IMPORT_OPERATIONS) {
      for (const [schema, io] of [
        [operation.body, 'input'],
        [operation.responses[201] as z.ZodType, 'output'],
        [ZDryRunOut, 'output'],
      ] as const) {
        expect(() => z.toJSONSchema(schema!, { io, unrepresentable: 'any', target: 'openapi-3.0' })).not.toThrow();
      }
    }
    const body = z.toJSONSchema(ZImportRequest, { io: 'input', target: 'openapi-3.0' }) as {
      properties: Record<string, unknown>;
      required: string[];
    };
    expect(Object.keys(body.properties).sort()).toEqual(['approve', 'csv', 'dryRun', 'fileName']);
    expect(body.required).toEqual(['csv']);
  });

  it('takes a dry run and approval as optional, off by default', () => {
    expect(ZImportRequest.parse({ csv: 'x' })).toEqual({ csv: 'x', dryRun: false, approve: false });
  });
});

describe('newContributionId', () => {
  it('makes distinct ids shaped like the others', () => {
    const ids = Array.from({ length: 10_000 }, () => newContributionId());
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids.slice(0, 100)) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });
});
