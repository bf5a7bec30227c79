import { describe, expect, it } from 'vitest';
import { parseRows } from './parse-rows';
import { duplicateKey, planImport, type ImportLookups, type PeriodRecord } from './plan';

const PERIODS: PeriodRecord[] = [
  { id: 'past-open', name: '2025', status: 'OPEN', startDate: '2025-01-01', endDate: '2025-12-31' },
  { id: 'current', name: '2026', status: 'OPEN', startDate: '2026-01-01', endDate: '2026-12-31' },
  { id: 'closed', name: '2024', status: 'CLOSED', startDate: '2024-01-01', endDate: '2024-12-31' },
  { id: 'paid', name: '2023', status: 'PAID', startDate: '2023-01-01', endDate: '2023-12-31' },
];

const LOOKUPS: ImportLookups = {
  people: new Map([
    ['alice@x.test', { id: 'p-alice', active: true }],
    ['bruno@x.test', { id: 'p-bruno', active: false }],
    ['admin@x.test', { id: 'p-admin', active: true }],
  ]),
  chantiers: [
    { id: 'c1', code: 'C1', name: 'Gestion des tiers-lieux', active: true },
    { id: 'c2', code: 'C2', name: 'Accompagnement', active: true },
    { id: 'c9', code: 'C9', name: 'Ancien chantier', active: false },
    { id: 'c-nocode', code: null, name: 'Sans code', active: true },
  ],
  places: [
    { id: 'cor', code: 'COR', name: 'La Coroutine', active: true },
    { id: 'old', code: null, name: 'Le Vieux Lieu', active: false },
  ],
  // What periodsOfDays gives the caller, for these tests' dates.
  periodOf: (date) => PERIODS.find((period) => period.startDate <= date && date <= period.endDate),
  today: '2026-06-15',
};

const HEADER = 'email;date;durée;chantier;lieu;description;bénévole';

function plan(rows: string[], options: { approve?: boolean; actorId?: string } = {}) {
  const parsed = parseRows([HEADER, ...rows].join('\n'));
  if (!parsed.ok) throw new Error('unreadable');
  return planImport(parsed.rows, LOOKUPS, { approve: options.approve ?? false, actorId: options.actorId ?? 'p-admin' });
}

