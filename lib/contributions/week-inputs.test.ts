import { describe, expect, it } from 'vitest';
import { ZWeekForm } from './week-inputs';

const cells = (texts: (string | null)[]) => texts.map((text) => ({ text, fingerprint: '' }));
const row = {
  chantierId: 'c1',
  placeId: '',
  description: 'Accueil',
  descriptionEdited: false,
  cells: cells(['1h', null, null, null, null, null, null]),
};

function issues(form: Record<string, unknown>) {
  const parsed = ZWeekForm.safeParse(form);
  return parsed.success ? [] : parsed.error.issues.map((issue) => [issue.path.join('.'), issue.message]);
}

describe('ZWeekForm posted without JavaScript (no `rows`: the form’s own fields)', () => {
  const loaded = JSON.stringify([
    {
      chantierId: 'c1',
      placeId: null,
      description: 'Accueil',
      cells: [{ text: '1h', fingerprint: 'a:1' }, ...Array.from({ length: 6 }, () => ({ text: '', fingerprint: '' }))],
    },
  ]);

  it.each<[string, Record<string, string>, (string | null)[], string, boolean]>([
    ['nothing typed', { 'cell.0.0': '1h', 'description.0': 'Accueil' }, [null], 'Accueil', false],
    ['the same duration written otherwise', { 'cell.0.0': '60min' }, [null], 'Accueil', false],
    [
      'a changed and a new cell',
      { 'cell.0.0': '2h', 'cell.0.3': '1h30' },
      ['2h', null, null, '1h30'],
      'Accueil',
      false,
    ],
    ['an emptied cell (its draft deleted)', { 'cell.0.0': '' }, [''], 'Accueil', false],
    ['a new description', { 'description.0': ' Réunion ' }, [null], ' Réunion ', true],
  ])('reads %s', (_label, fields, texts, description, descriptionEdited) => {
    const parsed = ZWeekForm.parse({ weekStart: '2026-11-23', loaded, intent: 'save', ...fields });
    expect(parsed.plain).toBe(true);
    expect(parsed.rows).toHaveLength(1);
    const expected = Array.from({ length: 7 }, (_, day) => texts[day] ?? null);
    expect(parsed.rows[0].cells.map((cell) => cell.text)).toEqual(expected);
    expect(parsed.rows[0].cells[0].fingerprint).toBe('a:1');
    expect(parsed.rows[0]).toMatchObject({ chantierId: 'c1', placeId: null, description, descriptionEdited });
  });

  it.each<[string, unknown]>([
    ['no loaded grid', undefined],
    ['a loaded grid that is not JSON', '{oops'],
    ['a loaded grid of numbers', '[1, 2]'],
    ['a row without cells', JSON.stringify([{ chantierId: 'c1' }])],
    ['cells that are not objects', JSON.stringify([{ chantierId: 'c1', cells: [1, 2, 3, 4, 5, 6, 7] }])],
  ])('refuses %s without throwing', (_label, value) => {
    expect(ZWeekForm.safeParse({ weekStart: '2026-11-23', loaded: value, 'cell.0.0': '1h' }).success).toBe(false);
  });
});

describe('ZWeekForm', () => {
  it('reads the posted grid, the week and the button', () => {
    expect(ZWeekForm.parse({ weekStart: '2026-11-23', rows: JSON.stringify([row]), intent: 'submit' })).toEqual({
      weekStart: '2026-11-23',
      rows: [{ ...row, placeId: null }],
      submit: true,
      plain: false,
    });
    expect(ZWeekForm.parse({ weekStart: '2026-11-23', rows: '[]', intent: 'save' }).submit).toBe(false);
  });

  it.each([
    [
      'a week that does not start on a Monday',
      { weekStart: '2026-11-25', rows: '[]' },
      [['weekStart', 'validation.date']],
    ],
    ['a grid that is not JSON', { weekStart: '2026-11-23', rows: '{oops' }, [['rows', 'validation.invalid']]],
    [
      'a row of six days',
      { weekStart: '2026-11-23', rows: JSON.stringify([{ ...row, cells: cells(['', '', '', '', '', '']) }]) },
      [['rows.0.cells', 'validation.invalid']],
    ],
    [
      'an absurdly long cell',
      {
        weekStart: '2026-11-23',
        rows: JSON.stringify([{ ...row, cells: cells(['9'.repeat(101), null, null, null, null, null, null]) }]),
      },
      [['rows.0.cells.0.text', 'errors.duration.INVALID']],
    ],
  ])('refuses %s', (_name, form, expected) => {
    const found = issues(form).map(([path, message]) => [
      path,
      /^(validation|errors)\./.test(message) ? message : 'validation.invalid',
    ]);
    expect(found).toEqual(expected);
  });
});

describe('ZWeekForm with a week that is not a date', () => {
  it.each(['9'.repeat(400), '0000-01-01', '2026-02-30', '1e400', 'a\u0000b', '', '2026-13-01'])(
    'refuses %j as a field error, without throwing',
    (weekStart) => {
      const form = new FormData();
      form.set('weekStart', weekStart);
      form.set('rows', '[]');
      form.set('intent', 'save');
      const parsed = ZWeekForm.safeParse(form);
      expect(parsed.success).toBe(false);
      expect(parsed.error?.issues.map((issue) => issue.path.join('.'))).toContain('weekStart');
    },
  );
});
