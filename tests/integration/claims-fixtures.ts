// Helpers of the claims' integration tests: files of each accepted type (a few real bytes each),
// uploads and downloads through the route handlers, checked against the OpenAPI document.
import { assertDocumentedResponse } from '../support/contract';

type Handler = ((request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
  operation?: unknown;
};

/** A 1×1 PNG. */
export const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
/** The start of a JPEG (SOI, APP0 JFIF). */
export const JPEG = Buffer.concat([
  Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10]),
  Buffer.from('JFIF\0', 'latin1'),
  Buffer.alloc(64, 1),
]);
/** A small PDF. */
export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
/** An HTML page that would run script if a browser rendered it. */
export const HTML = Buffer.from('<!doctype html><html><body><script>alert(1)</script></body></html>');

/** A multipart request carrying `bytes` as the field `file` named `name`. */
export function uploadRequest(path: string, bytes: Uint8Array, name: string, token?: string): Request {
  const form = new FormData();
  form.append('file', new File([new Uint8Array(bytes)], name));
  return new Request(`http://localhost:3000${path}`, {
    method: 'POST',
    body: form,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** Calls a route handler with a request, checks the answer against the OpenAPI document, returns it. */
export async function callRaw(
  handler: Handler,
  request: Request,
  params: Record<string, string>,
): Promise<{ status: number; headers: Headers; bytes: Buffer; json: any }> {
  const response = await handler(request, { params: Promise.resolve(params) });
  await assertDocumentedResponse(handler, response);
  const bytes = Buffer.from(await response.arrayBuffer());
  const json = response.headers.get('content-type')?.startsWith('application/json')
    ? JSON.parse(bytes.toString('utf8'))
    : null;
  return { status: response.status, headers: response.headers, bytes, json };
}

export function getRequest(path: string, token?: string, method = 'GET'): Request {
  return new Request(`http://localhost:3000${path}`, {
    method,
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

/** Rows of the claims' tables, in one query: what "nothing saved" compares before and after. */
export async function claimTableCounts(): Promise<Record<string, number>> {
  const { db } = await import('@/lib/db');
  const [row] = await db().$queryRaw<Record<string, number>[]>`
    SELECT (SELECT count(*)::int FROM claims) AS claims,
           (SELECT count(*)::int FROM claims WHERE deleted_at IS NULL) AS live_claims,
           (SELECT count(*)::int FROM claim_events) AS claim_events,
           (SELECT count(*)::int FROM attachments) AS attachments,
           (SELECT count(*)::int FROM attachment_contents) AS attachment_contents,
           (SELECT coalesce(sum(version), 0)::int FROM claims) AS versions`;
  return row;
}
