// The compte rendu financier as CSV records (";", UTF-8 with BOM, like every export): a few lines
// naming the collective and the period, then one row per chantier and a total. Amounts twice, in
// euros with a decimal comma and in integer cents; hours twice, decimal and in minutes.
import { formatCalendarDate } from '@/lib/format/date';
import { safeText, type CsvCell, type CsvRecord } from '@/lib/exports/csv';
import type { ExportPeriod } from '@/lib/exports/export-period';
import type { ExportLocale } from '@/lib/exports/labels';
import { eurosText, hoursText } from '@/lib/exports/numbers';
import { formatGapPercent, type CompteRendu, type ReportFigures } from '@/lib/plans/report';
import { reportLabels } from '@/lib/plans/report-labels';

const money = (cents: number): CsvCell[] => [eurosText(cents), cents];

function figureCells(figures: ReportFigures, locale: ExportLocale): CsvCell[] {
  return [
    ...money(figures.plannedCents),
    ...money(figures.realisedCents),
    ...money(figures.gapCents),
    formatGapPercent(figures.gapPerThousand, locale),
    hoursText(figures.volunteerMinutes),
    figures.volunteerMinutes,
    ...money(figures.volunteerValueCents),
    ...money(figures.inKindCents),
  ];
}

export function* reportCsvRecords(
  report: CompteRendu,
  period: ExportPeriod & { frozen: boolean },
  locale: ExportLocale,
): Generator<CsvRecord> {
  const labels = reportLabels(locale);
  const c = labels.columns;
  yield [labels.title];
  yield [labels.collective, safeText(period.collectiveName)];
  yield [labels.period, safeText(period.name)];
  yield [labels.from, formatCalendarDate(period.startDate, locale)];
  yield [labels.to, formatCalendarDate(period.endDate, locale)];
  yield [labels.state, period.frozen ? labels.stateFrozen : labels.statePreview];
  yield [];
  yield [
    c.chantierCode,
    c.chantier,
    c.planned,
    c.plannedCents,
    c.realised,
    c.realisedCents,
    c.gap,
    c.gapCents,
    c.gapPercent,
    c.volunteerHours,
    c.volunteerMinutes,
    c.volunteerValue,
    c.volunteerValueCents,
    c.inKind,
    c.inKindCents,
    c.explanation,
  ];
  for (const row of report.rows)
    yield [safeText(row.code), safeText(row.name), ...figureCells(row, locale), safeText(row.explanation ?? '')];
  yield ['', labels.total, ...figureCells(report.totals, locale), ''];
}
