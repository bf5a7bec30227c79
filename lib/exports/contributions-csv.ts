// The contributions export's lines: one per contribution of a period — the audit trail behind the
// payout report. Pure: the rows come from contributions-csv-query.ts, already joined. A period can
// hold tens of thousands of contributions, so each row becomes its CSV line directly, cell by cell
// through csv.ts's escaper (csvCell), with the labels of the locale escaped once per file.
import { z } from 'zod';
import { CSV_LINE_END, csvCell, csvLine, safeText } from './csv';
import { fileLabels, type ExportLocale } from './labels';
import { hoursText } from './numbers';

/** Every status but DRAFT: a draft belongs to its owner alone, and never leaves their screen. */
export const EXPORTED_STATUSES = ['SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED'] as const;
export type ExportedStatus = (typeof EXPORTED_STATUSES)[number];

export const ZContributionsCsvQuery = z.object({
  /** Only the contributions in this status; all of EXPORTED_STATUSES when absent. */
  status: z.enum(EXPORTED_STATUSES).optional(),
});
export type TContributionsCsvQuery = z.infer<typeof ZContributionsCsvQuery>;

/** One contribution as the export's query reads it: names joined, dates as text. */
export type ContributionCsvRow = {
  id: string;
  /** `YYYY-MM-DD`. */
  date: string;
  personName: string;
  personEmail: string;
  chantierCode: string | null;
  chantierName: string;
  placeName: string | null;
  minutes: number;
  volunteer: boolean;
  status: ExportedStatus;
  description: string;
  link: string | null;
  reviewerName: string | null;
  /** `YYYY-MM-DD HH:MM`, the wall-clock time in the collective's time zone. */
  reviewedAt: string | null;
};

/** "2026-11-28" → "28/11/2026", as formatCalendarDate writes it in both locales, without Intl per row. */
export function calendarDateText(isoDate: string): string {
  return `${isoDate.slice(8, 10)}/${isoDate.slice(5, 7)}/${isoDate.slice(0, 4)}`;
}

/** "2026-11-28 14:05" → "28/11/2026 14:05". */
export function localDateTimeText(isoDateTime: string): string {
  return `${calendarDateText(isoDateTime.slice(0, 10))} ${isoDateTime.slice(11, 16)}`;
}

export function contributionsCsvHeader(locale: ExportLocale): string {
  const c = fileLabels(locale).contributions.columns;
  return (
    csvLine([
      c.date,
      c.personName,
      c.email,
      c.chantierCode,
      c.chantier,
      c.place,
      c.minutes,
      c.hours,
      c.volunteer,
      c.status,
      c.description,
      c.link,
      c.reviewedBy,
      c.reviewedAt,
      c.id,
    ]) + CSV_LINE_END
  );
}

/** A function writing one row as its CSV line (line end included), with this locale's words. */
export function contributionCsvLineWriter(locale: ExportLocale): (row: ContributionCsvRow) => string {
  const labels = fileLabels(locale).contributions;
  // The words are escaped once here; per row, only the free text and the dates need work.
  const yes = csvCell(labels.yes);
  const no = csvCell(labels.no);
  const statusLabels = Object.fromEntries(
    EXPORTED_STATUSES.map((status) => [status, csvCell(labels.status[status])]),
  ) as Record<ExportedStatus, string>;
  const text = (value: string | null) => csvCell(safeText(value));
  return (row) =>
    [
      calendarDateText(row.date),
      text(row.personName),
      text(row.personEmail),
      text(row.chantierCode),
      text(row.chantierName),
      text(row.placeName),
      String(row.minutes),
      hoursText(row.minutes),
      row.volunteer ? yes : no,
      statusLabels[row.status],
      text(row.description),
      text(row.link),
      text(row.reviewerName),
      row.reviewedAt === null ? '' : localDateTimeText(row.reviewedAt),
      text(row.id),
    ].join(';') + CSV_LINE_END;
}
