// CSV text → the rows of an import, each with the line it starts on and what is wrong with it on
// its own (a bad date, a bad duration…); or the reason the file as a whole cannot be read. Pure:
// who the people, chantiers and periods are is plan.ts's business.
//
// Accepted: `;` or `,` separators (whichever the header line uses), UTF-8 with or without BOM,
// Windows or Unix line ends, quoted fields holding separators, quotes and line breaks.
import { CsvError, parse } from 'csv-parse/sync';
import { parseDuration, type DurationErrorCode } from '@/lib/contributions/duration';
import {
  COLUMN_LABELS,
  columnFor,
  durationText,
  parseImportDate,
  parseVolunteer,
  REQUIRED_COLUMNS,
  type Column,
} from '@/lib/import/fields';
import type { Reason, ReasonCode, RefusedRow } from '@/lib/import/reasons';

export const MAX_IMPORT_ROWS = 10_000;
export const MAX_IMPORT_BYTES = 5 * 1024 * 1024;
export const MAX_DESCRIPTION_LENGTH = 2000;

export type ImportRow = {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  /** Lower-cased; '' when missing. */
  email: string;
  /** YYYY-MM-DD, or null when missing or unreadable. */
  date: string | null;
  minutes: number | null;
  /** The chantier's code (or name), as written. */
  chantier: string;
  /** The place's name or code, as written; '' for none. */
  place: string;
  description: string;
  volunteer: boolean;
  /** What is wrong with the row on its own; empty when nothing is. */
  reasons: Reason[];
};

export type ParsedCsv =
  { ok: true; rows: ImportRow[]; ignoredColumns: string[] } | { ok: false; refused: RefusedRow[] };

const DURATION_REASONS: Record<DurationErrorCode, ReasonCode> = {
  EMPTY: 'DURATION_EMPTY',
  INVALID: 'DURATION_INVALID',
  ZERO: 'DURATION_ZERO',
  NEGATIVE: 'DURATION_NEGATIVE',
  TOO_LONG: 'DURATION_TOO_LONG',
};

const refuseFile = (line: number | null, code: ReasonCode, params?: Reason['params']): ParsedCsv => ({
  ok: false,
  refused: [{ line, reasons: [{ code, ...(params ? { params } : {}) }] }],
});

/** A cell as it may be quoted back in a message: one line, not too long. */
export function shown(value: string): string {
  const oneLine = value.replace(/\s+/g, ' ').trim();
  return oneLine.length > 60 ? `${oneLine.slice(0, 59)}…` : oneLine;
}

/** The separator the header line uses most, outside quotes: `;` (French spreadsheets) or `,`. */
export function detectDelimiter(text: string): ';' | ',' {
  let semicolons = 0;
  let commas = 0;
  let quoted = false;
  for (const character of text) {
    if (character === '"') quoted = !quoted;
    else if (!quoted && character === '\n') break;
    else if (!quoted && character === ';') semicolons++;
    else if (!quoted && character === ',') commas++;
  }
  return semicolons >= commas && semicolons > 0 ? ';' : ',';
}

type CsvRecord = { record: string[]; info: { lines: number } };

function countNewlines(fields: string[]): number {
  let count = 0;
  for (const field of fields)
    for (let index = field.indexOf('\n'); index !== -1; index = field.indexOf('\n', index + 1)) count++;
  return count;
}

