// One line per error: an error becomes a few short fields (its kind, the first line of its
// message, its code, the same for its causes) instead of a multi-line stack. Prisma's messages
// quote the calling code over dozens of lines; during a database outage every request would
// print them all.
import { types } from 'node:util';

export type ErrorFields = {
  type: string;
  message: string;
  code?: string;
  /** The chain of causes, outermost first, each summarised the same way. */
  causes?: { type: string; message: string; code?: string }[];
  /** Set with `LOG_STACKS=1`: the stack's first frames, on one line. */
  stack?: string;
};

const MAX_MESSAGE = 300;
const MAX_CAUSES = 4;

/** The line of a message that says what happened (Prisma puts it last, after its code frame). */
export function summariseMessage(message: string): string {
  const lines = message
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  if (lines.length === 0) return '';
  // "Invalid `prisma.person.findMany()` invocation:\n\n  → 12 const …\n\nCan't reach database server at …"
  const invocation = /^Invalid `.*` invocation/.test(lines[0]);
  let line = invocation ? `${lines[0].replace(/:$/, '')}: ${lines[lines.length - 1]}` : lines[0];
  if (line.length > MAX_MESSAGE) line = `${line.slice(0, MAX_MESSAGE - 1)}…`;
  return line;
}

/** An Error, also one made in another realm (a VM context, a worker). */
function isError(value: unknown): value is Error {
  return value instanceof Error || types.isNativeError(value);
}

function one(error: unknown): { type: string; message: string; code?: string } {
  if (isError(error)) {
    const raw = (error as { code?: unknown }).code;
    const code = typeof raw === 'string' || typeof raw === 'number' ? String(raw) : undefined;
    return { type: error.name || error.constructor?.name || 'Error', message: summariseMessage(error.message), code };
  }
  if (error && typeof error === 'object') {
    const record = error as { message?: unknown; code?: unknown };
    return {
      type: 'object',
      message: summariseMessage(typeof record.message === 'string' ? record.message : JSON.stringify(error)),
      code: typeof record.code === 'string' ? record.code : undefined,
    };
  }
  return { type: typeof error, message: summariseMessage(String(error)) };
}

export function errorFields(error: unknown, options: { stack?: boolean } = {}): ErrorFields {
  const fields: ErrorFields = one(error);
  if (!fields.code) delete fields.code;
  const causes: ErrorFields['causes'] = [];
  const seen = new Set<unknown>([error]);
  let cause = isError(error) ? error.cause : undefined;
  while (cause !== undefined && cause !== null && !seen.has(cause) && causes.length < MAX_CAUSES) {
    seen.add(cause);
    const summary = one(cause);
    if (!summary.code) delete summary.code;
    causes.push(summary);
    cause = isError(cause) ? cause.cause : undefined;
  }
  if (causes.length) fields.causes = causes;
  if (options.stack && isError(error) && error.stack) {
    fields.stack = error.stack
      .split('\n')
      .slice(1, 6)
      .map((frame) => frame.trim())
      .join(' | ');
  }
  return fields;
}
