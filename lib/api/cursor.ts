// Keyset pagination cursors: the sort key and id of the last item, opaque to the caller. Keyset
// (not OFFSET) keeps deep pages as fast as the first.
import { AppError } from '@/lib/errors';
import { hasForbiddenCharacter } from '@/lib/validation/text';

export type Cursor = { key: string; id: string };

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.key, cursor.id])).toString('base64url');
}

export function decodeCursor(value: string | undefined | null): Cursor | null {
  if (!value) return null;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(value, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      parsed.every((part) => typeof part === 'string' && part.length <= 200 && !hasForbiddenCharacter(part))
    ) {
      return { key: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through
  }
  throw new AppError('BAD_REQUEST', 'Invalid cursor');
}
