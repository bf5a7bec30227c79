// Maps any error to what a caller sees: an AppError keeps its code; a zod error is a 400 naming
// the fields; malformed JSON a 400; an unknown id a 404; the database being away a 503; a value
// PostgreSQL cannot take a 400. Anything else is logged with its context and answered with a short
// generic 500: the database's own messages never leave the server.
import { ZodError } from 'zod';
import { AppError, type ErrorCode } from '@/lib/errors';
import { isMessageKey, translateKey } from '@/lib/i18n/translator';

export type PublicError = {
  status: number;
  code: ErrorCode;
  message: string;
  fields?: Record<string, string>;
  details?: unknown;
};

const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08001',
  '08003',
  '08006',
  'P1001',
  'P1002',
  'P1017',
]);
const UNAVAILABLE_MESSAGE =
  /ECONNREFUSED|Connection terminated|connection timeout|timeout exceeded when trying to connect|the database system is (starting up|shutting down)|terminating connection|Can't reach database|DatabaseNotReachable|Client has encountered a connection error/i;

/** Walks an error and its causes (driver adapters wrap the pg error) looking for a property. */
function* errorChain(error: unknown): Generator<Record<string, unknown>> {
  let current: unknown = error;
  for (let depth = 0; current && typeof current === 'object' && depth < 6; depth++) {
    yield current as Record<string, unknown>;
    const next = (current as { cause?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
    current = next;
  }
}

export function isDatabaseUnavailable(error: unknown): boolean {
  for (const link of errorChain(error)) {
    if (typeof link.code === 'string' && UNAVAILABLE_CODES.has(link.code)) return true;
    if (typeof link.originalCode === 'string' && UNAVAILABLE_CODES.has(link.originalCode)) return true;
    if (typeof link.kind === 'string' && /DatabaseNotReachable|ConnectionClosed|SocketTimeout/.test(link.kind))
      return true;
    if (typeof link.message === 'string' && UNAVAILABLE_MESSAGE.test(link.message)) return true;
  }
  return false;
}

function prismaCode(error: unknown): string | undefined {
  for (const link of errorChain(error)) {
    if (typeof link.code === 'string' && /^P\d{4}$/.test(link.code)) return link.code;
  }
  return undefined;
}

/** PostgreSQL's SQLSTATE (five characters), wherever the driver adapter put it. */
function postgresCode(error: unknown): string | undefined {
  for (const link of errorChain(error)) {
    const adapter = (link.meta as { driverAdapterError?: { cause?: { originalCode?: unknown } } } | undefined)
      ?.driverAdapterError?.cause?.originalCode;
    for (const value of [link.code, link.originalCode, adapter]) {
      if (typeof value === 'string' && /^[0-9A-Z]{5}$/.test(value) && !/^P\d{4}$/.test(value)) return value;
    }
    // Prisma's own errors name it only in their message: "Database error. Code: `22021`."
    const named = typeof link.message === 'string' ? /Code: `([0-9A-Z]{5})`/.exec(link.message)?.[1] : undefined;
    if (named && !/^P\d{4}$/.test(named)) return named;
  }
  return undefined;
}

function pgMessage(error: unknown): string {
  return [...errorChain(error)].map((link) => (typeof link.message === 'string' ? link.message : '')).join(' ');
}

export function zodFieldErrors(error: ZodError): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join('.') || '_';
    // Schemas carry message keys ("validation.email"); the API speaks English.
    fields[key] ??= translateKey('en', isMessageKey(issue.message) ? issue.message : 'validation.invalid');
  }
  return fields;
}

export function toPublicError(error: unknown, context = ''): PublicError {
  if (error instanceof AppError) {
    // Message keys are for people; the API speaks English.
    const message = isMessageKey(error.message) ? translateKey('en', error.message, error.values) : error.message;
    const fields = error.fields
      ? Object.fromEntries(
          Object.entries(error.fields).map(([field, text]) => [
            field,
            isMessageKey(text) ? translateKey('en', text, error.values) : text,
          ]),
        )
      : undefined;
    return { status: error.status, code: error.code, message, fields, details: error.details };
  }
  if (error instanceof ZodError) {
    const fields = zodFieldErrors(error);
    const summary = Object.entries(fields)
      .map(([field, message]) => `${field}: ${message}`)
      .join('; ');
    return { status: 400, code: 'VALIDATION', message: `Invalid input — ${summary}`, fields };
  }
  if (error instanceof SyntaxError)
    return { status: 400, code: 'BAD_REQUEST', message: 'The request body is not valid JSON' };
  if (isDatabaseUnavailable(error)) {
    return { status: 503, code: 'DATABASE_UNAVAILABLE', message: 'The database is unavailable; try again in a moment' };
  }
  const sqlState = postgresCode(error);
  if (sqlState && /^(22|54)/.test(sqlState)) {
    // A value the database cannot take (a NUL byte, a date out of its range, a string too long, an
    // input too complex): the edge validation should have stopped it, so it is logged, but it is
    // the caller's input, not our failure, and the database's own words stay in the log.
    console.error(`[butin] input refused by the database${context ? ` in ${context}` : ''}:`, error);
    return { status: 400, code: 'BAD_REQUEST', message: 'The input holds a value that cannot be stored' };
  }
  const code = prismaCode(error);
  if (code === 'P2025') return { status: 404, code: 'NOT_FOUND', message: 'Not found' };
  if (code === 'P2002') return { status: 409, code: 'ALREADY_EXISTS', message: 'This already exists' };
  const message = pgMessage(error);
  if (/period_closed/.test(message))
    return { status: 409, code: 'CONFLICT', message: 'The period is closed: its contributions cannot change' };
  if (/funding_periods_no_overlap|conflicting key value violates exclusion constraint/.test(message)) {
    return { status: 409, code: 'CONFLICT', message: 'This period overlaps another one' };
  }
  console.error(`[butin] unexpected error${context ? ` in ${context}` : ''}:`, error);
  return { status: 500, code: 'INTERNAL', message: 'Something went wrong; it has been logged' };
}
