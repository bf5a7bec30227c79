// The payout report as an XLSX workbook, written with exceljs' streaming writer so that each row
// is zipped out as soon as it is committed and memory stays flat: a "Détail" sheet (one row per
// person and chantier) and a "Bénéficiaires" sheet (one per payee, then a total). Cells are real
// numbers: euros with a currency format, hours as decimal numbers, and integer cents and minutes
// beside them, exact, for tools and checks. Header rows are bold and frozen.
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { claimColumnLabels } from './claim-labels';
import { fileLabels, type ExportLocale } from './labels';
import { eurosNumber, hoursNumber } from './numbers';
import type { PayoutDetailRow, PayoutReport } from './payout-report';

/** What French Excel itself writes for "1 234,56 €" (the € quoted: a bare one is not a format character). */
export const EUROS_FORMAT = '#,##0.00\\ "€"';
export const HOURS_FORMAT = '0.00';
export const INTEGER_FORMAT = '0';

type Column<Row> = { header: string; width: number; numFmt?: string; value: (row: Row) => string | number | null };

function detailColumns(locale: ExportLocale): Column<PayoutDetailRow>[] {
  const labels = fileLabels(locale).payouts;
  const c = labels.columns;
  const k = claimColumnLabels(locale);
  const euros = (header: string, width: number, cents: (row: PayoutDetailRow) => number): Column<PayoutDetailRow> => ({
    header,
    width,
    numFmt: EUROS_FORMAT,
    value: (row) => eurosNumber(cents(row)),
  });
  return [
    { header: c.personName, width: 24, value: (row) => row.personName },
    { header: c.email, width: 28, value: (row) => row.email },
    { header: c.payee, width: 24, value: (row) => row.payeeName },
    { header: c.chantierCode, width: 10, value: (row) => row.chantierCode },
    { header: c.chantier, width: 36, value: (row) => row.chantierName },
    euros(c.rate, 12, (row) => row.rateCents),
    { header: c.rateCents, width: 12, numFmt: INTEGER_FORMAT, value: (row) => row.rateCents },
    { header: c.rateSource, width: 18, value: (row) => labels.rateSource[row.rateSource] },
    { header: c.approvedHours, width: 12, numFmt: HOURS_FORMAT, value: (row) => hoursNumber(row.approvedMinutes) },
    { header: c.approvedMinutes, width: 12, numFmt: INTEGER_FORMAT, value: (row) => row.approvedMinutes },
    { header: c.volunteerHours, width: 12, numFmt: HOURS_FORMAT, value: (row) => hoursNumber(row.volunteerMinutes) },
    { header: c.volunteerMinutes, width: 12, numFmt: INTEGER_FORMAT, value: (row) => row.volunteerMinutes },
    { header: c.cappedHours, width: 14, numFmt: HOURS_FORMAT, value: (row) => hoursNumber(row.cappedMinutes) },
    { header: c.cappedMinutes, width: 14, numFmt: INTEGER_FORMAT, value: (row) => row.cappedMinutes },
    euros(c.amount, 14, (row) => row.amountCents),
    { header: c.amountCents, width: 14, numFmt: INTEGER_FORMAT, value: (row) => row.amountCents },
    euros(c.unpaidValue, 16, (row) => row.unpaidValueCents),
    { header: c.unpaidValueCents, width: 16, numFmt: INTEGER_FORMAT, value: (row) => row.unpaidValueCents },
    euros(c.volunteerValue, 16, (row) => row.volunteerValueCents),
    { header: c.volunteerValueCents, width: 16, numFmt: INTEGER_FORMAT, value: (row) => row.volunteerValueCents },
    // The claim parts come last, as in the CSV.
    euros(k.hoursAmount, 14, (row) => row.hoursAmountCents),
    { header: k.hoursAmountCents, width: 14, numFmt: INTEGER_FORMAT, value: (row) => row.hoursAmountCents },
    euros(k.expenses, 14, (row) => row.expensesCents),
    { header: k.expensesCents, width: 14, numFmt: INTEGER_FORMAT, value: (row) => row.expensesCents },
    euros(k.fixedFees, 14, (row) => row.fixedFeesCents),
    { header: k.fixedFeesCents, width: 14, numFmt: INTEGER_FORMAT, value: (row) => row.fixedFeesCents },
    euros(k.inKindValue, 16, (row) => row.inKindValueCents),
    { header: k.inKindValueCents, width: 16, numFmt: INTEGER_FORMAT, value: (row) => row.inKindValueCents },
  ];
}