export function parseRows(text: string): ParsedCsv {
  if (new TextEncoder().encode(text).length > MAX_IMPORT_BYTES)
    return refuseFile(null, 'TOO_LARGE', { maxMegabytes: MAX_IMPORT_BYTES / 1024 / 1024 });
  const normalized = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  if (normalized.trim() === '') return refuseFile(null, 'EMPTY_FILE');

  let lastRecordLine = 0;
  let records: CsvRecord[];
  try {
    records = parse(normalized, {
      delimiter: detectDelimiter(normalized),
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: true,
      info: true,
      on_record: (record: string[], context: { lines: number }) => {
        lastRecordLine = context.lines;
        return record;
      },
    }) as unknown as CsvRecord[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    // The parser stops where it notices; the row it was reading began after the last good one.
    return refuseFile(lastRecordLine + 1, 'MALFORMED_CSV');
  }

  const withLines = records
    .map(({ record, info }) => ({ fields: record, line: info.lines - countNewlines(record) }))
    .filter(({ fields }) => fields.some((field) => field.trim() !== ''));
  if (withLines.length === 0) return refuseFile(null, 'EMPTY_FILE');
  const [header, ...data] = withLines;

  const indexes = new Map<Column, number>();
  const ignoredColumns: string[] = [];
  for (const [index, name] of header.fields.entries()) {
    const column = columnFor(name);
    if (!column) {
      if (name.trim()) ignoredColumns.push(name.trim());
    } else if (indexes.has(column)) {
      return refuseFile(header.line, 'DUPLICATE_COLUMN', { column: name.trim() });
    } else {
      indexes.set(column, index);
    }
  }
  const missing = REQUIRED_COLUMNS.filter((column) => !indexes.has(column));
  if (missing.length)
    return refuseFile(header.line, 'MISSING_COLUMNS', {
      columns: missing.map((column) => COLUMN_LABELS[column]).join(', '),
    });
  if (data.length === 0) return refuseFile(null, 'EMPTY_FILE');
  if (data.length > MAX_IMPORT_ROWS)
    return refuseFile(null, 'TOO_MANY_ROWS', { max: MAX_IMPORT_ROWS, rows: data.length });

  const width = header.fields.length;
  const rows = data.map(({ fields, line }) =>
    readRow(fields, line, width, (column) => {
      const index = indexes.get(column);
      return index === undefined ? '' : (fields[index] ?? '');
    }),
  );
  return { ok: true, rows, ignoredColumns };
}

function readRow(fields: string[], line: number, width: number, cell: (column: Column) => string): ImportRow {
  const reasons: Reason[] = [];
  const lastFilled = fields.findLastIndex((field) => field.trim() !== '');
  // A description with an unquoted separator spills into extra fields: refuse rather than guess.
  if (lastFilled >= width) reasons.push({ code: 'EXTRA_FIELDS', params: { expected: width, found: lastFilled + 1 } });

  const email = cell('email').trim().toLowerCase();
  if (!email) reasons.push({ code: 'EMAIL_MISSING' });

  const dateText = cell('date').trim();
  const date = dateText ? parseImportDate(dateText) : null;
  if (!dateText) reasons.push({ code: 'DATE_MISSING' });
  else if (!date) reasons.push({ code: 'BAD_DATE', params: { value: shown(dateText) } });

  const durationCell = cell('duration');
  const duration = parseDuration(durationText(durationCell));
  if (!duration.ok)
    reasons.push({
      code: DURATION_REASONS[duration.code],
      ...(duration.code === 'EMPTY' ? {} : { params: { value: shown(durationCell) } }),
    });

  const chantier = cell('chantier').trim();
  if (!chantier) reasons.push({ code: 'CHANTIER_MISSING' });

  const description = cell('description').trim();
  if (!description) reasons.push({ code: 'DESCRIPTION_MISSING' });
  else if (description.length > MAX_DESCRIPTION_LENGTH)
    reasons.push({ code: 'DESCRIPTION_TOO_LONG', params: { max: MAX_DESCRIPTION_LENGTH } });

  const volunteerCell = cell('volunteer');
  const volunteer = parseVolunteer(volunteerCell);
  if (volunteer === null) reasons.push({ code: 'BAD_VOLUNTEER', params: { value: shown(volunteerCell) } });

  return {
    line,
    email,
    date,
    minutes: duration.ok ? duration.minutes : null,
    chantier,
    place: cell('place').trim(),
    description,
    volunteer: volunteer ?? false,
    reasons,
  };
}
