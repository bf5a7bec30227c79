// The headers a served file carries (docs/claims.md "Files"): its type as sniffed at upload, a
// Content-Disposition naming it (UTF-8 and an ASCII fallback), nosniff, and a CSP that sandboxes
// it, so a file crafted to run script runs none, whatever a browser makes of it.
import type { AttachmentFileType } from '@/lib/files/schemas';

export const FILE_CSP = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox";

/** RFC 8187 value: every byte outside the unreserved set percent-encoded. */
function encodeRfc8187(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** `inline` or `attachment`, with the name in ASCII (accents dropped, quotes and controls replaced) and in UTF-8. */
export function contentDisposition(fileName: string, disposition: 'inline' | 'attachment'): string {
  const ascii =
    fileName
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^\x20-\x7e]|["\\]/g, '_')
      .trim() || 'file';
  return `${disposition}; filename="${ascii}"; filename*=UTF-8''${encodeRfc8187(fileName)}`;
}

export function fileHeaders(file: {
  fileName: string;
  contentType: AttachmentFileType;
  sizeBytes: number;
  sha256: string;
  download: boolean;
}): Record<string, string> {
  return {
    'content-type': file.contentType,
    'content-length': String(file.sizeBytes),
    'content-disposition': contentDisposition(file.fileName, file.download ? 'attachment' : 'inline'),
    'x-content-type-options': 'nosniff',
    'content-security-policy': FILE_CSP,
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'private, no-store',
    etag: `"${file.sha256}"`,
  };
}
