// The one edge rule for text, applied to every input before its own schema reads it: a NUL byte
// is refused (PostgreSQL cannot store one, and no person types one) and everything else is put in
// Unicode NFC, so "é" typed as e + combining accent and "é" typed at once are the same name, the
// same email, the same search. `cleanInput` walks a whole input (JSON body, query, path, form);
// `ZText` is the same rule as a zod string for schemas that want it spelled out.
import { z } from 'zod';
import { AppError } from '@/lib/errors';

/** How deep an input may nest: no form or API body of Butin goes past a handful of levels. */
export const MAX_INPUT_DEPTH = 32;

const FORBIDDEN = /\u0000/;

export function hasForbiddenCharacter(value: string): boolean {
  return FORBIDDEN.test(value);
}

/** A zod string that refuses NUL and reads its value in NFC; chain `.trim().min().max()` as usual. */
export const ZText = () =>
  z
    .string()
    .refine((value) => !hasForbiddenCharacter(value), 'validation.invalidCharacter')
    .normalize('NFC');

function invalidCharacter(path: string): AppError {
  return new AppError('VALIDATION', `Invalid input — ${path || 'input'}: contains a forbidden character (NUL)`, {
    fields: { [path || '_']: 'validation.invalidCharacter' },
  });
}

/**
 * The input with every string (keys too) in NFC; an AppError VALIDATION (400) naming the field
 * when a string holds a NUL byte, BAD_REQUEST when the input nests deeper than MAX_INPUT_DEPTH.
 */
export function cleanInput<T>(input: T): T {
  const walk = (value: unknown, path: string[], depth: number): unknown => {
    if (typeof value === 'string') {
      if (hasForbiddenCharacter(value)) throw invalidCharacter(path.join('.'));
      return value.normalize('NFC');
    }
    if (value === null || typeof value !== 'object') return value;
    if (depth >= MAX_INPUT_DEPTH) throw new AppError('BAD_REQUEST', 'The input nests too deeply');
    if (Array.isArray(value)) return value.map((item, index) => walk(item, [...path, String(index)], depth + 1));
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) {
      if (hasForbiddenCharacter(key)) throw invalidCharacter([...path, key.replace(/\u0000/g, '')].join('.'));
      result[key.normalize('NFC')] = walk(item, [...path, key], depth + 1);
    }
    return result;
  };
  return walk(input, [], 0) as T;
}
