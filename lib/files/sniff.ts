// What a file is, read from its first bytes (never from its name or the browser's word), and the
// name it is kept under (docs/claims.md "Files"). A file whose name says another type than its
// bytes is refused: a "facture.pdf" that is a PNG is not what its sender thinks they sent.
import { fileTypeFromBuffer } from 'file-type';
import { AppError } from '@/lib/errors';
import {
  ATTACHMENT_FILE_TYPES,
  MAX_FILE_BYTES,
  MAX_FILE_NAME_LENGTH,
  type AttachmentFileType,
} from '@/lib/files/schemas';

/** The extensions a name may carry for each accepted type; the first one is added to a bare name. */
export const EXTENSIONS: Record<AttachmentFileType, readonly string[]> = {
  'application/pdf': ['pdf'],
  'image/jpeg': ['jpg', 'jpeg', 'jpe', 'jfif'],
  'image/png': ['png'],
  'image/webp': ['webp'],
  'image/heic': ['heic', 'heif'],
};

/** What file-type names the accepted types (HEIF stills are kept as HEIC, as phones mean them). */
const SNIFFED: Record<string, AttachmentFileType> = {
  'application/pdf': 'application/pdf',
  'image/jpeg': 'image/jpeg',
  'image/png': 'image/png',
  'image/webp': 'image/webp',
  'image/heic': 'image/heic',
  'image/heif': 'image/heic',
};

const CONTROL = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/** An extension names a type: letters first ("Facture 12.2026" has none). */
const EXTENSION = /\.([A-Za-z][A-Za-z0-9]{0,7})$/;

/** The name as given, without a path, control or direction characters, NFC, at most 200 characters. */
export function cleanFileName(name: string): string {
  const base = name.normalize('NFC').replace(CONTROL, '').split(/[\\/]/).pop()!.trim();
  if (base.length <= MAX_FILE_NAME_LENGTH) return base;
  const extension = EXTENSION.exec(base)?.[0] ?? '';
  return base.slice(0, MAX_FILE_NAME_LENGTH - extension.length).trimEnd() + extension;
}

export function unsupportedTypeError(fileName: string, reason: 'TYPE' | 'NAME'): AppError {
  const messageKey = reason === 'TYPE' ? 'claims.errors.UNSUPPORTED_FILE_TYPE' : 'claims.errors.FILE_NAME_MISMATCH';
  const message =
    reason === 'TYPE'
      ? `${fileName} is not a PDF, JPEG, PNG, WebP or HEIC file`
      : `${fileName} is not what its name says: its content is of another type`;
  return new AppError('UNSUPPORTED_FILE_TYPE', message, {
    messageKey,
    values: { name: fileName },
    fields: { file: messageKey },
  });
}

export function fileTooLargeError(fileName: string): AppError {
  return new AppError('FILE_TOO_LARGE', `${fileName} is larger than 10 MB`, {
    messageKey: 'claims.errors.FILE_TOO_LARGE',
    values: { name: fileName },
    fields: { file: 'claims.errors.FILE_TOO_LARGE' },
  });
}

export type SniffedFile = { fileName: string; contentType: AttachmentFileType };

/**
 * The type of `bytes` and the name to keep; an AppError (413, 415, 400) when the file is empty,
 * too large, of a type not accepted, or named as another type.
 */
export async function sniffFile(bytes: Uint8Array, givenName: string): Promise<SniffedFile> {
  const cleaned = cleanFileName(givenName);
  if (bytes.byteLength === 0)
    throw new AppError('VALIDATION', 'The file is empty', {
      messageKey: 'claims.errors.FILE_EMPTY',
      fields: { file: 'claims.errors.FILE_EMPTY' },
    });
  if (bytes.byteLength > MAX_FILE_BYTES) throw fileTooLargeError(cleaned || 'file');
  const found = await fileTypeFromBuffer(bytes);
  const contentType = found ? SNIFFED[found.mime] : undefined;
  if (!contentType || !(ATTACHMENT_FILE_TYPES as readonly string[]).includes(contentType))
    throw unsupportedTypeError(cleaned || 'file', 'TYPE');
  const extensions = EXTENSIONS[contentType];
  const given = EXTENSION.exec(cleaned)?.[1]?.toLowerCase();
  if (given && !extensions.includes(given)) throw unsupportedTypeError(cleaned, 'NAME');
  if (given) return { fileName: cleaned, contentType };
  const stem = (cleaned === '' ? 'fichier' : cleaned).slice(0, MAX_FILE_NAME_LENGTH - extensions[0].length - 1);
  return { fileName: `${stem}.${extensions[0]}`, contentType };
}
