import { describe, expect, it, vi } from 'vitest';
import { toPublicError } from './errors';

describe('toPublicError and values the database refuses', () => {
  it.each([
    ['a pg error', Object.assign(new Error('invalid byte sequence for encoding "UTF8": 0x00'), { code: '22021' })],
    [
      'a driver adapter error',
      Object.assign(new Error('Invalid `prisma.person.create()` invocation'), {
        code: 'P2010',
        meta: { driverAdapterError: { cause: { originalCode: '22008', kind: 'postgres' } } },
      }),
    ],
    [
      'a Prisma message naming the code',
      new Error('Invalid `db().person.create()` invocation: Database error. Code: `22021`. Message: `…`'),
    ],
  ])('answers %s with a 400 that never repeats the database', (_, error) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = toPublicError(error);
    log.mockRestore();
    expect(answer).toEqual({
      status: 400,
      code: 'BAD_REQUEST',
      message: 'The input holds a value that cannot be stored',
    });
  });

  it('keeps anything else a generic 500', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const answer = toPublicError(new Error('Invalid `prisma.$executeRaw()` invocation: something secret'));
    log.mockRestore();
    expect(answer.status).toBe(500);
    expect(answer.message).not.toMatch(/prisma|secret/);
  });
});
