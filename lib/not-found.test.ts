import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { isNotFoundError, nullIfNotFound, orNotFound } from './not-found';

const outage = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
const digestOf = async (promise: Promise<unknown>) => {
  try {
    await promise;
  } catch (error) {
    return (error as { digest?: string }).digest;
  }
  throw new Error('expected a rejection');
};

describe('orNotFound and nullIfNotFound', () => {
  it.each([
    ['an AppError NOT_FOUND', new AppError('NOT_FOUND', 'errors.NOT_FOUND'), true],
    ['an AppError FORBIDDEN', new AppError('FORBIDDEN', 'no'), false],
    ['a database outage', outage, false],
    ['a plain Error saying not found', new Error('not found'), false],
    ['an object shaped like an AppError', { code: 'NOT_FOUND', message: 'x' }, false],
  ])('treats %s as missing: %s', (_label, error, missing) => {
    expect(isNotFoundError(error)).toBe(missing);
  });

  it('passes a value through', async () => {
    expect(await orNotFound(Promise.resolve({ id: 'c1' }))).toEqual({ id: 'c1' });
    expect(await nullIfNotFound(Promise.resolve(0))).toBe(0);
  });

  it('turns NOT_FOUND into Next’s 404 (orNotFound) or null (nullIfNotFound)', async () => {
    expect(await digestOf(orNotFound(Promise.reject(new AppError('NOT_FOUND', 'x'))))).toMatch(
      /^NEXT_HTTP_ERROR_FALLBACK;404$/,
    );
    expect(await nullIfNotFound(Promise.reject(new AppError('NOT_FOUND', 'x')))).toBeNull();
  });

  it('lets every other error through unchanged, so an outage is not a 404', async () => {
    await expect(orNotFound(Promise.reject(outage))).rejects.toBe(outage);
    await expect(nullIfNotFound(Promise.reject(outage))).rejects.toBe(outage);
    const forbidden = new AppError('FORBIDDEN', 'no');
    await expect(orNotFound(Promise.reject(forbidden))).rejects.toBe(forbidden);
  });
});
