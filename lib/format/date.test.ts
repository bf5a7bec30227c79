import { describe, expect, it } from 'vitest';
import { formatCalendarDate, formatShortDay, fromIsoDate, toIsoDate } from './date';

describe('formatCalendarDate', () => {
  it.each([
    ['2026-11-28', 'fr', '28/11/2026'],
    ['2026-01-01', 'fr', '01/01/2026'],
    ['2026-12-31', 'en', '31/12/2026'],
  ])('%s in %s → %s', (date, locale, expected) => {
    expect(formatCalendarDate(date, locale)).toBe(expected);
  });

  it('never shifts the day, whatever the time zone of the machine', () => {
    expect(formatCalendarDate('2026-03-29', 'fr')).toBe('29/03/2026');
  });
});

describe('formatShortDay', () => {
  it('names the weekday', () => {
    expect(formatShortDay('2026-11-23', 'fr')).toMatch(/^lun\.? 23\/11$/);
    expect(formatShortDay('2026-11-23', 'en')).toMatch(/^Mon,? 23\/11$/);
  });
});

describe('toIsoDate and fromIsoDate', () => {
  it('round-trip a @db.Date value', () => {
    expect(toIsoDate(fromIsoDate('2031-02-28'))).toBe('2031-02-28');
    expect(fromIsoDate('2031-02-28').toISOString()).toBe('2031-02-28T00:00:00.000Z');
  });
});
