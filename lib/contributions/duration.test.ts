// What people may type as a duration, what they get back, and that every shown form reads back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  formatDuration,
  formatDurationInput,
  MAX_CONTRIBUTION_MINUTES,
  parseDuration,
  type DurationErrorCode,
} from './duration';

// Mostly the pieces durations are made of, so that random inputs often come close to one.
const typedLookingText = fc
  .array(fc.constantFrom('0', '1', '2', '3', '5', '9', ' ', 'h', 'min', 'm', ':', ',', '.', '-', 'x'), {
    maxLength: 8,
  })
  .map((pieces) => pieces.join(''));

const accepted: Array<[input: string, minutes: number]> = [
  ['1h30', 90],
  ['1h', 60],
  ['45min', 45],
  ['45 min', 45],
  ['1:30', 90],
  ['1,5', 90],
  ['1.5', 90],
  ['2', 120],
  ['1 h 30', 90],
  ['1h30min', 90],
  ['90min', 90],
  ['  1h30  ', 90],
  ['\t1 h 30\n', 90],
  ['1H30', 90],
  ['45 MIN', 45],
  ['1h05', 65],
  ['1h5', 65],
  ['1 h 05', 65],
  ['1h 30 min', 90],
  ['1h30m', 90],
  ['1h30mn', 90],
  ['1 hour 30 minutes', 90],
  ['2 heures', 120],
  ['1 heure 15', 75],
  ['2 hrs', 120],
  ['1,5h', 90],
  ['1.5 h', 90],
  ['0,25', 15],
  ['.5', 30],
  [',75', 45],
  ['0.1', 6],
  ['0:45', 45],
  ['00:05', 5],
  ['24', 1440],
  ['24:00', 1440],
  ['24h', 1440],
  ['1440min', 1440],
  ['1\u00a0h\u00a030', 90],
  ['1\u202fh 30', 90],
  // Decimal hours round half-up to the nearest minute.
  ['1.01', 61], // 60.6
  ['1,333333', 80], // 79.99998
  ['0.025', 2], // 1.5 exactly: half goes up
  ['0.0249', 1], // 1.494
  ['23.999', 1440], // 1439.94
];

const refused: Array<[input: string, code: DurationErrorCode]> = [
  ['', 'EMPTY'],
  ['   ', 'EMPTY'],
  ['\n\t', 'EMPTY'],
  ['abc', 'INVALID'],
  ['h', 'INVALID'],
  ['min', 'INVALID'],
  ['1:75', 'INVALID'],
  ['1:60', 'INVALID'],
  ['1h60', 'INVALID'],
  ['1h75', 'INVALID'],
  ['1:5', 'INVALID'],
  ['1:', 'INVALID'],
  [':30', 'INVALID'],
  ['1.', 'INVALID'],
  ['1,5,5', 'INVALID'],
  ['1.5min', 'INVALID'],
  ['1h30h', 'INVALID'],
  ['1h300', 'INVALID'],
  ['1.5h30', 'INVALID'],
  ['30min 1h', 'INVALID'],
  ['1 30', 'INVALID'],
  ['+1h', 'INVALID'],
  ['--1h', 'INVALID'],
  ['-abc', 'INVALID'],
  ['1e2', 'INVALID'],
  ['0x10', 'INVALID'],
  ['١', 'INVALID'], // Arabic-Indic digit: \d is ASCII only
  ['1'.repeat(41), 'INVALID'],
  ['0', 'ZERO'],
  ['0h', 'ZERO'],
  ['0min', 'ZERO'],
  ['0:00', 'ZERO'],
  ['0,0', 'ZERO'],
  ['0.001', 'ZERO'], // 0.06 min rounds to nothing
  ['-0', 'ZERO'],
  ['-1h', 'NEGATIVE'],
  ['-45min', 'NEGATIVE'],
  ['- 1,5', 'NEGATIVE'],
  ['\u22121h', 'NEGATIVE'],
  ['-25h', 'NEGATIVE'],
  ['25h', 'TOO_LONG'],
  ['25', 'TOO_LONG'],
  ['24h01', 'TOO_LONG'],
  ['24:01', 'TOO_LONG'],
  ['1441min', 'TOO_LONG'],
  ['24.01', 'TOO_LONG'], // 1440.6 rounds to 1441
  ['99999999999999999999999h', 'TOO_LONG'],
];

