// Routes console.log/info/warn/error of a server process into the logger, so that what Next.js
// or a library prints is a log line too, and an Error printed with it becomes one line with its
// cause rather than a page of stack (a Prisma error during a database outage is dozens of lines).
import { format, types } from 'node:util';
import type { Logger } from 'pino';
import { errorFields } from './error-fields';

export function routeConsole(log: Logger, target: Pick<Console, 'log' | 'info' | 'warn' | 'error'> = console): void {
  const write =
    (level: 'info' | 'warn' | 'error') =>
    (...args: unknown[]) => {
      const error = args.find((arg) => arg instanceof Error || types.isNativeError(arg));
      const text = format(...args.filter((arg) => arg !== error)).trim();
      if (error) log[level]({ error: errorFields(error, { stack: process.env.LOG_STACKS === '1' }) }, text || 'error');
      else log[level](text);
    };
  target.log = write('info');
  target.info = write('info');
  target.warn = write('warn');
  target.error = write('error');
}