type PayeeRow = { payeeName: string; people: string | null; peopleCount: number; amountCents: number; total?: boolean };

function payeeColumns(locale: ExportLocale): Column<PayeeRow>[] {
  const p = fileLabels(locale).payouts.payeeColumns;
  return [
    { header: p.payee, width: 30, value: (row) => row.payeeName },
    { header: p.people, width: 48, value: (row) => row.people },
    { header: p.peopleCount, width: 12, numFmt: INTEGER_FORMAT, value: (row) => row.peopleCount },
    { header: p.amount, width: 16, numFmt: EUROS_FORMAT, value: (row) => eurosNumber(row.amountCents) },
    { header: p.amountCents, width: 16, numFmt: INTEGER_FORMAT, value: (row) => row.amountCents },
  ];
}

type ZipArchive = { append(source: unknown, data: unknown): unknown };
const archives = new WeakMap<object, ZipArchive>();

/**
 * exceljs 4.4's streaming writer, whose zip receives Buffers instead of XML strings. exceljs
 * appends strings to archiver 5, whose archiver-utils 2.1 turns each into a Buffer with the
 * deprecated `new Buffer(string)`: Node printed "DeprecationWarning: Buffer() is deprecated"
 * (DEP0005) on the first XLSX export. Handing archiver a Buffer (what `new Buffer(string)` made,
 * UTF-8) skips that line and nothing else. exceljs assigns `this.zip` in its constructor, before
 * the first append: the setter wraps the archive there.
 */
class WorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  get zip(): ZipArchive {
    return archives.get(this)!;
  }
  set zip(archive: ZipArchive) {
    const append = archive.append.bind(archive);
    archive.append = (source, data) =>
      append(
        typeof source === 'string' ? Buffer.from(source, 'utf8') : source === null ? Buffer.alloc(0) : source,
        data,
      );
    archives.set(this, archive);
  }
}

async function writeSheet<Row>(
  workbook: ExcelJS.stream.xlsx.WorkbookWriter,
  name: string,
  columns: Column<Row>[],
  rows: Iterable<Row & { total?: boolean }>,
) {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((column) => ({ width: column.width }));
  const header = sheet.addRow(columns.map((column) => column.header));
  header.font = { bold: true };
  header.commit();
  for (const row of rows) {
    const written = sheet.addRow(columns.map((column) => column.value(row)));
    columns.forEach((column, index) => {
      if (column.numFmt) written.getCell(index + 1).numFmt = column.numFmt;
    });
    if (row.total) written.font = { bold: true };
    written.commit();
  }
  await sheet.commit();
}

/** Writes the workbook into `output` and ends it; rejects (output destroyed) on failure. */
export async function writePayoutWorkbook(report: PayoutReport, locale: ExportLocale, output: Writable): Promise<void> {
  const labels = fileLabels(locale).payouts;
  // No shared strings: that table is held in memory until the end; inline strings stream.
  const workbook = new WorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Butin';
  try {
    await writeSheet(workbook, labels.detailSheet, detailColumns(locale), report.detail);
    const payeeRows: PayeeRow[] = report.payees.map((payee) => ({
      payeeName: payee.payeeName,
      people: payee.peopleNames.join(', '),
      peopleCount: payee.peopleNames.length,
      amountCents: payee.amountCents,
    }));
    payeeRows.push({
      payeeName: labels.total,
      people: null,
      peopleCount: report.totals.people,
      amountCents: report.totals.amountCents,
      total: true,
    });
    await writeSheet(workbook, labels.payeesSheet, payeeColumns(locale), payeeRows);
    await workbook.commit();
  } catch (error) {
    output.destroy(error as Error);
    throw error;
  }
}
