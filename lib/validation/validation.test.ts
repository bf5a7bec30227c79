import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { AppError } from '@/lib/errors';
import { isCalendarDate, ZCalendarDate } from './date';
import { cleanInput, MAX_INPUT_DEPTH, ZText } from './text';
import { ZFlag } from './boolean';

describe('isCalendarDate', () => {
  it.each([
    ['2026-02-28', true],
    ['2028-02-29', true],
    ['2000-01-01', true],
    ['2100-12-31', true],
    ['2026-02-29', false],
    ['2026-02-30', false],
    ['2026-13-01', false],
    ['2026-00-10', false],
    ['0000-01-01', false],
    ['1999-12-31', false],
    ['2101-01-01', false],
    ['+02026-01-01', false],
    ['2026-1-1', false],
    ['2026-01-01T00:00', false],
    ['2026-01-01\u0000', false],
    ['', false],
  ])('%j → %s', (value, expected) => {
    expect(isCalendarDate(value)).toBe(expected);
    expect(ZCalendarDate().safeParse(value).success).toBe(expected);
  });

  it('accepts every day from 2000 to 2100 exactly as Date prints it', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01T00:00:00Z'), max: new Date('2100-12-31T00:00:00Z'), noInvalidDate: true }),
        (date) => {
          expect(isCalendarDate(date.toISOString().slice(0, 10))).toBe(true);
        },
      ),
    );
  });
});

describe('cleanInput', () => {
  it('puts every string and key in NFC', () => {
    const decomposed = 'Chloe\u0301';
    expect(cleanInput({ name: decomposed, tags: [decomposed], [decomposed]: 1 })).toEqual({
      name: 'Chloé',
      tags: ['Chloé'],
      Chloé: 1,
    });
  });

  it.each([
    [{ description: 'a\u0000b' }, 'description'],
    [{ rows: [{ name: 'ok' }, { name: '\u0000' }] }, 'rows.1.name'],
    [{ 'a\u0000': 'x' }, 'a'],
    ['\u0000', '_'],
  ])('refuses a NUL byte in %j, naming %s', (input, field) => {
    let error: unknown;
    try {
      cleanInput(input);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe('VALIDATION');
    expect((error as AppError).fields).toEqual({ [field]: 'validation.invalidCharacter' });
  });

  it('refuses deep nesting with a 400, not a stack overflow', () => {
    let deep: unknown = 'leaf';
    for (let depth = 0; depth < 100_000; depth++) deep = [deep];
    expect(() => cleanInput(deep)).toThrow(AppError);
    let fine: unknown = 'leaf';
    for (let depth = 0; depth < MAX_INPUT_DEPTH - 1; depth++) fine = { next: fine };
    expect(cleanInput(fine)).toEqual(fine);
  });

  it('leaves numbers, booleans and null alone, and is idempotent', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 5 }), (value) => {
        const noNul = JSON.parse(JSON.stringify(value).replace(/\\u0000/g, ''));
        const once = cleanInput(noNul);
        expect(cleanInput(once)).toEqual(once);
      }),
    );
  });
});

describe('ZText', () => {
  it('refuses NUL and normalises, still chaining string checks', () => {
    const schema = ZText().trim().min(1).max(5);
    expect(schema.parse(' e\u0301 ')).toBe('é');
    expect(schema.safeParse('a\u0000').success).toBe(false);
    expect(schema.safeParse('toolong').success).toBe(false);
  });
});

describe('ZFlag', () => {
  it.each([
    [true, true],
    [false, false],
    ['on', true],
    ['true', true],
    ['false', false],
    [undefined, false],
  ])('%j → %j', (input, expected) => {
    expect(ZFlag().default(false).parse(input)).toBe(expected);
  });

  it.each(['yes', 'maybe', '', 'TRUE', 1, 0, null, {}, []])('refuses %j instead of reading it as false', (input) => {
    expect(ZFlag().default(false).safeParse(input).success).toBe(false);
  });
});
