// The weekly timesheet's planner: what a typed grid means against what is stored, table-driven.
import { describe, expect, it } from 'vitest';
import { buildWeekRows, cellFingerprint, type WeekContribution, type WeekDay } from './week-grid';
import {
  planWeek,
  weekErrorMessageKey,
  type WeekCellInput,
  type WeekPlan,
  type WeekPlanInput,
  type WeekRowInput,
} from './week-plan';

const DATES = ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29'];
const OPEN_WEEK: WeekDay[] = DATES.map((date) => ({ date, open: true }));
// The period ends on Wednesday: Thursday to Sunday are in no open period.
const HALF_OPEN_WEEK: WeekDay[] = DATES.map((date, index) => ({ date, open: index < 3 }));

const C1 = 'chantier-1';
const LIEU = 'la-coroutine';

function stored(id: string, day: number, data: Partial<WeekContribution> = {}): WeekContribution {
  return {
    id,
    chantierId: C1,
    placeId: null,
    date: DATES[day],
    minutes: 60,
    description: 'Accueil',
    status: 'DRAFT',
    version: 1,
    ...data,
  };
}

/** A row as the page would post it: every cell untouched and seen as stored, unless overridden. */
function row(
  storedRows: WeekContribution[],
  cells: Record<number, string | Partial<WeekCellInput>> = {},
  data: Partial<WeekRowInput> = {},
): WeekRowInput {
  const chantierId = data.chantierId ?? C1;
  const placeId = data.placeId ?? null;
  return {
    chantierId,
    placeId,
    description: 'Accueil',
    descriptionEdited: false,
    ...data,
    cells: DATES.map((date, day) => {
      const seen = storedRows.filter((c) => c.date === date && c.chantierId === chantierId && c.placeId === placeId);
      const override = cells[day];
      const base = { text: null, fingerprint: cellFingerprint(seen) };
      return typeof override === 'string' ? { ...base, text: override } : { ...base, ...override };
    }),
  };
}

const plan = (input: Partial<WeekPlanInput> & Pick<WeekPlanInput, 'rows'>) =>
  planWeek({ days: OPEN_WEEK, stored: [], submit: false, ...input });
const NOTHING: WeekPlan = { creates: [], updates: [], deletes: [], submits: [], submit: false };

