// Errors are values with codes: thrown by domain functions, mapped once to HTTP statuses and to
// the messages people read (messages/*.json, under "errors.<code>").

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
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  readonly code: ErrorCode;
  /** Field name → message, for forms. */
  readonly fields?: Record<string, string>;
  /** Extra data the caller may show (e.g. the pending contributions blocking a close). */
  readonly details?: unknown;
  /** Values for a message key ("errors.PERIOD_CLOSED_NAMED" → {period}). */
  readonly values?: Record<string, string | number>;

  /** `message` is a message key ("errors.…") where people will read it, or plain English. */
  constructor(
    code: ErrorCode,
    message: string,
    extra: { fields?: Record<string, string>; details?: unknown; values?: Record<string, string | number> } = {},
  ) {
    super(message);
    this.name = 'AppError';
    this.code = code;
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
