// CSV as French spreadsheets open it cleanly: UTF-8 with a BOM (without it Excel reads Latin-1
// and mangles "é"), ";" between cells (the decimal comma takes ","), CRLF line ends, and every
// cell holding a ";", a quote or a line break quoted. Rows are streamed through csv-stringify,
// never joined into one big string — or, for the exports of many thousand rows, written as lines
// with csvCell and csvLine (the same bytes, without csv-stringify's per-record stream machinery).
import { Readable, pipeline } from 'node:stream';
import { stringify, type Options } from 'csv-stringify';

export type CsvCell = string | number | null;
export type CsvRecord = readonly CsvCell[];

export const CSV_OPTIONS: Options = {
  delimiter: ';',
  bom: true,
  record_delimiter: 'windows',
  // csv-stringify only quotes a cell holding the whole record delimiter ("\r\n"); a lone "\n" or
  // "\r" inside a description would otherwise split the row in Excel.
  quoted_match: /[\r\n]/,
};

/**
 * Free text (names, emails, descriptions) as a cell that cannot run as a formula: a spreadsheet
 * evaluates a cell starting with = + - @ (or a tab / carriage return before one), so a person
 * named "=HYPERLINK(…)" could act on the treasurer's machine. Such text gets a leading
 * apostrophe, as OWASP advises. Numbers written by the exports are never passed through here.
 */
export function safeText(text: string | null | undefined): string {
  const value = text ?? '';
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The CSV bytes of these records, as a Node stream that pulls them one at a time. */
export function csvReadable(records: Iterable<CsvRecord> | AsyncIterable<CsvRecord>): Readable {
  const stringifier = stringify(CSV_OPTIONS);
  // pipeline destroys the stringifier with the error if the records throw, so the download
  // fails visibly rather than ending as a truncated file that looks whole.
  pipeline(Readable.from(records, { objectMode: true }), stringifier, (error) => {
    // A reader that goes away (a cancelled download) is not a failure worth a log line.
    if (error && error.code !== 'ERR_STREAM_PREMATURE_CLOSE') console.error('[butin] CSV export failed:', error);
  });
  return stringifier;
}

/** The UTF-8 byte order mark a file starts with (csv-stringify's `bom: true`). */
export const CSV_BOM = '\ufeff';
/** CSV_OPTIONS's record delimiter. */
export const CSV_LINE_END = '\r\n';

const NEEDS_QUOTES = /[;"\r\n]/;
const QUOTES = /"/g;

/** One cell as csv-stringify writes it with CSV_OPTIONS (see csvLine). */
export function csvCell(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  return NEEDS_QUOTES.test(cell) ? `"${cell.replace(QUOTES, '""')}"` : cell;
}

/**
 * One record as the text csv-stringify writes for it with CSV_OPTIONS, line end excluded: cells
 * holding ";", a quote or a line break are quoted (quotes doubled), numbers are written as they
 * are, null is an empty cell. For exports that build their lines themselves, in batches.
 */
export function csvLine(record: CsvRecord): string {
  // map + join gives one flat string; appending cell by cell would build a deep rope that costs
  // more to encode later.
  return record.map(csvCell).join(';');
}
