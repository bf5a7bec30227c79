// An export as an HTTP answer: the file streamed as it is produced (a Node stream turned into the
// web stream a Response takes), offered as a download under a plain ASCII name.
import { Readable } from 'node:stream';
import type { ExportPeriod } from './export-period';
import { logError } from '@/lib/log';
import { metrics } from '@/lib/metrics';

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export type ExportExtension = keyof typeof CONTENT_TYPES;

/** "retributions-2026-01-01_2026-06-30.csv": the period's dates, never its free-text name. */
export function exportFilename(
  base: string,
  period: Pick<ExportPeriod, 'startDate' | 'endDate'>,
  extension: ExportExtension,
): string {
  const safeBase = base.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `${safeBase}-${period.startDate}_${period.endDate}.${extension}`;
}

/** What one write of a download carries at least (but its last): a few dozen CSV lines are one write, not dozens. */
export const DOWNLOAD_CHUNK_BYTES = 64 * 1024;

/**
 * A Node stream as the web stream a Response takes, its many small pieces (a CSV stringifier
 * gives one per line) gathered into chunks of about `chunkBytes`: each chunk costs the server a
 * write, so thousands of tiny ones made a 500 kB report take half a second to send.
 */
export function chunkedWebStream(readable: Readable, chunkBytes = DOWNLOAD_CHUNK_BYTES): ReadableStream<Uint8Array> {
  const pieces = readable[Symbol.asyncIterator]() as AsyncIterator<Buffer | string>;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const parts: Buffer[] = [];
      let size = 0;
      let done = false;
      while (size < chunkBytes) {
        const next = await pieces.next();
        if (next.done) {
          done = true;
          break;
        }
        const part = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
        parts.push(part);
        size += part.length;
      }
      if (size > 0) controller.enqueue(new Uint8Array(Buffer.concat(parts, size)));
      if (done) controller.close();
    },
    async cancel() {
      await pieces.return?.();
      readable.destroy();
    },
  });
}

export function fileResponse(
  body: Readable | ReadableStream<Uint8Array>,
  options: { extension: ExportExtension; filename: string },
): Response {
  metrics().exports.inc({ kind: options.extension, outcome: 'ok' });
  return new Response(body instanceof Readable ? chunkedWebStream(body) : body, {
    headers: {
      'content-type': CONTENT_TYPES[options.extension],
      'content-disposition': `attachment; filename="${options.filename}"`,
      // Names, emails and pay: never kept by a shared cache.
      'cache-control': 'private, no-store',
    },
  });
}

/**
 * Runs a writer that fills `output` in the background while the answer streams it; a failure
 * is logged with its context and destroys the stream, so the download fails rather than ends
 * as a truncated file.
 */
export function streamInBackground(
  output: Readable & NodeJS.WritableStream,
  write: () => Promise<void>,
  context: string,
): void {
  write().catch((error: unknown) => {
    metrics().exports.inc({ kind: /\.(\w+)\b/.exec(context)?.[1] ?? 'unknown', outcome: 'failed' });
    logError('export failed', error, { context });
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
}
