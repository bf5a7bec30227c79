import { describe, expect, it } from 'vitest';
import { backupDaysFrom, backupDue } from './daily';
import { backupFileName } from './format';

describe('backupDaysFrom', () => {
  it.each([
    [undefined, 14],
    ['', 14],
    ['0', 0],
    ['30', 30],
  ])('%j → %i', (value, days) => expect(backupDaysFrom(value)).toBe(days));

  it.each(['-1', '1.5', 'often'])('refuses %j', (value) =>
    expect(() => backupDaysFrom(value)).toThrow(/BUTIN_BACKUP_DAYS/),
  );
});

describe('backupDue', () => {
  const at = (iso: string) => new Date(iso);
  it.each([
    { names: [], now: '2026-12-02T04:00:00Z', due: true },
    { names: ['notes.txt'], now: '2026-12-02T04:00:00Z', due: true },
    { names: [backupFileName(at('2026-12-01T05:00:00Z'))], now: '2026-12-02T04:00:00Z', due: false },
    { names: [backupFileName(at('2026-12-01T04:00:00Z'))], now: '2026-12-02T04:00:00Z', due: true },
    {
      names: [backupFileName(at('2026-11-20T04:00:00Z')), backupFileName(at('2026-12-02T03:00:00Z'))],
      now: '2026-12-02T04:00:00Z',
      due: false,
    },
  ])('$names at $now: $due', ({ names, now, due }) => expect(backupDue(names, at(now))).toBe(due));
});
