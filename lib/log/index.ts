// The app's logger: JSON lines on stdout (pino), one object per event — time, level, message and
// fields (request id, method, path, status, duration, error digest…). On a terminal the lines are
// formatted for reading (pretty.ts); `LOG_FORMAT=json|pretty` forces either, `LOG_LEVEL` filters
// (trace, debug, info, warn, error, fatal; default info).
//
// One logger per process, shared through globalThis: the start script and the Next.js server
// bundle each load their own copy of this module, and both must write through one stream.
import pino, { type Logger } from 'pino';
import { errorFields } from './error-fields';
import { formatPretty } from './pretty';

export type { Logger } from 'pino';
export { errorFields } from './error-fields';

const KEY = Symbol.for('butin.logger');
const store = globalThis as unknown as Record<symbol, Logger | undefined>;

const LEVELS = new Set(['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent']);

function level(): string {
  const wanted = (process.env.LOG_LEVEL ?? '').toLowerCase();
  return LEVELS.has(wanted) ? wanted : 'info';
}

function pretty(): boolean {
  if (process.env.LOG_FORMAT === 'json') return false;
  if (process.env.LOG_FORMAT === 'pretty') return true;
  return Boolean(process.stdout.isTTY);
}

// `err` holds errorFields(): pino's own serializer would turn it back into a stack.
const serializers = { error: (value: unknown) => (value instanceof Error ? errorFields(value) : value) };

function createLogger(): Logger {
  const options: pino.LoggerOptions = {
    level: level(),
    serializers,
    base: undefined, // no pid/hostname on every line; the process manager knows them
    timestamp: pino.stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
  };
  if (!pretty()) return pino(options, pino.destination({ dest: 1, sync: true }));
  // Pretty lines: pino writes numeric levels and epoch times, which formatPretty reads.
  const colour = Boolean(process.stdout.isTTY) && !process.env.NO_COLOR;
  return pino(
    { level: level(), base: undefined, serializers },
    {
      write(line: string) {
        process.stdout.write(`${formatPretty(line.trimEnd(), { colour })}\n`);
      },
    },
  );
}

export function logger(): Logger {
  return (store[KEY] ??= createLogger());
}

/** Logs an error on one line: what failed (`message`), and the error and its causes, summarised. */
export function logError(message: string, error: unknown, fields: Record<string, unknown> = {}): void {
  logger().error({ ...fields, error: errorFields(error, { stack: process.env.LOG_STACKS === '1' }) }, message);
}
