// The compte rendu's CSV and XLSX files, written from the one column table (report-columns.ts):
// the same headers in the same order, the same cells row for row (euros as text in the CSV, as
// numbers with a currency format in the workbook), a bold total, and people's text guarded
// against formulas in the CSV only.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { buildCompteRendu } from '@/lib/plans/report';
import { reportCsvRecords } from '@/lib/plans/report-csv';
import { writeReportWorkbook } from '@/lib/plans/report-xlsx';
import type { ExportPeriod } from '@/lib/exports/export-period';
import { reportColumns } from '@/lib/plans/report-columns';
import { reportLabels } from '@/lib/plans/report-labels';
import { HOURS_FORMAT, INTEGER_FORMAT } from '@/lib/exports/payout-xlsx';

const period: ExportPeriod & { frozen: boolean } = {
  id: 'p',
  status: 'CLOSED',
  timeZone: 'Europe/Paris',
  collectiveName: 'Monscobar',
  name: 'Mars',
  startDate: '2026-03-01',
  endDate: '2026-03-31',
  frozen: true,
};

const report = buildCompteRendu([
  {
    chantierId: 'a',
    code: 'C1',
    name: '=HYPERLINK("x")',
    plannedCents: 80_000,
    realisedCents: 70_000,
    volunteerMinutes: 90,
    volunteerValueCents: 1_500,
    inKindCents: 2_000,
    explanation: '-moins que prévu',
  },
  {
    chantierId: 'b',
    code: 'C2',
    name: 'Atelier',
    plannedCents: 0,
    realisedCents: 12_345,
    volunteerMinutes: 0,
    volunteerValueCents: 0,
    inKindCents: 0,
    explanation: null,
  },
]);

async function sheetOf(locale: 'fr' | 'en') {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => output.on('end', resolve));
  await writeReportWorkbook(report, period, locale, output);
  await ended;
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe.each(['fr', 'en'] as const)('the compte rendu files in %s', (locale) => {
  it('have the column table’s headers, and one cell per column on every row', async () => {
    const headers = reportColumns(locale).map((column) => column.header);
    const records = [...reportCsvRecords(report, period, locale)];
    const csvHeader = records.findIndex((record) => record[0] === headers[0]);
    expect(records[csvHeader]).toEqual(headers);
    const csvRows = records.slice(csvHeader + 1);
    expect(csvRows).toHaveLength(3);
    for (const row of csvRows) expect(row).toHaveLength(headers.length);

    const sheet = await sheetOf(locale);
    expect((sheet.getRow(8).values as unknown[]).slice(1)).toEqual(headers);
    expect(sheet.getRow(11).font?.bold).toBe(true);
    expect(sheet.getRow(9).font?.bold).toBeFalsy();
    reportColumns(locale).forEach((column, index) => expect(sheet.getColumn(index + 1).width).toBe(column.width));
  });

  it('say the same thing row for row, each in its own way', async () => {
    const headers = reportColumns(locale).map((column) => column.header);
    const records = [...reportCsvRecords(report, period, locale)];
    const csvRows = records.slice(records.findIndex((record) => record[0] === headers[0]) + 1);
    const sheet = await sheetOf(locale);
    const at = (row: number, header: string) => sheet.getRow(row).getCell(headers.indexOf(header) + 1);
    const c = headers;
    // Code, name, planned €, planned cents, realised €, realised cents, gap €, gap cents, gap %,
    // volunteer hours, minutes, volunteer value €, cents, in-kind €, cents, explanation.
    expect(csvRows[0]).toEqual([
      'C1',
      `'=HYPERLINK("x")`,
      '800,00',
      80_000,
      '700,00',
      70_000,
      '-100,00',
      -10_000,
      locale === 'fr' ? '-12,5 %' : '-12.5%',
      '1,50',
      90,
      '15,00',
      1_500,
      '20,00',
      2_000,
      `'-moins que prévu`,
    ]);
    expect(csvRows[1]![8]).toBe('');
    expect(csvRows[2]!.slice(0, 2)).toEqual(['', reportLabels(locale).total]);
    // The workbook: people's text as typed (a cell of text is no formula), real numbers.
    expect(at(9, c[1]!).value).toBe('=HYPERLINK("x")');
    expect([at(9, c[2]!).value, at(9, c[2]!).numFmt]).toEqual([800, '#,##0.00 "€"']); // EUROS_FORMAT, as exceljs reads it back
    expect([at(9, c[3]!).value, at(9, c[3]!).numFmt]).toEqual([80_000, INTEGER_FORMAT]);
    expect([at(9, c[6]!).value, at(9, c[7]!).value]).toEqual([-100, -10_000]);
    expect(at(9, c[8]!).value).toBe(csvRows[0]![8]);
    expect([at(9, c[9]!).value, at(9, c[9]!).numFmt]).toEqual([1.5, HOURS_FORMAT]);
    expect(at(9, c[15]!).value).toBe('-moins que prévu');
    expect(at(9, c[15]!).alignment?.wrapText).toBe(true);
    expect(at(11, c[1]!).value).toBe(csvRows[2]![1]);
    expect(at(11, c[5]!).value).toBe(82_345);
  });
});
