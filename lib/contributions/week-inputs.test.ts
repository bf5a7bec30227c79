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

describe('ZWeekForm', () => {
  it('reads the posted grid, the week and the button', () => {
    expect(ZWeekForm.parse({ weekStart: '2026-11-23', rows: JSON.stringify([row]), intent: 'submit' })).toEqual({
      weekStart: '2026-11-23',
      rows: [{ ...row, placeId: null }],
      submit: true,
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
