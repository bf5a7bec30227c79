// The compte rendu financier as CSV records (";", UTF-8 with BOM, like every export): a few lines
// naming the collective and the period, then one row per chantier and a total, in the columns of
// report-columns.ts. Amounts in euros with a decimal comma and in integer cents; hours decimal
// and in minutes.
import { formatCalendarDate } from '@/lib/format/date';
import { safeText, type CsvCell, type CsvRecord } from '@/lib/exports/csv';
import type { ExportPeriod } from '@/lib/exports/export-period';
import type { ExportLocale } from '@/lib/exports/labels';
import { eurosText, hoursText } from '@/lib/exports/numbers';
import type { CompteRendu } from '@/lib/plans/report';
import { reportColumns, reportFileRows, type ReportCell } from '@/lib/plans/report-columns';
import { reportLabels } from '@/lib/plans/report-labels';

function csvCell(cell: ReportCell): CsvCell {
  switch (cell.kind) {
    case 'text':
      return safeText(cell.value);
    case 'label':
      return cell.value;
    case 'euros':
      return eurosText(cell.cents);
    case 'hours':
      return hoursText(cell.minutes);
    case 'integer':
      return cell.value;
  }
}

export function* reportCsvRecords(
  report: CompteRendu,
  period: ExportPeriod & { frozen: boolean },
  locale: ExportLocale,
): Generator<CsvRecord> {
  const labels = reportLabels(locale);
  yield [labels.title];
  yield [labels.collective, safeText(period.collectiveName)];
  yield [labels.period, safeText(period.name)];
  yield [labels.from, formatCalendarDate(period.startDate, locale)];
  yield [labels.to, formatCalendarDate(period.endDate, locale)];
  yield [labels.state, period.frozen ? labels.stateFrozen : labels.statePreview];
  yield [];
  const columns = reportColumns(locale);
  yield columns.map((column) => column.header);
  for (const row of reportFileRows(report, locale)) yield columns.map((column) => csvCell(column.cell(row)));
}
