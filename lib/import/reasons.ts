// Why the import refuses a row (or the whole file): codes with parameters, never sentences, so
// the page says it in French, the API in English, and tests compare codes.

export const REASON_CODES = [
  // The file as a whole
  'EMPTY_FILE',
  'TOO_LARGE',
  'TOO_MANY_ROWS',
  'MALFORMED_CSV',
  'MISSING_COLUMNS',
  'DUPLICATE_COLUMN',
  // A row on its own
  'EXTRA_FIELDS',
  'EMAIL_MISSING',
  'DATE_MISSING',
  'BAD_DATE',
  'DURATION_EMPTY',
  'DURATION_INVALID',
  'DURATION_ZERO',
  'DURATION_NEGATIVE',
  'DURATION_TOO_LONG',
  'CHANTIER_MISSING',
  'DESCRIPTION_MISSING',
  'DESCRIPTION_TOO_LONG',
  'BAD_VOLUNTEER',
  // A row against what the database holds
  'UNKNOWN_PERSON',
  'PERSON_INACTIVE',
  'UNKNOWN_CHANTIER',
  'CHANTIER_INACTIVE',
  'UNKNOWN_PLACE',
  'PLACE_INACTIVE',
  'NO_PERIOD',
  'PERIOD_CLOSED',
  'PERIOD_PAID',
  'PERIOD_NOT_PAST',
  'SELF_APPROVAL',
  'FUTURE_DATE',
  'DAY_OVER_LIMIT',
] as const;

export type ReasonCode = (typeof REASON_CODES)[number];

export type Reason = { code: ReasonCode; params?: Record<string, string | number> };

/** A refused row: its first line in the file, or null when the file as a whole is refused. */
export type RefusedRow = { line: number | null; reasons: Reason[] };

/** Parameters holding a calendar date (YYYY-MM-DD), shown in each reader's own format. */
export const DATE_PARAMS = new Set(['date', 'endDate']);
