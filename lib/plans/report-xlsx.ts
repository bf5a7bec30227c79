// The compte rendu financier as an XLSX workbook (exceljs): one sheet, the period in its first
// lines, then one row per chantier and a bold total. Money cells are real numbers of euros with a
// currency format, with the exact integer cents beside them; the gap's percent is text as in the
// CSV (one decimal, rounded in integers).
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatCalendarDate } from '@/lib/format/date';
import type { ExportPeriod } from '@/lib/exports/export-period';
import type { ExportLocale } from '@/lib/exports/labels';
import { eurosNumber, hoursNumber } from '@/lib/exports/numbers';
import { EUROS_FORMAT, HOURS_FORMAT, INTEGER_FORMAT } from '@/lib/exports/payout-xlsx';
import { formatGapPercent, type CompteRendu, type ReportFigures } from '@/lib/plans/report';
import { reportLabels } from '@/lib/plans/report-labels';

type Cell = { value: string | number | null; numFmt?: string };

function figureCells(figures: ReportFigures, locale: ExportLocale): Cell[] {
  const money = (cents: number): Cell[] => [
    { value: eurosNumber(cents), numFmt: EUROS_FORMAT },
    { value: cents, numFmt: INTEGER_FORMAT },
  ];
  return [
    ...money(figures.plannedCents),
    ...money(figures.realisedCents),
    ...money(figures.gapCents),
    { value: formatGapPercent(figures.gapPerThousand, locale) },
    { value: hoursNumber(figures.volunteerMinutes), numFmt: HOURS_FORMAT },
    { value: figures.volunteerMinutes, numFmt: INTEGER_FORMAT },
    ...money(figures.volunteerValueCents),
    ...money(figures.inKindCents),
  ];
}

const WIDTHS = [10, 32, 14, 14, 14, 14, 14, 14, 10, 12, 12, 16, 16, 16, 16, 60];

/** Writes the workbook into `output` and ends it; rejects (output destroyed) on failure. */
export async function writeReportWorkbook(
  report: CompteRendu,
  period: ExportPeriod & { frozen: boolean },
  locale: ExportLocale,
  output: Writable,
): Promise<void> {
  const labels = reportLabels(locale);
  const c = labels.columns;
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Butin';
  try {
    const sheet = workbook.addWorksheet(labels.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 8 }] });
    sheet.columns = WIDTHS.map((width) => ({ width }));
    const title = sheet.addRow([labels.title]);
    title.font = { bold: true, size: 14 };
    title.commit();
    for (const line of [
      [labels.collective, period.collectiveName],
      [labels.period, period.name],
      [labels.from, formatCalendarDate(period.startDate, locale)],
      [labels.to, formatCalendarDate(period.endDate, locale)],
      [labels.state, period.frozen ? labels.stateFrozen : labels.statePreview],
      [],
    ])
      sheet.addRow(line).commit();
    const header = sheet.addRow([
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
    ]);
    header.font = { bold: true };
    header.commit();
    const write = (cells: Cell[], bold = false) => {
      const row = sheet.addRow(cells.map((cell) => cell.value));
      cells.forEach((cell, index) => {
        if (cell.numFmt) row.getCell(index + 1).numFmt = cell.numFmt;
      });
      row.getCell(cells.length).alignment = { wrapText: true, vertical: 'top' };
      if (bold) row.font = { bold: true };
      row.commit();
    };
    for (const row of report.rows)
      write([{ value: row.code }, { value: row.name }, ...figureCells(row, locale), { value: row.explanation ?? '' }]);
    write([{ value: '' }, { value: labels.total }, ...figureCells(report.totals, locale), { value: '' }], true);
    await sheet.commit();
    await workbook.commit();
  } catch (error) {
    output.destroy(error as Error);
    throw error;
  }
}