describe('planWeek: what each typed cell does', () => {
  const draft = stored('d1', 1, { minutes: 90 });
  const submitted = stored('s1', 2, { status: 'SUBMITTED' });
  const approvedAndDraft = [stored('a1', 3, { status: 'APPROVED' }), stored('d2', 3, { minutes: 30 })];
  const all = [draft, submitted, ...approvedAndDraft];

  it.each<
    [
      string,
      Record<number, string | Partial<WeekCellInput>>,
      Partial<WeekPlan> | { errors: { path: string; code: string }[] },
    ]
  >([
    ['nothing typed: no-op', {}, {}],
    [
      'an empty cell typed: a draft is created with the row description',
      { 0: '1h30' },
      {
        creates: [
          { row: 0, day: 0, date: DATES[0], chantierId: C1, placeId: null, minutes: 90, description: 'Accueil' },
        ],
      },
    ],
    [
      'a decimal comma',
      { 4: '0,5' },
      {
        creates: [
          { row: 0, day: 4, date: DATES[4], chantierId: C1, placeId: null, minutes: 30, description: 'Accueil' },
        ],
      },
    ],
    [
      'a draft retyped: its minutes change',
      { 1: '2h' },
      { updates: [{ row: 0, day: 1, id: 'd1', minutes: 120, description: 'Accueil' }] },
    ],
    ['a draft retyped with what it holds: no-op', { 1: '1:30' }, {}],
    ['a draft cleared: deleted', { 1: '  ' }, { deletes: [{ row: 0, day: 1, id: 'd1' }] }],
    ['an empty cell cleared: no-op', { 0: '' }, {}],
    ['a submitted cell retyped: refused', { 2: '3h' }, { errors: [{ path: 'rows.0.cells.2', code: 'LOCKED' }] }],
    ['a submitted cell cleared: refused', { 2: '' }, { errors: [{ path: 'rows.0.cells.2', code: 'LOCKED' }] }],
    ['a submitted cell "typed" with its own total: no-op', { 2: '1h' }, {}],
    [
      'a cell of two contributions retyped: refused, draft or not',
      { 3: '2h' },
      { errors: [{ path: 'rows.0.cells.3', code: 'LOCKED' }] },
    ],
    ['an unreadable duration', { 0: 'abc' }, { errors: [{ path: 'rows.0.cells.0', code: 'INVALID' }] }],
    ['zero', { 0: '0' }, { errors: [{ path: 'rows.0.cells.0', code: 'ZERO' }] }],
    ['a negative duration', { 1: '-1h' }, { errors: [{ path: 'rows.0.cells.1', code: 'NEGATIVE' }] }],
    ['more than 24 h', { 5: '25h' }, { errors: [{ path: 'rows.0.cells.5', code: 'TOO_LONG' }] }],
    [
      'every error at once, nothing planned',
      { 0: 'abc', 1: '2h', 2: '3h', 6: '1h' },
      {
        errors: [
          { path: 'rows.0.cells.0', code: 'INVALID' },
          { path: 'rows.0.cells.2', code: 'LOCKED' },
        ],
      },
    ],
    [
      'a draft changed elsewhere since the page was loaded: stale',
      { 1: { text: '2h', fingerprint: 'd1:0' } },
      { errors: [{ path: 'rows.0.cells.1', code: 'STALE' }] },
    ],
    [
      'a draft created elsewhere in a cell seen empty: stale',
      { 1: { text: '2h', fingerprint: '' } },
      { errors: [{ path: 'rows.0.cells.1', code: 'STALE' }] },
    ],
    ['a draft deleted elsewhere, cleared here too: no-op', { 5: { text: '', fingerprint: 'gone:2' } }, {}],
  ])('%s', (_name, cells, expected) => {
    const result = plan({ stored: all, rows: [row(all, cells)] });
    if ('errors' in expected) {
      expect(result).toEqual({ ok: false, errors: expected.errors });
    } else {
      expect(result).toEqual({ ok: true, plan: { ...NOTHING, ...expected } });
    }
  });
});

describe('planWeek: days outside an open period', () => {
  const closedDraft = stored('old', 4);
  it.each([
    ['typing into an empty closed day is refused', { 5: '1h' }, [{ path: 'rows.0.cells.5', code: 'DAY_CLOSED' }]],
    ['changing a draft of a closed day is refused', { 4: '2h' }, [{ path: 'rows.0.cells.4', code: 'DAY_CLOSED' }]],
    ['clearing a draft of a closed day is refused', { 4: '' }, [{ path: 'rows.0.cells.4', code: 'DAY_CLOSED' }]],
  ])('%s', (_name, cells, errors) => {
    expect(plan({ days: HALF_OPEN_WEEK, stored: [closedDraft], rows: [row([closedDraft], cells)] })).toEqual({
      ok: false,
      errors,
    });
  });

  it('does not submit the drafts of a closed day', () => {
    const result = plan({
      days: HALF_OPEN_WEEK,
      stored: [closedDraft],
      rows: [row([closedDraft], { 0: '1h' })],
      submit: true,
    });
    expect(result.ok && result.plan.submits).toEqual([]);
    expect(result.ok && result.plan.creates.map((create) => create.day)).toEqual([0]);
  });
});

