import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { routeConsole } from './console';

function capture() {
  const lines: Record<string, unknown>[] = [];
  const log = pino(
    { level: 'info', base: undefined },
    new Writable({
      write(chunk, _encoding, done) {
        lines.push(
          ...String(chunk)
            .trim()
            .split('\n')
            .map((line) => JSON.parse(line)),
        );
        done();
      },
    }),
  );
  const target = {} as Pick<Console, 'log' | 'info' | 'warn' | 'error'>;
  routeConsole(log, target);
  return { lines, target };
}

describe('routeConsole', () => {
  it('turns an error printed with its stack and a Prisma code frame into one line with its cause', () => {
    const { lines, target } = capture();
    const cause = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    const error = new Error(
      "Invalid `prisma.person.findMany()` invocation:\n\n  → 11 return db().person.findMany(\n\nCan't reach database server",
      { cause },
    );
    target.error('[butin] unexpected error in GET /api/v1/people:', error);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toEqual({
      level: 50,
      time: expect.any(Number),
      msg: '[butin] unexpected error in GET /api/v1/people:',
      error: {
        type: 'Error',
        message: "Invalid `prisma.person.findMany()` invocation: Can't reach database server",
        causes: [{ type: 'Error', message: 'connect ECONNREFUSED 127.0.0.1:5432', code: 'ECONNREFUSED' }],
      },
    });
  });

  it.each([
    ['log', 30],
    ['info', 30],
    ['warn', 40],
    ['error', 50],
  ] as const)('console.%s writes a line at level %i, formatted like console', (method, level) => {
    const { lines, target } = capture();
    target[method]('%s has %d items', 'the list', 3);
    expect(lines).toEqual([{ level, time: expect.any(Number), msg: 'the list has 3 items' }]);
  });
});
