// A change of the database's state is logged once each way, however often the health is polled.
import { Writable } from 'node:stream';
import pino from 'pino';
import { beforeEach, describe, expect, it } from 'vitest';
import { metrics } from '@/lib/metrics';
import { recordDatabaseState } from './check-database';

const lines: Record<string, unknown>[] = [];
(globalThis as Record<symbol, unknown>)[Symbol.for('butin.logger')] = pino(
  { base: undefined },
  new Writable({
    write(chunk, _encoding, done) {
      lines.push(JSON.parse(String(chunk)));
      done();
    },
  }),
);

beforeEach(() => {
  lines.length = 0;
});

describe('recordDatabaseState', () => {
  it('logs the first failure with its cause, stays quiet while it lasts, and logs the recovery once', async () => {
    expect(recordDatabaseState(true, undefined, 1_000)).toBe(true); // the first state known: nothing to say
    expect(recordDatabaseState(true, undefined, 2_000)).toBe(false);
    const cause = Object.assign(new Error("Can't reach database server at 127.0.0.1:5432"), { code: 'P1001' });
    expect(recordDatabaseState(false, cause, 3_000)).toBe(true);
    for (let poll = 0; poll < 20; poll += 1) expect(recordDatabaseState(false, cause, 3_500 + poll)).toBe(false);
    expect(recordDatabaseState(true, undefined, 23_000)).toBe(true);
    expect(recordDatabaseState(true, undefined, 24_000)).toBe(false);

    expect(lines.map(({ level, msg }) => ({ level, msg }))).toEqual([
      { level: 50, msg: 'health: the database does not answer' },
      { level: 30, msg: 'health: the database answers again' },
    ]);
    expect(lines[0].error).toEqual({
      type: 'Error',
      message: "Can't reach database server at 127.0.0.1:5432",
      code: 'P1001',
    });
    expect(lines[1].downForMs).toBe(20_000);
    const text = await metrics().registry.metrics();
    expect(text).toMatch(/^butin_database_up 1$/m);
    expect(text).toContain('butin_db_errors_total{kind="unreachable"} 1');
  });
});
