// GET …/exports/contributions.csv as an answer: the period is loaded and its contributions counted
// per day first (so a refusal, an unknown period or a database away is a JSON error, not a broken
// download), then the contributions are read in batches (contributions-csv-batches.ts) and each
// batch is written as one chunk, pulled as the client reads: memory holds three batches at most,
// whatever the size of the period. Reads run ahead of the writing, two at once, so the database
// and the formatting overlap.
//
// Batches are separate reads, not one snapshot: on an open period, a contribution whose date is
// edited during the download may show in its old place, its new one, both or neither. A closed
// period's contributions no longer change.
import type { Actor } from '@/lib/auth/permissions';
import { assertCan } from '@/lib/auth/permissions';
import { CSV_BOM } from './csv';
import {
  contributionCsvLineWriter,
  contributionsCsvHeader,
  EXPORTED_STATUSES,
  type ContributionCsvRow,
  type ExportedStatus,
} from './contributions-csv';
import { dayWindows, nextReadInWindow, type BatchRead } from './contributions-csv-batches';
import {
  UNSAFE_countContributionsPerDay,
  UNSAFE_loadExportNames,
  UNSAFE_readContributionsBatch,
} from './contributions-csv-query';
import { loadExportPeriod } from './export-period';
import { asExportLocale, fileLabels } from './labels';
import { exportFilename, fileResponse } from './response';

/** Rows per query and per chunk: large enough that a query's cost is spread thin, small enough to stay a few MB. */
export const CONTRIBUTIONS_CSV_BATCH_SIZE = 5_000;

export async function contributionsCsvResponse(options: {
  actor: Actor;
  periodId: string;
  status?: ExportedStatus;
  batchSize?: number;
}): Promise<Response> {
  assertCan(options.actor, 'exports.read');
  const period = await loadExportPeriod(options.periodId);
  const locale = asExportLocale(options.actor.locale);
  const batchSize = options.batchSize ?? CONTRIBUTIONS_CSV_BATCH_SIZE;
  const selection = { periodId: period.id, statuses: options.status ? [options.status] : EXPORTED_STATUSES };
  const [names, days] = await Promise.all([UNSAFE_loadExportNames(), UNSAFE_countContributionsPerDay(selection)]);
  const readBatch = (read: BatchRead) =>
    UNSAFE_readContributionsBatch({ ...selection, read, limit: batchSize, timeZone: period.timeZone, names });
  const writeLine = contributionCsvLineWriter(locale);
  const encoder = new TextEncoder();

  type Reading = { read: BatchRead; rows: Promise<ContributionCsvRow[]> };
  const startReading = (read: BatchRead): Reading => {
    const rows = readBatch(read);
    // Kept from being an unhandled rejection if the reader goes away first; pull still sees the error.
    rows.catch(() => undefined);
    return { read, rows };
  };
  // The current window's next read, and the next window's first one, started ahead: at most two
  // reads at once, and three batches in memory with the one being written.
  const windows = dayWindows(days, batchSize);
  let nextWindow = 0;
  let current: Reading | null = null;
  let upcoming: Reading | null = null;
  const startNextWindow = () =>
    nextWindow < windows.length ? startReading({ window: windows[nextWindow++], after: null }) : null;

  let started = false;
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        if (!started) {
          started = true;
          current = startNextWindow();
          upcoming = startNextWindow();
          controller.enqueue(encoder.encode(CSV_BOM + contributionsCsvHeader(locale)));
          return;
        }
        // A pull must enqueue or close, or the stream waits for ever: a read may come back empty
        // (a window whose rows were all in its previous batch), so go on to the next one.
        while (current) {
          const rows = await current.rows;
          const sameWindow = nextReadInWindow(current.read, batchSize, { count: rows.length, last: rows.at(-1) });
          if (sameWindow) current = startReading(sameWindow);
          else [current, upcoming] = [upcoming, startNextWindow()];
          if (rows.length === 0) continue;
          let chunk = '';
          for (const row of rows) chunk += writeLine(row);
          controller.enqueue(encoder.encode(chunk));
          return;
        }
        controller.close();
      } catch (error) {
        // Erroring the stream makes the download fail rather than end as a truncated file that looks whole.
        console.error(`[butin] export failed in contributions.csv of period ${period.id}:`, error);
        throw error;
      }
    },
  });
  return fileResponse(body, {
    extension: 'csv',
    filename: exportFilename(fileLabels(locale).contributions.filename, period, 'csv'),
  });
}