describe('parseDuration', () => {
  it.each(accepted)('reads %j as %i minutes', (input, minutes) => {
    expect(parseDuration(input)).toEqual({ ok: true, minutes });
  });

  it.each(refused)('refuses %j with %s', (input, code) => {
    expect(parseDuration(input)).toEqual({ ok: false, code });
  });

  it('never throws and always answers whole minutes within 1..1440', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string({ maxLength: 50 }), typedLookingText), (input) => {
        const parsed = parseDuration(input);
        if (parsed.ok) {
          expect(Number.isInteger(parsed.minutes)).toBe(true);
          expect(parsed.minutes).toBeGreaterThanOrEqual(1);
          expect(parsed.minutes).toBeLessThanOrEqual(MAX_CONTRIBUTION_MINUTES);
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('reads decimal hours as hours × 60, rounded half-up', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 2400 }), fc.constantFrom('.', ','), (hundredths, separator) => {
        const text = `${Math.floor(hundredths / 100)}${separator}${String(hundredths % 100).padStart(2, '0')}`;
        const expected = Math.floor((hundredths * 60 * 2 + 100) / 200); // all integers: exact
        expect(parseDuration(text)).toEqual(
          expected > MAX_CONTRIBUTION_MINUTES ? { ok: false, code: 'TOO_LONG' } : { ok: true, minutes: expected },
        );
      }),
    );
  });
});

describe('formatDuration', () => {
  it.each([
    [90, '1 h 30', '1 h 30 min'],
    [60, '1 h', '1 h'],
    [45, '45 min', '45 min'],
    [65, '1 h 05', '1 h 5 min'],
    [1, '1 min', '1 min'],
    [0, '0 min', '0 min'],
    [1440, '24 h', '24 h'],
    [2250, '37 h 30', '37 h 30 min'],
  ])('shows %i minutes as %j in French and %j in English', (minutes, fr, en) => {
    expect(formatDuration(minutes)).toBe(fr);
    expect(formatDuration(minutes, 'fr')).toBe(fr);
    expect(formatDuration(minutes, 'en')).toBe(en);
  });

  it.each([-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY])('refuses %s minutes', (minutes) => {
    expect(() => formatDuration(minutes)).toThrow(RangeError);
    expect(() => formatDurationInput(minutes)).toThrow(RangeError);
  });
});

describe('formatDurationInput', () => {
  it.each([
    [90, '1h30'],
    [65, '1h05'],
    [120, '2h'],
    [45, '45min'],
    [1440, '24h'],
  ])('pre-fills %i minutes as %j', (minutes, text) => {
    expect(formatDurationInput(minutes)).toBe(text);
  });
});

describe('every shown duration reads back to itself', () => {
  const allContributionMinutes = Array.from({ length: MAX_CONTRIBUTION_MINUTES }, (_, index) => index + 1);

  // The domain is small enough to check whole rather than sample.
  it.each([
    ['the input form', formatDurationInput],
    ['the French display', (minutes: number) => formatDuration(minutes, 'fr')],
    ['the English display', (minutes: number) => formatDuration(minutes, 'en')],
  ])('%s, for each of the 1440 possible durations', (_name, format) => {
    for (const minutes of allContributionMinutes) {
      expect(parseDuration(format(minutes))).toEqual({ ok: true, minutes });
    }
  });

  it('a typed duration, re-shown in the input form, parses to the same minutes', () => {
    fc.assert(
      fc.property(typedLookingText, (input) => {
        const parsed = parseDuration(input);
        if (!parsed.ok) return;
        expect(parseDuration(formatDurationInput(parsed.minutes))).toEqual(parsed);
      }),
      { numRuns: 2000 },
    );
  });
});
