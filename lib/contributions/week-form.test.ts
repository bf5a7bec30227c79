import { describe, expect, it } from 'vitest';
import { cellView, type WeekContribution, type WeekDay } from './week-grid';
import { textChanged, toFormRow, toRowInputs, weekTotals, type WeekFormRow } from './week-form';

const DATES = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
const days: WeekDay[] = DATES.map((date, index) => ({ date, open: index < 5 }));
const contribution = (id: string, day: number, data: Partial<WeekContribution> = {}): WeekContribution => ({
  id,
  chantierId: 'c1',
  placeId: null,
  date: DATES[day],
  minutes: 90,
  description: 'Accueil',
  status: 'DRAFT',
  version: 2,
  ...data,
});

function formRow(stored: WeekContribution[], texts: Record<number, string> = {}): WeekFormRow {
  const row = toFormRow({
    chantierId: 'c1',
    placeId: null,
    description: 'Accueil',
    cells: days.map((day) =>
      cellView(
        stored.filter((c) => c.date === day.date),
        day.open,
      ),
    ),
  });
  return { ...row, texts: row.texts.map((text, day) => texts[day] ?? text) };
}

describe('textChanged', () => {
  it.each([
    ['1h30', '1h30', false],
    ['1,5', '1h30', false],
    [' 90min ', '1h30', false],
    ['2h', '1h30', true],
    ['', '1h30', true],
    ['abc', '', true],
    ['', '', false],
  ])('%j over %j → %s', (text, loaded, changed) => {
    expect(textChanged(text, loaded)).toBe(changed);
  });
});

describe('the grid as the form holds it', () => {
  const stored = [
    contribution('d1', 0),
    contribution('s1', 1, { status: 'SUBMITTED', minutes: 60 }),
    contribution('old', 6, { minutes: 30 }),
  ];

  it('loads drafts as typed durations and leaves read-only cells alone', () => {
    expect(formRow(stored).texts).toEqual(['1h30', '', '', '', '', '', '']);
  });

  it('counts what is typed, and what read-only cells hold, live', () => {
    const rows = [formRow(stored, { 0: '2h', 2: '0,5', 3: 'abc' }), formRow([], { 4: '45min' })];
    expect(weekTotals(rows, 7)).toEqual({
      perRow: [120 + 60 + 30 + 30, 45],
      perDay: [120, 60, 30, 0, 45, 0, 30],
      week: 285,
      overLimit: [false, false, false, false, false, false, false],
    });
  });

  it('marks a day over 24 h as typed across rows, and leaves rejected hours out of every total', () => {
    const withRejected = [...stored, contribution('r1', 2, { status: 'REJECTED', minutes: 600 })];
    const rows = [formRow(withRejected, { 0: '20h', 4: '12h' }), formRow([], { 0: '10h', 4: '12h' })];
    const totals = weekTotals(rows, 7);
    expect(totals.perDay).toEqual([1800, 60, 0, 0, 1440, 0, 30]);
    expect(totals.overLimit).toEqual([true, false, false, false, false, false, false]);
  });

  it('posts only the changed cells, with what each cell was when loaded', () => {
    const [posted] = toRowInputs([formRow(stored, { 0: '1,5', 2: '1h', 3: 'x' })]);
    expect(posted.descriptionEdited).toBe(false);
    expect(posted.cells).toEqual([
      { text: null, fingerprint: 'd1:2' },
      { text: null, fingerprint: 's1:2' },
      { text: '1h', fingerprint: '' },
      { text: 'x', fingerprint: '' },
      { text: null, fingerprint: '' },
      { text: null, fingerprint: '' },
      { text: null, fingerprint: 'old:2' },
    ]);
  });
});
