// Errors are values with codes: thrown by domain functions, mapped once to HTTP statuses and to
// the messages people read (messages/*.json, under "errors.<code>").
import { translate } from '@/lib/i18n/locale';

export const ERROR_STATUS = {
  BAD_REQUEST: 400,
  VALIDATION: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  STALE_VERSION: 409,
  ALREADY_EXISTS: 409,
  INVITATION_INVALID: 410,
  RATE_LIMITED: 429,
  // Contributions and periods
  NO_PERIOD: 422,
  PERIOD_CLOSED: 409,
  PERIOD_NOT_OPEN: 409,
  PERIOD_OVERLAP: 409,
  PENDING_CONTRIBUTIONS: 409,
  SELF_REVIEW: 403,
  INVALID_TRANSITION: 409,
  COMMENT_REQUIRED: 400,
  ALREADY_REVIEWED: 409,
  // Claims and their files (docs/claims.md)
  NO_MILEAGE_RATE: 422,
  RECEIPT_REQUIRED: 422,
  TOO_MANY_FILES: 409,
  FILE_TOO_LARGE: 413,
  UNSUPPORTED_FILE_TYPE: 415,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

type AppErrorExtra = {
  /** The message people read, as a key of messages/*.json; `errors.<code>` when not given. */
  messageKey?: string;
  /** Values for the message key ("errors.PERIOD_CLOSED_CLOSED" → {period}). */
  values?: Record<string, string | number>;
  /** Field name → message key, for forms. */
  fields?: Record<string, string>;
  /** Extra data the caller may show (e.g. the pending contributions blocking a close). */
  details?: unknown;
};

const MESSAGE_KEY = /^[a-z][\w-]*(\.[\w-]+)+$/;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** What people read, translated into their language: a key of messages/*.json. */
  readonly messageKey: string;
  readonly fields?: Record<string, string>;
  readonly details?: unknown;
  readonly values?: Record<string, string | number>;

  /**
   * `message` is plain English, for logs and the API. Given a message key instead (the older
   * form, `new AppError('NOT_FOUND', 'errors.NOT_FOUND')`), the key becomes `messageKey` and the
   * message its English text.
   */
  constructor(code: ErrorCode, message: string, extra: AppErrorExtra = {}) {
    const legacyKey = extra.messageKey === undefined && MESSAGE_KEY.test(message) ? message : undefined;
    super(legacyKey ? translate('en', legacyKey, extra.values) : message);
    this.name = 'AppError';
    this.code = code;
    this.messageKey = extra.messageKey ?? legacyKey ?? `errors.${code}`;
    this.fields = extra.fields;
    this.details = extra.details;
    this.values = extra.values;
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `${what} not found`);
export const forbidden = (message = 'You are not allowed to do this') => new AppError('FORBIDDEN', message);
