// The compte rendu financier as an XLSX workbook (exceljs): one sheet, the period in its first
// lines, then one row per chantier and a bold total, in the columns of report-columns.ts. Money
// cells are real numbers of euros with a currency format, with the exact integer cents beside
// them; the gap's percent is text as in the CSV (one decimal, rounded in integers).
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { formatCalendarDate } from '@/lib/format/date';
import type { ExportPeriod } from '@/lib/exports/export-period';
import type { ExportLocale } from '@/lib/exports/labels';
import { eurosNumber, hoursNumber } from '@/lib/exports/numbers';
import { EUROS_FORMAT, HOURS_FORMAT, INTEGER_FORMAT } from '@/lib/exports/payout-xlsx';
import type { CompteRendu } from '@/lib/plans/report';
import { reportColumns, reportFileRows, type ReportCell } from '@/lib/plans/report-columns';
import { reportLabels } from '@/lib/plans/report-labels';

type Cell = { value: string | number | null; numFmt?: string };

function xlsxCell(cell: ReportCell): Cell {
  switch (cell.kind) {
    case 'text':
    case 'label':
      return { value: cell.value };
    case 'euros':
      return { value: eurosNumber(cell.cents), numFmt: EUROS_FORMAT };
    case 'hours':
      return { value: hoursNumber(cell.minutes), numFmt: HOURS_FORMAT };
    case 'integer':
      return { value: cell.value, numFmt: INTEGER_FORMAT };
  }
}

/** Writes the workbook into `output` and ends it; rejects (output destroyed) on failure. */
export async function writeReportWorkbook(
  report: CompteRendu,
  period: ExportPeriod & { frozen: boolean },
  locale: ExportLocale,
  output: Writable,
): Promise<void> {
  const labels = reportLabels(locale);
  const columns = reportColumns(locale);
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Butin';
  try {
    const sheet = workbook.addWorksheet(labels.title.slice(0, 31), { views: [{ state: 'frozen', ySplit: 8 }] });
    sheet.columns = columns.map((column) => ({ width: column.width }));
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
    const header = sheet.addRow(columns.map((column) => column.header));
    header.font = { bold: true };
    header.commit();
    for (const line of reportFileRows(report, locale)) {
      const cells = columns.map((column) => xlsxCell(column.cell(line)));
      const row = sheet.addRow(cells.map((cell) => cell.value));
      columns.forEach((column, index) => {
        const cell = row.getCell(index + 1);
        if (cells[index]!.numFmt) cell.numFmt = cells[index]!.numFmt!;
        if (column.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
      });
      if (line.total) row.font = { bold: true };
      row.commit();
    }
    await sheet.commit();
    await workbook.commit();
  } catch (error) {
    output.destroy(error as Error);
    throw error;
  }
}
