// Reading an upload: a multipart/form-data body, never more than its limit in memory (the length
// announced is checked first, then the bytes as they come), and the one file field it carries.
import 'server-only';
import { AppError } from '@/lib/errors';
import type { MessageKey } from '@/lib/i18n/translator';
import { MAX_UPLOAD_BODY_BYTES } from '@/lib/files/schemas';
import { fileTooLargeError } from '@/lib/files/sniff';

function badUpload(message: string, messageKey: MessageKey): AppError {
  return new AppError('BAD_REQUEST', message, { messageKey, fields: { file: messageKey } });
}

async function readCapped(request: Request, cap: number): Promise<Uint8Array<ArrayBuffer>> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > cap) {
      await reader.cancel();
      throw fileTooLargeError('file');
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The file of field `field`: its name as the sender gave it and its bytes. */
export async function readUpload(
  request: Request,
  field = 'file',
): Promise<{ fileName: string; bytes: Uint8Array<ArrayBuffer> }> {
  const contentType = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data;\s*boundary=/i.test(contentType))
    throw badUpload('Send the file as multipart/form-data, in the field "file"', 'claims.errors.UPLOAD_FORMAT');
  const announced = Number(request.headers.get('content-length') ?? '0');
  if (Number.isFinite(announced) && announced > MAX_UPLOAD_BODY_BYTES) throw fileTooLargeError('file');
  const body = await readCapped(request, MAX_UPLOAD_BODY_BYTES);
  let form: FormData;
  try {
    form = await new Response(body, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw badUpload('The multipart body cannot be read', 'claims.errors.UPLOAD_FORMAT');
  }
  const files = form.getAll(field).filter((value): value is File => typeof value !== 'string');
  if (files.length === 0) throw badUpload('No file in the field "file"', 'claims.errors.FILE_MISSING');
  if (files.length > 1) throw badUpload('One file per request', 'claims.errors.ONE_FILE');
  const [file] = files;
  return { fileName: file.name, bytes: new Uint8Array(await file.arrayBuffer()) };
}
