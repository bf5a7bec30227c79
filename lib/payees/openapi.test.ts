// The payee operations can be turned into the OpenAPI document: each schema converts the way
// lib/api/openapi.ts converts them, and the document says what a caller must send.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PAYEE_OPERATIONS } from './openapi';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };

describe('PAYEE_OPERATIONS', () => {
  it('documents GET and PUT of one’s own profile and GET of a person’s', () => {
    expect(PAYEE_OPERATIONS.map((operation) => `${operation.method.toUpperCase()} ${operation.path}`)).toEqual([
      'GET /me/payout-profile',
      'PUT /me/payout-profile',
      'GET /people/{id}/payout-profile',
    ]);
  });

  it.each(PAYEE_OPERATIONS.map((operation) => [`${operation.method} ${operation.path}`, operation] as const))(
    '%s converts to JSON schema',
    (_name, operation) => {
      if (operation.params) expect(jsonSchema(operation.params, 'input').properties).toHaveProperty('id');
      if (operation.body) {
        const body = jsonSchema(operation.body, 'input');
        expect(body.required).toEqual(['legalName']);
        expect(Object.keys(body.properties ?? {})).toEqual(
          expect.arrayContaining([
            'payeeType',
            'organisationName',
            'legalName',
            'iban',
            'bic',
            'siret',
            'postalCode',
            'country',
          ]),
        );
      }
      expect(Object.keys(jsonSchema(operation.responses[200] as z.ZodType, 'output').properties ?? {})).toEqual(
        expect.arrayContaining(['iban', 'ibanMasked', 'payeeKey', 'payeeName']),
      );
    },
  );
});
