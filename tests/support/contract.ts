// Every API answer a test receives is held to the OpenAPI document: its status must be one the
// operation lists, and its body must match the schema listed for that status (ajv), with no field
// the document leaves out. So each API test is also a test that the published contract is true.
import { Ajv, type ValidateFunction } from 'ajv';
import { default as addFormatsModule } from 'ajv-formats';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import type { Operation } from '@/lib/api/openapi-types';

type ResponseObject = { description: string; content?: Record<string, { schema?: Record<string, unknown> }> };
type OperationObject = { responses: Record<string, ResponseObject> };

const document = buildOpenApiDocument();
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const ajv = addFormats(new Ajv({ strict: false, allErrors: true }));
const validators = new Map<string, ValidateFunction>();

function resolve(schema: Record<string, unknown>): Record<string, unknown> {
  const ref = schema.$ref;
  if (typeof ref !== 'string') return schema;
  const name = ref.replace('#/components/schemas/', '');
  return (document.components.schemas as Record<string, Record<string, unknown>>)[name];
}

/** Answers carry no field the document leaves out: objects with listed properties are closed. */
function closed(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(closed);
  if (!schema || typeof schema !== 'object') return schema;
  const copy = Object.fromEntries(Object.entries(schema).map(([key, value]) => [key, closed(value)]));
  if (copy.type === 'object' && copy.properties && copy.additionalProperties === undefined)
    copy.additionalProperties = false;
  return copy;
}

function validatorFor(key: string, schema: Record<string, unknown>): ValidateFunction {
  let validate = validators.get(key);
  if (!validate) {
    validate = ajv.compile(closed(resolve(schema)) as object);
    validators.set(key, validate);
  }
  return validate;
}

export class ContractViolation extends Error {}

/** Throws a ContractViolation when the answer is not one the document describes for this operation. */
export function assertDocumentedAnswer(
  operation: Pick<Operation, 'method' | 'path'>,
  answer: { status: number; contentType: string | null; body: unknown },
): void {
  const name = `${operation.method.toUpperCase()} ${operation.path}`;
  const documented = (document.paths[operation.path]?.[operation.method] as OperationObject | undefined)?.responses;
  if (!documented) throw new ContractViolation(`${name} is not in the OpenAPI document`);
  const response = documented[String(answer.status)] ?? documented[`${String(answer.status)[0]}XX`];
  if (!response)
    throw new ContractViolation(
      `${name} answered ${answer.status}, a status the OpenAPI document does not list (${Object.keys(documented).join(', ')}): ${JSON.stringify(answer.body)}`,
    );
  if (!response.content) {
    if (answer.body !== null && answer.body !== '')
      throw new ContractViolation(`${name} answered ${answer.status} with a body the document says it has not`);
    return;
  }
  const [mediaType, media] = Object.entries(response.content)[0];
  if (mediaType !== 'application/json') {
    // A file may be of one of several listed types (a receipt is a PDF or an image).
    const listed = Object.keys(response.content);
    if (!listed.some((type) => answer.contentType?.startsWith(type.split(';')[0].trim())))
      throw new ContractViolation(`${name} answered ${answer.contentType}, the document says ${listed.join(' or ')}`);
    return;
  }
  const validate = validatorFor(`${name} ${answer.status}`, media.schema ?? {});
  if (!validate(answer.body))
    throw new ContractViolation(
      `${name} answered ${answer.status} with a body that does not match the OpenAPI document: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body).slice(0, 2000)}`,
    );
}

/** The same check for a raw Response of a route handler (files, streams): read from a clone. */
export async function assertDocumentedResponse(handler: object, response: Response): Promise<void> {
  const { operation } = handler as { operation?: Pick<Operation, 'method' | 'path'> };
  if (!operation) return;
  const contentType = response.headers.get('content-type');
  const text = await response.clone().text();
  const body = text && contentType?.startsWith('application/json') ? JSON.parse(text) : text || null;
  assertDocumentedAnswer(operation, { status: response.status, contentType, body });
}
