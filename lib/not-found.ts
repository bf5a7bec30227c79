// A page shows Next's 404 for a record that is not there (or that this person may not see: the
// domain answers NOT_FOUND for both) — and for nothing else: a database outage or a bug must reach
// the error page, not pass for a missing record.
import { notFound } from 'next/navigation';
import { AppError } from '@/lib/errors';

export function isNotFoundError(error: unknown): boolean {
  return error instanceof AppError && error.code === 'NOT_FOUND';
}

/** The value, or null when the domain said NOT_FOUND; any other error is rethrown. */
export async function nullIfNotFound<T>(promise: Promise<T>): Promise<T | null> {
  try {
    return await promise;
  } catch (error) {
    if (isNotFoundError(error)) return null;
    throw error;
  }
}

/** The value, or Next's 404 page when the domain said NOT_FOUND; any other error is rethrown. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  const value = await nullIfNotFound(promise);
  if (value === null) notFound();
  return value;
}
