// The OpenAPI document of /api/v1, generated from the very operations the route handlers are built
// from (apiRoute takes one), so the document describes what the handlers parse and answer. A new
// domain lists its operations here.
import { z, type ZodType } from 'zod';
import type { Operation, SuccessResponse } from '@/lib/api/openapi-types';
import { CORE_OPERATIONS } from '@/lib/api/operations';
import { ZErrorOut } from '@/lib/api/schemas';
import { PEOPLE_OPERATIONS } from '@/lib/people/openapi';
import { CONTRIBUTION_OPERATIONS } from '@/lib/contributions/openapi';
import { PERIOD_OPERATIONS } from '@/lib/periods/openapi';
import { PLAN_OPERATIONS } from '@/lib/plans/openapi';
import { REPORT_OPERATIONS } from '@/lib/plans/report-openapi';
import { IMPORT_OPERATIONS } from '@/lib/import/openapi';
import { PAYEE_OPERATIONS } from '@/lib/payees/openapi';
import { EXPORT_OPERATIONS } from '@/lib/exports/openapi';
import { TREASURY_OPERATIONS } from '@/lib/treasury/openapi';
import { PERSONAL_DATA_OPERATIONS } from '@/lib/people/data-openapi';
import { CLAIM_OPERATIONS } from '@/lib/claims/openapi';
import { SETTINGS_OPERATIONS } from '@/lib/settings/openapi';

export const OPERATIONS: Operation[] = [
  ...CORE_OPERATIONS,
  ...PEOPLE_OPERATIONS,
  ...CONTRIBUTION_OPERATIONS,
  ...PERIOD_OPERATIONS,
  ...PLAN_OPERATIONS,
  ...REPORT_OPERATIONS,
  ...IMPORT_OPERATIONS,
  ...PAYEE_OPERATIONS,
  ...EXPORT_OPERATIONS,
  ...TREASURY_OPERATIONS,
  ...PERSONAL_DATA_OPERATIONS,
  ...CLAIM_OPERATIONS,
  ...SETTINGS_OPERATIONS,
];

type JsonSchema = Record<string, unknown>;

const INT4 = { minimum: -2_147_483_648, maximum: 2_147_483_647 };
/** Money and durations: integer cents and minutes, never negative. */
const COUNT_NAME = /(Cents|Minutes|^minutes)$/;

/**
 * What zod cannot know: every integer the API carries is a PostgreSQL integer (int4), and money
 * and durations are never negative; an OpenAPI 3.0 nullable enum lists null among its values.
 */
function tighten(schema: unknown, name = ''): void {
  if (!schema || typeof schema !== 'object') return;
  if (Array.isArray(schema)) {
    for (const item of schema) tighten(item, name);
    return;
  }
  const node = schema as JsonSchema;
  if (node.type === 'integer') {
    if (node.minimum === Number.MIN_SAFE_INTEGER) node.minimum = COUNT_NAME.test(name) ? 0 : INT4.minimum;
    if (node.maximum === Number.MAX_SAFE_INTEGER) node.maximum = INT4.maximum;
  }
  if (node.nullable === true && Array.isArray(node.enum) && !node.enum.includes(null)) node.enum.push(null);
  for (const [key, value] of Object.entries(node)) {
    if (key === 'properties' && value && typeof value === 'object') {
      for (const [property, child] of Object.entries(value)) tighten(child, property);
    } else if (key !== 'enum' && key !== 'required') tighten(value, key === 'items' ? name : '');
  }
}

function jsonSchema(schema: ZodType, io: 'input' | 'output'): JsonSchema {
  // Form-friendly preprocessing (a checkbox list as one string) is not representable; the API
  // takes the plain JSON form, which is what the document describes.
  const converted = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'openapi-3.0' }) as JsonSchema;
  tighten(converted);
  return converted;
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

function successResponse(response: SuccessResponse) {
  if (response === null) return { description: 'Success, no content' };
  if ('contentType' in response)
    return {
      description: 'Success: a file',
      content: Object.fromEntries(
        [response.contentType]
          .flat()
          .map((contentType) => [contentType, { schema: { type: 'string', format: 'binary' } }]),
      ),
    };
  return { description: 'Success', content: { 'application/json': { schema: jsonSchema(response, 'output') } } };
}

/** The error answers an operation may give: those every operation of its kind gives, and its own. */
export function errorStatuses(operation: Operation): Record<number, string> {
  const statuses: Record<number, string> = {};
  if (operation.params || operation.query || operation.body || operation.upload)
    statuses[400] = 'VALIDATION (error.fields names each refused field) or BAD_REQUEST (not JSON)';
  if (!operation.public) {
    statuses[401] = 'UNAUTHENTICATED: no valid token or session';
    statuses[403] = 'FORBIDDEN: not allowed to the caller (or a cross-site request)';
  }
  if (operation.params) statuses[404] = 'NOT_FOUND: no such record, or not one the caller may see';
  return { ...statuses, ...operation.errors, 503: 'DATABASE_UNAVAILABLE: try again in a moment' };
}

export function buildOpenApiDocument(serverUrl = '/api/v1') {
  const errorContent = { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } };
  const paths: Record<string, Record<string, unknown>> = {};
  for (const operation of OPERATIONS) {
    const responses: Record<string, unknown> = {};
    for (const [status, response] of Object.entries(operation.responses)) responses[status] = successResponse(response);
    for (const [status, description] of Object.entries(errorStatuses(operation)))
      responses[status] = { description, content: errorContent };
    paths[operation.path] ??= {};
    paths[operation.path][operation.method] = {
      operationId: operation.operationId,
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
      ...(operation.upload
        ? {
            requestBody: {
              required: true,
              content: {
                'multipart/form-data': {
                  schema: {
                    type: 'object',
                    required: [operation.upload.field],
                    properties: {
                      [operation.upload.field]: {
                        type: 'string',
                        format: 'binary',
                        description: `at most ${operation.upload.maxBytes} bytes`,
                      },
                    },
                  },
                },
              },
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
      license: { name: 'AGPL-3.0-or-later', url: 'https://www.gnu.org/licenses/agpl-3.0.html' },
      description:
        'Contributive budgets: contributions, reviews, periods and payouts. Errors are { "error": { "code", "message", "fields"?, "details"? } }. Money is in integer cents, durations in integer minutes, dates YYYY-MM-DD.',
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
      schemas: { Error: jsonSchema(ZErrorOut, 'output') },
    },
    security: [{ bearer: [] }],
    paths,
  };
}
