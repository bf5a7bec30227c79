import { describe, expect, it } from 'vitest';
import { currentPeriodId } from './current';

const october = { id: 'oct', startDate: '2026-10-01', endDate: '2026-10-31' };
const november = { id: 'nov', startDate: '2026-11-01', endDate: '2026-11-30' };
const january = { id: 'jan', startDate: '2027-01-01', endDate: '2027-01-31' };

describe('currentPeriodId', () => {
  it.each([
    ['the period under way', [october, november, january], '2026-11-28', 'nov'],
    ['its first day', [october, november], '2026-11-01', 'nov'],
    ['its last day', [october, november], '2026-11-30', 'nov'],
    ['between periods: the latest begun', [january, october, november], '2026-12-15', 'nov'],
    ['in any order', [november, october], '2026-10-15', 'oct'],
    ['before every period: none', [january], '2026-11-28', null],
    ['no period at all: none', [], '2026-11-28', null],
  ] as const)('%s', (_, periods, today, expected) => {
    expect(currentPeriodId(periods, today)).toBe(expected);
  });
});