describe('planWeek: descriptions', () => {
  const draft = stored('d1', 0, { description: 'Accueil du public' });

  it('requires a description for a row that creates a draft', () => {
    expect(plan({ rows: [row([], { 2: '1h' }, { description: '  ' })] })).toEqual({
      ok: false,
      errors: [{ path: 'rows.0.description', code: 'DESCRIPTION_REQUIRED' }],
    });
  });

  it('does not require one for a row that only changes its drafts', () => {
    const result = plan({ stored: [draft], rows: [row([draft], { 0: '2h' }, { description: '' })] });
    expect(result).toEqual({
      ok: true,
      plan: { ...NOTHING, updates: [{ row: 0, day: 0, id: 'd1', minutes: 120, description: 'Accueil du public' }] },
    });
  });

  it('renames the row drafts when the person edited the description', () => {
    const result = plan({
      stored: [draft],
      rows: [row([draft], {}, { description: ' Accueil et ménage ', descriptionEdited: true })],
    });
    expect(result).toEqual({
      ok: true,
      plan: { ...NOTHING, updates: [{ row: 0, day: 0, id: 'd1', minutes: 60, description: 'Accueil et ménage' }] },
    });
  });

  it('refuses to empty the description of drafts', () => {
    expect(plan({ stored: [draft], rows: [row([draft], {}, { description: '', descriptionEdited: true })] })).toEqual({
      ok: false,
      errors: [{ path: 'rows.0.description', code: 'DESCRIPTION_REQUIRED' }],
    });
  });
});

describe('planWeek: rows', () => {
  it('keeps each row to its (chantier, place) pair', () => {
    const atPlace = stored('p1', 0, { placeId: LIEU });
    const noPlace = stored('n1', 0);
    const result = plan({
      stored: [atPlace, noPlace],
      rows: [row([atPlace, noPlace], { 0: '2h' }, { placeId: LIEU }), row([atPlace, noPlace], { 0: '' })],
    });
    expect(result).toEqual({
      ok: true,
      plan: {
        ...NOTHING,
        updates: [{ row: 0, day: 0, id: 'p1', minutes: 120, description: 'Accueil' }],
        deletes: [{ row: 1, day: 0, id: 'n1' }],
      },
    });
  });

  it('refuses the same pair twice', () => {
    expect(plan({ rows: [row([], { 0: '1h' }), row([], { 1: '1h' })] })).toEqual({
      ok: false,
      errors: [{ path: 'rows.1.chantierId', code: 'DUPLICATE_ROW' }],
    });
  });
});

describe('planWeek: save and submit', () => {
  const draft = stored('d1', 0);
  const untouchedDraft = stored('d2', 1);
  const changesRequested = stored('cr', 2, { status: 'CHANGES_REQUESTED' });
  const multi = [stored('s1', 3, { status: 'SUBMITTED' }), stored('d3', 3)];
  const all = [draft, untouchedDraft, changesRequested, ...multi];

  it('submits the changed, the untouched and the new drafts, not the deleted or sent-back ones', () => {
    const result = plan({ stored: all, rows: [row(all, { 0: '3h', 4: '1h' })], submit: true });
    expect(result).toEqual({
      ok: true,
      plan: {
        creates: [
          { row: 0, day: 4, date: DATES[4], chantierId: C1, placeId: null, minutes: 60, description: 'Accueil' },
        ],
        updates: [{ row: 0, day: 0, id: 'd1', minutes: 180, description: 'Accueil' }],
        deletes: [],
        submits: [
          { row: 0, day: 0, id: 'd1' },
          { row: 0, day: 1, id: 'd2' },
          { row: 0, day: 3, id: 'd3' },
        ],
        submit: true,
      },
    });
    const deleting = plan({ stored: all, rows: [row(all, { 0: '' })], submit: true });
    expect(deleting.ok && deleting.plan.submits.map((submit) => submit.id)).toEqual(['d2', 'd3']);
  });

  it('refuses to submit a draft the person did not see as it is', () => {
    expect(plan({ stored: all, rows: [row(all, { 1: { fingerprint: 'd2:0' } })], submit: true })).toEqual({
      ok: false,
      errors: [{ path: 'rows.0.cells.1', code: 'STALE' }],
    });
  });

  it('leaves drafts of rows not in the grid alone', () => {
    const elsewhere = stored('x1', 0, { chantierId: 'chantier-2' });
    const result = plan({ stored: [elsewhere], rows: [row([], { 0: '1h' })], submit: true });
    expect(result.ok && result.plan.submits).toEqual([]);
  });
});