describe('planImport', () => {
  it('warns about rows identical to a stored contribution or to an earlier row, and still plans them', () => {
    const rows = [
      'alice@x.test;2026-05-04;1h;C1;;Atelier;',
      'alice@x.test;2026-05-04;1h;C1;;Atelier;',
      'alice@x.test;2026-05-04;1h;C2;;Atelier;',
      'alice@x.test;2026-05-05;2h;C1;;Réunion ;',
      'alice@x.test;2026-05-04;1h30;C1;;Atelier;',
    ];
    const parsed = parseRows([HEADER, ...rows].join('\n'));
    if (!parsed.ok) throw new Error('unreadable');
    const stored = duplicateKey({
      personId: 'p-alice',
      date: '2026-05-05',
      chantierId: 'c1',
      minutes: 120,
      description: 'Réunion',
    });
    const result = planImport(
      parsed.rows,
      { ...LOOKUPS, storedKeys: new Set([stored]) },
      { approve: false, actorId: 'p-admin' },
    );
    expect(result.planned).toHaveLength(5);
    expect(result.duplicates).toEqual([
      { line: 3, firstLine: 2 },
      { line: 5, firstLine: null },
    ]);
  });

  it('refuses a row dated after today', () => {
    expect(plan(['alice@x.test;2026-06-16;1h;C1;;Atelier;']).refused).toEqual([
      { line: 2, reasons: [{ code: 'FUTURE_DATE', params: { date: '2026-06-16' } }] },
    ]);
  });

  it("refuses the row that takes a person's day over 24 h, counting what is stored and earlier rows", () => {
    const rows = [
      'alice@x.test;2026-05-04;10h;C1;;Atelier;',
      'alice@x.test;2026-05-04;4h;C2;;Atelier;',
      'alice@x.test;2026-05-04;1h;C2;;Atelier;',
      'admin@x.test;2026-05-04;20h;C2;;Atelier;',
      'alice@x.test;2026-05-05;20h;C2;;Atelier;',
    ];
    const parsed = parseRows([HEADER, ...rows].join('\n'));
    if (!parsed.ok) throw new Error('unreadable');
    const result = planImport(
      parsed.rows,
      { ...LOOKUPS, dayMinutes: new Map([['p-alice|2026-05-04', 600]]) },
      { approve: false, actorId: 'p-admin' },
    );
    // 10 h stored + 10 h + 4 h = 24 h: the 1 h after it is one too many; other people and days are apart.
    expect(result.refused).toEqual([
      { line: 4, reasons: [{ code: 'DAY_OVER_LIMIT', params: { date: '2026-05-04', total: '25 h' } }] },
    ]);
    expect(result.planned.map((row) => row.line)).toEqual([2, 3, 5, 6]);
  });

  it('plans a good row with every id resolved', () => {
    expect(plan(['Alice@x.test;04/05/2026;1h30;c1;la coroutine;Atelier;oui'])).toEqual({
      rows: 1,
      refused: [],
      duplicates: [],
      planned: [
        {
          line: 2,
          personId: 'p-alice',
          chantierId: 'c1',
          placeId: 'cor',
          periodId: 'current',
          date: '2026-05-04',
          minutes: 90,
          description: 'Atelier',
          volunteer: true,
        },
      ],
    });
  });

  it.each([
    ['a place by its code', 'alice@x.test;2026-05-04;1h;C1;cor;Atelier;', { placeId: 'cor' }],
    [
      'a place by its name, without accents or case',
      'alice@x.test;2026-05-04;1h;C1;LA COROUTINE;Atelier;',
      { placeId: 'cor' },
    ],
    ['no place', 'alice@x.test;2026-05-04;1h;C1;;Atelier;', { placeId: null }],
    [
      'a chantier without a code, by its name',
      'alice@x.test;2026-05-04;1h;sans code;;Atelier;',
      { chantierId: 'c-nocode' },
    ],
    ['the first day of a period', 'alice@x.test;2026-01-01;1h;C1;;Atelier;', { periodId: 'current' }],
    ['the last day of a period', 'alice@x.test;2025-12-31;1h;C1;;Atelier;', { periodId: 'past-open' }],
    ['today', 'alice@x.test;2026-06-15;1h;C1;;Atelier;', { date: '2026-06-15' }],
  ])('finds %s', (_label, row, expected) => {
    const result = plan([row]);
    expect(result.refused).toEqual([]);
    expect(result.planned[0]).toMatchObject(expected);
  });

  it.each([
    [
      'an unknown person',
      'nobody@x.test;2026-05-04;1h;C1;;Atelier;',
      [{ code: 'UNKNOWN_PERSON', params: { email: 'nobody@x.test' } }],
    ],
    [
      'an inactive person',
      'bruno@x.test;2026-05-04;1h;C1;;Atelier;',
      [{ code: 'PERSON_INACTIVE', params: { email: 'bruno@x.test' } }],
    ],
    [
      'an unknown chantier',
      'alice@x.test;2026-05-04;1h;C7;;Atelier;',
      [{ code: 'UNKNOWN_CHANTIER', params: { chantier: 'C7' } }],
    ],
    [
      'an inactive chantier',
      'alice@x.test;2026-05-04;1h;C9;;Atelier;',
      [{ code: 'CHANTIER_INACTIVE', params: { chantier: 'C9' } }],
    ],
    [
      'an unknown place',
      'alice@x.test;2026-05-04;1h;C1;La Lune;Atelier;',
      [{ code: 'UNKNOWN_PLACE', params: { place: 'La Lune' } }],
    ],
    [
      'an inactive place',
      'alice@x.test;2026-05-04;1h;C1;Le Vieux Lieu;Atelier;',
      [{ code: 'PLACE_INACTIVE', params: { place: 'Le Vieux Lieu' } }],
    ],
    [
      'a date outside any period',
      'alice@x.test;2022-05-04;1h;C1;;Atelier;',
      [{ code: 'NO_PERIOD', params: { date: '2022-05-04' } }],
    ],
    [
      'a closed period',
      'alice@x.test;2024-05-04;1h;C1;;Atelier;',
      [{ code: 'PERIOD_CLOSED', params: { period: '2024' } }],
    ],
    ['a paid period', 'alice@x.test;2023-05-04;1h;C1;;Atelier;', [{ code: 'PERIOD_PAID', params: { period: '2023' } }]],
    [
      'a bad duration and an unknown person together',
      'nobody@x.test;2026-05-04;25h;C1;;Atelier;',
      [
        { code: 'DURATION_TOO_LONG', params: { value: '25h' } },
        { code: 'UNKNOWN_PERSON', params: { email: 'nobody@x.test' } },
      ],
    ],
    [
      'a bad date: no period is looked for',
      'alice@x.test;32/01/2026;1h;C1;;Atelier;',
      [{ code: 'BAD_DATE', params: { value: '32/01/2026' } }],
    ],
  ])('refuses %s', (_label, row, reasons) => {
    const result = plan([row]);
    expect(result.planned).toEqual([]);
    expect(result.refused).toEqual([{ line: 2, reasons }]);
  });

  it('lists every refused row with its line, and plans the others', () => {
    const result = plan([
      'alice@x.test;2026-05-04;1h;C1;;Un;',
      'nobody@x.test;2026-05-04;1h;C1;;Deux;',
      'alice@x.test;2026-05-04;"1h',
      'suite";C1;;Trois;',
      'alice@x.test;2024-05-04;abc;C1;;Quatre;',
      'alice@x.test;2026-05-05;2h;C2;;Cinq;',
    ]);
    expect(result.rows).toBe(5);
    expect(result.planned.map((row) => row.line)).toEqual([2, 7]);
    expect(result.refused.map((row) => [row.line, row.reasons.map((reason) => reason.code)])).toEqual([
      [3, ['UNKNOWN_PERSON']],
      [4, ['DURATION_INVALID']],
      [6, ['DURATION_INVALID', 'PERIOD_CLOSED']],
    ]);
  });

  it('allows duplicate rows', () => {
    expect(
      plan(['alice@x.test;2026-05-04;1h;C1;;Atelier;', 'alice@x.test;2026-05-04;1h;C1;;Atelier;']).planned,
    ).toHaveLength(2);
  });

  describe('as approved', () => {
    it('accepts an open period that is over', () => {
      expect(plan(['alice@x.test;2025-05-04;1h;C1;;Atelier;'], { approve: true }).planned).toHaveLength(1);
    });

    it('refuses a period that is not over yet (today included)', () => {
      expect(plan(['alice@x.test;2026-05-04;1h;C1;;Atelier;'], { approve: true }).refused).toEqual([
        { line: 2, reasons: [{ code: 'PERIOD_NOT_PAST', params: { period: '2026', endDate: '2026-12-31' } }] },
      ]);
      const endingToday = planImport(
        parseRowsOk('alice@x.test;2026-05-04;1h;C1;;Atelier;'),
        { ...LOOKUPS, today: '2026-12-31' },
        { approve: true, actorId: 'p-admin' },
      );
      expect(endingToday.refused[0].reasons[0].code).toBe('PERIOD_NOT_PAST');
      expect(
        planImport(
          parseRowsOk('alice@x.test;2026-05-04;1h;C1;;Atelier;'),
          { ...LOOKUPS, today: '2027-01-01' },
          { approve: true, actorId: 'p-admin' },
        ).planned,
      ).toHaveLength(1);
    });

    it("refuses the importing admin's own contributions: nobody approves their own", () => {
      expect(plan(['admin@x.test;2025-05-04;1h;C1;;Atelier;'], { approve: true }).refused[0].reasons).toEqual([
        { code: 'SELF_APPROVAL' },
      ]);
      expect(plan(['admin@x.test;2025-05-04;1h;C1;;Atelier;'], { approve: false }).planned).toHaveLength(1);
    });
  });
});

function parseRowsOk(row: string) {
  const parsed = parseRows(`${HEADER}\n${row}`);
  if (!parsed.ok) throw new Error('unreadable');
  return parsed.rows;
}
