// Sends one file to the API with XMLHttpRequest, the one browser API that reports an upload's
// progress (fetch does not): a receipt photographed on a slow phone connection takes seconds,
// and the person sees it going rather than a frozen button.

/** The refusals the form explains in words (claimsUi.upload.*); others are named by their code. */
export const UPLOAD_ERROR_CODES = [
  'FILE_TOO_LARGE',
  'UNSUPPORTED_FILE_TYPE',
  'TOO_MANY_FILES',
  'NETWORK',
  'FORBIDDEN',
  'INVALID_TRANSITION',
  'PERIOD_CLOSED',
] as const;
export type UploadErrorCode = (typeof UPLOAD_ERROR_CODES)[number];

export type UploadedFile = { id: string; fileName: string; contentType: string; sizeBytes: number };
export type UploadResult =
  { ok: true; file: UploadedFile } | { ok: false; status: number; code: string; message: string };

export function uploadFile(
  url: string,
  file: File,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  return new Promise((resolve) => {
    const request = new XMLHttpRequest();
    request.open('POST', url);
    request.responseType = 'json';
    request.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable && event.total > 0) onProgress(event.loaded / event.total);
    });
    request.addEventListener('load', () => {
      const body = request.response as { error?: { code?: string; message?: string } } | UploadedFile | null;
      if (request.status >= 200 && request.status < 300 && body && 'id' in body) {
        onProgress(1);
        resolve({ ok: true, file: body });
      } else {
        const error = body && 'error' in body ? body.error : undefined;
        resolve({
          ok: false,
          status: request.status,
          code: error?.code ?? 'INTERNAL',
          message: error?.message ?? request.statusText,
        });
      }
    });
    const failed = (code: string) => () => resolve({ ok: false, status: 0, code, message: code });
    request.addEventListener('error', failed('NETWORK'));
    request.addEventListener('timeout', failed('NETWORK'));
    request.addEventListener('abort', failed('ABORTED'));
    signal?.addEventListener('abort', () => request.abort());
    const body = new FormData();
    body.append('file', file, file.name);
    request.send(body);
  });
}
