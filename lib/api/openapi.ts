// The OpenAPI document of /api/v1, generated from the very zod schemas the handlers parse with,
// so the documentation cannot drift from the code. New endpoints add an entry to OPERATIONS.
import { z, type ZodType } from 'zod';
import type { Operation } from '@/lib/api/openapi-types';
import { CONTRIBUTION_OPERATIONS } from '@/lib/contributions/openapi';
import { PERIOD_OPERATIONS } from '@/lib/periods/openapi';
import { IMPORT_OPERATIONS } from '@/lib/import/openapi';
import { PAYEE_OPERATIONS } from '@/lib/payees/openapi';
import { EXPORT_OPERATIONS } from '@/lib/exports/openapi';
import { TREASURY_OPERATIONS } from '@/lib/treasury/openapi';
import {
  ZChantierOut,
  ZErrorOut,
  ZIdParams,
  ZMe,
  ZPlaceOut,
  ZTokenCreate,
  ZTokenCreated,
  listOf,
} from '@/lib/api/schemas';
import { ZPagination, ZPersonInvite, ZPersonListItem, ZPersonOut } from '@/lib/people/schemas';

export const OPERATIONS: Operation[] = [
  {
    method: 'post',
    path: '/tokens',
    summary: 'Create a personal API token',
    who: 'anyone, rate limited',
    public: true,
    body: ZTokenCreate,
    response: { status: 201, schema: ZTokenCreated },
  },
  {
    method: 'delete',
    path: '/tokens/{id}',
    summary: 'Revoke one of your tokens',
    who: 'the token owner',
    params: ZIdParams,
    response: { status: 204 },
  },
  { method: 'get', path: '/me', summary: 'Who you are', who: 'signed in', response: { status: 200, schema: ZMe } },
  {
    method: 'get',
    path: '/people',
    summary: 'The people of the collective',
    who: 'signed in (emails only for admins, treasurers, a referent for the people of their chantiers, and oneself)',
    query: ZPagination,
    response: { status: 200, schema: listOf(ZPersonListItem) },
  },
  {
    method: 'post',
    path: '/people',
    summary: 'Invite a person',
    who: 'admin',
    body: ZPersonInvite,
    response: { status: 201, schema: ZPersonOut.extend({ invitationUrl: z.string(), invitationEmailed: z.boolean() }) },
  },
  {
    method: 'get',
    path: '/chantiers',
    summary: 'The chantiers',
    who: 'signed in',
    response: { status: 200, schema: listOf(ZChantierOut) },
  },
  {
    method: 'get',
    path: '/places',
    summary: 'The places',
    who: 'signed in',
    response: { status: 200, schema: listOf(ZPlaceOut) },
  },
  ...CONTRIBUTION_OPERATIONS,
  ...PERIOD_OPERATIONS,
  ...IMPORT_OPERATIONS,
  ...PAYEE_OPERATIONS,
  ...EXPORT_OPERATIONS,
  ...TREASURY_OPERATIONS,
];

function jsonSchema(schema: ZodType, io: 'input' | 'output') {
  // Form-friendly preprocessing (a checkbox list as one string) is not representable; the API
  // takes the plain JSON form, which is what the document describes.
  return z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' });
}

function parameters(schema: ZodType | undefined, where: 'path' | 'query') {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, object>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
}

export function buildOpenApiDocument(serverUrl = '/api/v1') {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const responses: Record<string, unknown> = {
      [operation.response?.status ?? 200]: operation.response?.schema
        ? {
            description: 'Success',
            content: { 'application/json': { schema: jsonSchema(operation.response.schema, 'output') } },
          }
        : operation.response?.contentType
          ? { description: 'Success', content: { [operation.response.contentType]: {} } }
          : { description: 'Success, no content' },
      '4XX': { description: 'An error', content: { 'application/json': { schema: jsonSchema(ZErrorOut, 'output') } } },
    };
    paths[operation.path] ??= {};
    paths[operation.path][operation.method] = {
      summary: operation.summary,
      description: `Who: ${operation.who}.`,
      ...(operation.public ? { security: [] } : {}),
      parameters: [...parameters(operation.params, 'path'), ...parameters(operation.query, 'query')],
      ...(operation.body
        ? {
            requestBody: {
              required: true,
              content: { 'application/json': { schema: jsonSchema(operation.body, 'input') } },
            },
          }
        : {}),
      responses,
    };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Butin API',
      version: '1',
      description:
        'Contributive budgets: contributions, reviews, periods and payouts. Errors are { "error": { "code", "message" } }. Money is in integer cents, durations in integer minutes, dates YYYY-MM-DD.',
    },
    servers: [{ url: serverUrl }],
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description: 'A personal API token (POST /tokens or the profile page)',
        },
      },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
