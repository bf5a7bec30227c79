// An export as an HTTP answer: the file streamed as it is produced (a Node stream turned into the
// web stream a Response takes), offered as a download under a plain ASCII name.
import { Readable } from 'node:stream';
import type { ExportPeriod } from './export-period';

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export type ExportExtension = keyof typeof CONTENT_TYPES;

/** "retributions-2026-01-01_2026-06-30.csv": the period's dates, never its free-text name. */
export function exportFilename(base: string, period: Pick<ExportPeriod, 'startDate' | 'endDate'>, extension: ExportExtension): string {
  const safeBase = base.replace(/[^A-Za-z0-9_-]+/g, '-');
  return `${safeBase}-${period.startDate}_${period.endDate}.${extension}`;
}

export function fileResponse(body: Readable | ReadableStream<Uint8Array>, options: { extension: ExportExtension; filename: string }): Response {
  return new Response(body instanceof Readable ? (Readable.toWeb(body) as ReadableStream<Uint8Array>) : body, {
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
export function streamInBackground(output: Readable & NodeJS.WritableStream, write: () => Promise<void>, context: string): void {
  write().catch((error: unknown) => {
    console.error(`[butin] export failed in ${context}:`, error);
    output.destroy(error instanceof Error ? error : new Error(String(error)));
  });
}
