import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { countsTowardsDay, daysOverLimit, isFutureDate, MAX_DAY_MINUTES } from './day-rules';

describe('daysOverLimit', () => {
  it.each([
    ['nothing', [], []],
    ['exactly 24 h in one day', [{ personId: 'a', date: '2026-05-04', minutes: 1440 }], []],
    [
      '20 h + 10 h the same day',
      [
        { personId: 'a', date: '2026-05-04', minutes: 1200 },
        { personId: 'a', date: '2026-05-04', minutes: 600 },
      ],
      [{ personId: 'a', date: '2026-05-04', totalMinutes: 1800 }],
    ],
    [
      '20 h + 10 h on two days',
      [
        { personId: 'a', date: '2026-05-04', minutes: 1200 },
        { personId: 'a', date: '2026-05-05', minutes: 600 },
      ],
      [],
    ],
    [
      '20 h + 10 h by two people',
      [
        { personId: 'a', date: '2026-05-04', minutes: 1200 },
        { personId: 'b', date: '2026-05-04', minutes: 600 },
      ],
      [],
    ],
    [
      'one minute over',
      [
        { personId: 'a', date: '2026-05-04', minutes: 1000 },
        { personId: 'a', date: '2026-05-04', minutes: 441 },
      ],
      [{ personId: 'a', date: '2026-05-04', totalMinutes: 1441 }],
    ],
  ])('%s', (_case, entries, expected) => {
    expect(daysOverLimit(entries)).toEqual(expected);
  });

  it('flags a day exactly when its sum exceeds 24 h', () => {
    const entry = fc.record({
      personId: fc.constantFrom('a', 'b'),
      date: fc.constantFrom('2026-05-04', '2026-05-05'),
      minutes: fc.integer({ min: 1, max: 1440 }),
    });
    fc.assert(
      fc.property(fc.array(entry, { maxLength: 12 }), (entries) => {
        const flagged = new Set(daysOverLimit(entries).map((day) => `${day.personId}|${day.date}`));
        for (const personId of ['a', 'b'])
          for (const date of ['2026-05-04', '2026-05-05']) {
            const sum = entries
              .filter((entry) => entry.personId === personId && entry.date === date)
              .reduce((total, entry) => total + entry.minutes, 0);
            expect(flagged.has(`${personId}|${date}`)).toBe(sum > MAX_DAY_MINUTES);
          }
      }),
    );
  });
});

describe('countsTowardsDay', () => {
  it.each([
    ['DRAFT', true],
    ['SUBMITTED', true],
    ['CHANGES_REQUESTED', true],
    ['APPROVED', true],
    ['REJECTED', false],
  ] as const)('%s counts: %s', (status, counts) => {
    expect(countsTowardsDay(status)).toBe(counts);
  });
});

describe('isFutureDate', () => {
  it.each([
    ['2026-12-25', '2026-12-02', true],
    ['2026-12-02', '2026-12-02', false],
    ['2026-12-01', '2026-12-02', false],
    ['2027-01-01', '2026-12-31', true],
  ])('%s after %s: %s', (date, today, future) => {
    expect(isFutureDate(date, today)).toBe(future);
  });
});
