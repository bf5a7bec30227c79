// The duration schemas answer as parseDuration does, with message keys a form can translate.
import { describe, expect, it } from 'vitest';

import { ZDurationInput, ZDurationMinutes, ZDurationString } from './schemas';

describe('ZDurationString', () => {
  it('keeps a valid duration as typed', () => {
    expect(ZDurationString.parse(' 1h30 ')).toBe(' 1h30 ');
  });

  it.each([
    ['', 'errors.duration.EMPTY'],
    ['abc', 'errors.duration.INVALID'],
    ['0', 'errors.duration.ZERO'],
    ['-1h', 'errors.duration.NEGATIVE'],
    ['25h', 'errors.duration.TOO_LONG'],
  ])('refuses %j with %s', (input, messageKey) => {
    const result = ZDurationString.safeParse(input);
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([messageKey]);
  });

  it('refuses what is not a string', () => {
    expect(ZDurationString.safeParse(90).success).toBe(false);
  });
});

describe('ZDurationInput', () => {
  it('turns what was typed into minutes', () => {
    expect(ZDurationInput.parse('1,5')).toBe(90);
    expect(ZDurationInput.parse('45 min')).toBe(45);
  });

  it('refuses with the same key as ZDurationString', () => {
    const result = ZDurationInput.safeParse('1:75');
    expect(result.error?.issues.map((issue) => issue.message)).toEqual(['errors.duration.INVALID']);
  });
});

describe('ZDurationMinutes', () => {
  it.each([1, 90, 1440])('accepts %i', (minutes) => {
    expect(ZDurationMinutes.parse(minutes)).toBe(minutes);
  });

  it.each([
    [0, 'errors.duration.ZERO'],
    [-5, 'errors.duration.ZERO'],
    [1441, 'errors.duration.TOO_LONG'],
  ])('refuses %i with %s', (minutes, messageKey) => {
    expect(ZDurationMinutes.safeParse(minutes).error?.issues.map((issue) => issue.message)).toEqual([messageKey]);
  });

  it('refuses a fraction of a minute', () => {
    expect(ZDurationMinutes.safeParse(1.5).success).toBe(false);
  });
});