describe('buildWeekRows and the planner agree', () => {
  it('an untouched grid built from the stored week plans nothing', () => {
    const week = [
      stored('d1', 0),
      stored('s1', 1, { status: 'SUBMITTED' }),
      stored('p1', 2, { placeId: LIEU }),
      stored('a', 3, { status: 'APPROVED' }),
      stored('b', 3),
    ];
    const rows = buildWeekRows(OPEN_WEEK, week).map((view) => ({
      chantierId: view.chantierId,
      placeId: view.placeId,
      description: view.description,
      descriptionEdited: false,
      cells: view.cells.map((cell) => ({ text: null, fingerprint: cell.fingerprint })),
    }));
    expect(rows.map((view) => [view.placeId, view.cells.map((cell) => cell.fingerprint)])).toEqual([
      [null, ['d1:1', 's1:1', '', 'a:1,b:1', '', '', '']],
      [LIEU, ['', '', 'p1:1', '', '', '', '']],
    ]);
    expect(plan({ stored: week, rows })).toEqual({ ok: true, plan: NOTHING });
  });
});

describe('a day holds at most 24 h', () => {
  const LIEU_ROW = { placeId: LIEU };
  it.each([
    [
      '20 h and 10 h typed in two rows the same day',
      [],
      { 0: '20h' },
      { 0: '10h' },
      ['rows.0.cells.0', 'rows.1.cells.0'],
    ],
    ['20 h and 4 h: exactly 24 h', [], { 0: '20h' }, { 0: '4h' }, []],
    [
      '10 h typed next to 20 h submitted',
      [stored('s', 0, { status: 'SUBMITTED', minutes: 1200 })],
      {},
      { 0: '10h' },
      ['rows.1.cells.0'],
    ],
    ['10 h typed next to 20 h rejected', [stored('r', 0, { status: 'REJECTED', minutes: 1200 })], {}, { 0: '10h' }, []],
    [
      'a 20 h draft lowered to 14 h next to 10 h typed',
      [stored('d', 0, { minutes: 1200 })],
      { 0: '14h' },
      { 0: '10h' },
      [],
    ],
    ['a 20 h draft cleared, 10 h typed', [stored('d', 0, { minutes: 1200 })], { 0: '' }, { 0: '10h' }, []],
    ['20 h on Monday, 10 h on Tuesday', [], { 0: '20h' }, { 1: '10h' }, []],
  ] as const)('%s', (_case, week, first, second, paths) => {
    const result = plan({
      stored: [...week],
      rows: [row([...week], { ...first }), row([...week], { ...second }, LIEU_ROW)],
    });
    if (paths.length === 0) expect(result.ok).toBe(true);
    else expect(result).toEqual({ ok: false, errors: paths.map((path) => ({ path, code: 'DAY_OVER_LIMIT' })) });
  });
});

describe('no hours after today', () => {
  it('refuses hours typed on a day after today, and lets them be cleared there', () => {
    const week = [stored('d', 4)];
    expect(plan({ today: DATES[2], stored: week, rows: [row(week, { 3: '2h', 2: '1h' })] })).toEqual({
      ok: false,
      errors: [{ path: 'rows.0.cells.3', code: 'FUTURE_DATE' }],
    });
    const cleared = plan({ today: DATES[2], stored: week, rows: [row(week, { 4: '' })] });
    expect(cleared.ok && cleared.plan.deletes).toEqual([{ row: 0, day: 4, id: 'd' }]);
  });
});

describe('weekErrorMessageKey', () => {
  it.each([
    ['INVALID', 'errors.duration.INVALID'],
    ['LOCKED', 'week.errors.locked'],
    ['DESCRIPTION_REQUIRED', 'validation.required'],
    ['DAY_OVER_LIMIT', 'errors.DAY_OVER_LIMIT_FIELD'],
    ['FUTURE_DATE', 'errors.FUTURE_DATE_FIELD'],
  ] as const)('%s → %s', (code, key) => {
    expect(weekErrorMessageKey(code)).toBe(key);
  });
});
