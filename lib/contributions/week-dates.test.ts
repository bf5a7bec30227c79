import { describe, expect, it } from 'vitest';
import { addDays, isCalendarDate, weekDays, weekStartFromParam, weekStartOf } from './week-dates';

describe('weekStartOf', () => {
  it.each([
    ['2026-11-23', '2026-11-23'], // a Monday is its own week start
    ['2026-11-25', '2026-11-23'],
    ['2026-11-29', '2026-11-23'], // Sunday ends the week, it does not start one
    ['2026-03-29', '2026-03-23'], // the day clocks go forward in Europe
    ['2027-01-01', '2026-12-28'], // a week across the new year
    ['2024-03-01', '2024-02-26'], // across a leap day
  ])('%s → %s', (date, monday) => {
    expect(weekStartOf(date)).toBe(monday);
  });
});

describe('weekDays', () => {
  it('lists Monday to Sunday', () => {
    expect(weekDays('2026-12-28')).toEqual([
      '2026-12-28',
      '2026-12-29',
      '2026-12-30',
      '2026-12-31',
      '2027-01-01',
      '2027-01-02',
      '2027-01-03',
    ]);
  });
});

describe('weekStartFromParam', () => {
  it.each([
    [undefined, '2026-11-26', '2026-11-23'],
    ['2026-12-03', '2026-11-26', '2026-11-30'],
    ['2026-02-30', '2026-11-26', '2026-11-23'],
    ['next week', '2026-11-26', '2026-11-23'],
  ])('%s (today %s) → %s', (param, today, monday) => {
    expect(weekStartFromParam(param, today)).toBe(monday);
  });
});

describe('dates', () => {
  it('adds days across months and back', () => {
    expect(addDays('2026-11-30', 1)).toBe('2026-12-01');
    expect(addDays('2026-12-01', -7)).toBe('2026-11-24');
  });

  it('knows real calendar dates', () => {
    expect(isCalendarDate('2024-02-29')).toBe(true);
    expect(isCalendarDate('2026-02-29')).toBe(false);
    expect(isCalendarDate('2026-1-01')).toBe(false);
  });
});
