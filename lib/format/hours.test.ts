import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_HOURS, minutesToHoursInput, parseHoursToMinutes } from './hours';

describe('parseHoursToMinutes', () => {
  it.each([
    ['120', 7200],
    ['7,5', 450],
    ['7.25', 435],
    ['7h30', 450],
    ['7 h 05', 425],
    ['0', 0],
    ['1,0166666', null],
    ['12 heures', 720],
  ])('%j → %s minutes', (input, minutes) => {
    const parsed = parseHoursToMinutes(input);
    if (minutes === null) expect(parsed.ok).toBe(false);
    else expect(parsed).toEqual({ ok: true, minutes });
  });

  it.each([
    ['', 'EMPTY'],
    ['beaucoup', 'INVALID'],
    ['7h75', 'INVALID'],
    ['-3', 'NEGATIVE'],
    ['7,333', 'NOT_WHOLE_MINUTES'],
    [String(MAX_HOURS + 1), 'TOO_LARGE'],
  ])('%j is refused as %s', (input, code) => {
    expect(parseHoursToMinutes(input)).toEqual({ ok: false, code });
  });

  it('reads back what the form shows', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_HOURS * 60 }),
        fc.constantFrom('fr' as const, 'en' as const),
        (minutes, locale) => {
          expect(parseHoursToMinutes(minutesToHoursInput(minutes, locale))).toEqual({ ok: true, minutes });
        },
      ),
    );
  });
});
