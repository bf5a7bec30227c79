import { describe, expect, it } from 'vitest';
import { detectDelimiter, MAX_IMPORT_ROWS, parseRows, type ImportRow } from './parse-rows';

const HEADER = 'email;date;durée;chantier;lieu;description;bénévole';

function rowsOf(text: string): ImportRow[] {
  const parsed = parseRows(text);
  if (!parsed.ok) throw new Error(`refused: ${JSON.stringify(parsed.refused)}`);
  return parsed.rows;
}

function refusalOf(text: string) {
  const parsed = parseRows(text);
  if (parsed.ok) throw new Error('expected the file to be refused');
  return parsed.refused;
}

describe('parseRows: reading the file', () => {
  it.each([
    ['semicolons', `${HEADER}\nalice@x.test;2026-05-04;1h30;C1;La Coroutine;Atelier;non`],
    [
      'commas',
      'email,date,durée,chantier,lieu,description,bénévole\nalice@x.test,2026-05-04,1h30,C1,La Coroutine,Atelier,non',
    ],
    ['a BOM and Windows line ends', `\uFEFF${HEADER}\r\nalice@x.test;2026-05-04;1h30;C1;La Coroutine;Atelier;non\r\n`],
    ['old Mac line ends', `${HEADER}\ralice@x.test;2026-05-04;1h30;C1;La Coroutine;Atelier;non\r`],
    [
      'headers in any case, with or without accents, in any order',
      'DESCRIPTION;Benevole;Lieu;Chantier;DUREE;Date;E-mail\nAtelier;non;La Coroutine;C1;1h30;04/05/2026;Alice@X.test',
    ],
    [
      'English headers',
      'email;date;duration;chantier;place;description;volunteer\nalice@x.test;2026-05-04;1h30;C1;La Coroutine;Atelier;no',
    ],
  ])('%s', (_label, text) => {
    expect(rowsOf(text)).toEqual([
      {
        line: 2,
        email: 'alice@x.test',
        date: '2026-05-04',
        minutes: 90,
        chantier: 'C1',
        place: 'La Coroutine',
        description: 'Atelier',
        volunteer: false,
        reasons: [],
      },
    ]);
  });

  it('keeps separators, doubled quotes and line breaks inside quoted descriptions, and counts lines right', () => {
    const text = [
      HEADER,
      'a@x.test;2026-05-04;1h;C1;;"Atelier; réparation ""vélo""";',
      'b@x.test;2026-05-04;2h;C2;;"Première ligne',
      'deuxième ligne',
      'troisième";oui',
      '',
      'c@x.test;2026-05-05;30min;C3;;Après une ligne vide;',
    ].join('\n');
    const rows = rowsOf(text);
    expect(rows.map((row) => [row.line, row.description, row.volunteer])).toEqual([
      [2, 'Atelier; réparation "vélo"', false],
      [3, 'Première ligne\ndeuxième ligne\ntroisième', true],
      [7, 'Après une ligne vide', false],
    ]);
  });

  it('skips rows whose cells are all empty, as spreadsheets export them', () => {
    expect(rowsOf(`${HEADER}\n;;;;;;\na@x.test;2026-05-04;1h;C1;;Atelier;\n  ;  ;;;;;`).map((row) => row.line)).toEqual(
      [3],
    );
  });

  it('ignores columns it does not know, and says which', () => {
    const parsed = parseRows('email;date;durée;chantier;description;Total;\na@x.test;2026-05-04;1h;C1;Atelier;12;');
    expect(parsed.ok && parsed.ignoredColumns).toEqual(['Total']);
  });

  it('makes the place and the bénévole columns optional', () => {
    expect(rowsOf('email;date;durée;chantier;description\na@x.test;2026-05-04;1h;C1;Atelier')[0]).toMatchObject({
      place: '',
      volunteer: false,
      reasons: [],
    });
  });

  it('reads a row with missing trailing fields as empty cells', () => {
    expect(rowsOf(`${HEADER}\na@x.test;2026-05-04;1h;C1;;Atelier`)[0].reasons).toEqual([]);
  });
});

describe('parseRows: the file refused as a whole', () => {
  it.each([
    ['an empty file', '', null, 'EMPTY_FILE'],
    ['only blank lines and a BOM', '\uFEFF\n\n  \n', null, 'EMPTY_FILE'],
    ['a header and no rows', `${HEADER}\n`, null, 'EMPTY_FILE'],
    [
      'a missing required column',
      'email;date;chantier;description\na@x.test;2026-05-04;C1;Atelier',
      1,
      'MISSING_COLUMNS',
    ],
    ['a column twice', 'email;date;durée;duration;chantier;description\n', 1, 'DUPLICATE_COLUMN'],
    [
      'an unclosed quote',
      `${HEADER}\na@x.test;2026-05-04;1h;C1;;Atelier;\nb@x.test;2026-05-04;1h;C1;;"Jamais fermé;\nc@x.test;2026-05-04;1h;C1;;Atelier;`,
      3,
      'MALFORMED_CSV',
    ],
  ])('%s', (_label, text, line, code) => {
    const [refused] = refusalOf(text);
    expect(refused.line).toBe(line);
    expect(refused.reasons.map((reason) => reason.code)).toEqual([code]);
  });

  it('names the missing columns in French', () => {
    expect(refusalOf('email;date;description\nx')[0].reasons[0].params).toEqual({ columns: 'durée, chantier' });
  });

  it(`refuses more than ${MAX_IMPORT_ROWS} rows`, () => {
    const row = 'a@x.test;2026-05-04;1h;C1;;Atelier;';
    const text = [HEADER, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, () => row)].join('\n');
    expect(refusalOf(text)[0]).toEqual({
      line: null,
      reasons: [{ code: 'TOO_MANY_ROWS', params: { max: MAX_IMPORT_ROWS, rows: MAX_IMPORT_ROWS + 1 } }],
    });
    expect(rowsOf([HEADER, ...Array.from({ length: MAX_IMPORT_ROWS }, () => row)].join('\n'))).toHaveLength(
      MAX_IMPORT_ROWS,
    );
  });

  it('refuses more than 5 MB, counted in bytes', () => {
    expect(refusalOf(`${HEADER}\n${'é'.repeat(2.7 * 1024 * 1024)}`)[0].reasons[0].code).toBe('TOO_LARGE');
  });
});

describe('parseRows: what is wrong with a row on its own', () => {
  const reasonsOf = (row: string) => rowsOf(`${HEADER}\n${row}`)[0].reasons;

  it.each([
    ['a good row', 'a@x.test;2026-05-04;1h30;C1;;Atelier;', []],
    ['a missing email', ';2026-05-04;1h;C1;;Atelier;', [{ code: 'EMAIL_MISSING' }]],
    ['a missing date', 'a@x.test;;1h;C1;;Atelier;', [{ code: 'DATE_MISSING' }]],
    [
      'an impossible date',
      'a@x.test;31/02/2026;1h;C1;;Atelier;',
      [{ code: 'BAD_DATE', params: { value: '31/02/2026' } }],
    ],
    [
      'a date in American order',
      'a@x.test;05/31/2026;1h;C1;;Atelier;',
      [{ code: 'BAD_DATE', params: { value: '05/31/2026' } }],
    ],
    ['a date as words', 'a@x.test;4 mai 2026;1h;C1;;Atelier;', [{ code: 'BAD_DATE', params: { value: '4 mai 2026' } }]],
    ['an empty duration', 'a@x.test;2026-05-04;;C1;;Atelier;', [{ code: 'DURATION_EMPTY' }]],
    [
      'a duration not understood',
      'a@x.test;2026-05-04;une heure;C1;;Atelier;',
      [{ code: 'DURATION_INVALID', params: { value: 'une heure' } }],
    ],
    ['a zero duration', 'a@x.test;2026-05-04;0h;C1;;Atelier;', [{ code: 'DURATION_ZERO', params: { value: '0h' } }]],
    [
      'a negative duration',
      'a@x.test;2026-05-04;-1h;C1;;Atelier;',
      [{ code: 'DURATION_NEGATIVE', params: { value: '-1h' } }],
    ],
    [
      'more than 24 h',
      'a@x.test;2026-05-04;25h;C1;;Atelier;',
      [{ code: 'DURATION_TOO_LONG', params: { value: '25h' } }],
    ],
    ['a missing chantier', 'a@x.test;2026-05-04;1h;;;Atelier;', [{ code: 'CHANTIER_MISSING' }]],
    ['a missing description', 'a@x.test;2026-05-04;1h;C1;;  ;', [{ code: 'DESCRIPTION_MISSING' }]],
    [
      'a description too long',
      `a@x.test;2026-05-04;1h;C1;;${'x'.repeat(2001)};`,
      [{ code: 'DESCRIPTION_TOO_LONG', params: { max: 2000 } }],
    ],
    [
      'a bénévole cell that says neither',
      'a@x.test;2026-05-04;1h;C1;;Atelier;peut-être',
      [{ code: 'BAD_VOLUNTEER', params: { value: 'peut-être' } }],
    ],
    [
      'an unquoted separator in the description',
      'a@x.test;2026-05-04;1h;C1;;Atelier; vélo;oui;en trop',
      [
        { code: 'EXTRA_FIELDS', params: { expected: 7, found: 9 } },
        { code: 'BAD_VOLUNTEER', params: { value: 'vélo' } },
      ],
    ],
    [
      'everything wrong at once',
      ';demain;abc;;;;?',
      [
        { code: 'EMAIL_MISSING' },
        { code: 'BAD_DATE', params: { value: 'demain' } },
        { code: 'DURATION_INVALID', params: { value: 'abc' } },
        { code: 'CHANTIER_MISSING' },
        { code: 'DESCRIPTION_MISSING' },
        { code: 'BAD_VOLUNTEER', params: { value: '?' } },
      ],
    ],
  ])('%s', (_label, row, reasons) => {
    expect(reasonsOf(row)).toEqual(reasons);
  });

  it.each([
    ['1h30', 90],
    ['1:30', 90],
    ['1:30:00', 90],
    ['1,5', 90],
    ['1.5', 90],
    ['45min', 45],
    ['2', 120],
    ['24h', 1440],
  ])('reads the duration %s as %i minutes', (duration, minutes) => {
    expect(rowsOf(`${HEADER}\na@x.test;2026-05-04;"${duration}";C1;;Atelier;`)[0].minutes).toBe(minutes);
  });

  it.each([
    ['2026-05-04', '2026-05-04'],
    ['04/05/2026', '2026-05-04'],
    ['4/5/2026', '2026-05-04'],
    ['04.05.2026', '2026-05-04'],
    ['2026-5-4', '2026-05-04'],
    ['04/05/2026 00:00:00', '2026-05-04'],
    ['29/02/2028', '2028-02-29'],
  ])('reads the date %s as %s', (date, iso) => {
    expect(rowsOf(`${HEADER}\na@x.test;${date};1h;C1;;Atelier;`)[0].date).toBe(iso);
  });

  it.each([
    ['', false],
    ['non', false],
    ['NON', false],
    ['no', false],
    ['0', false],
    ['false', false],
    ['faux', false],
    ['oui', true],
    ['Oui', true],
    ['yes', true],
    ['1', true],
    ['true', true],
    ['x', true],
    ['X', true],
    ['vrai', true],
  ])('reads bénévole "%s" as %s', (cell, volunteer) => {
    expect(rowsOf(`${HEADER}\na@x.test;2026-05-04;1h;C1;;Atelier;${cell}`)[0]).toMatchObject({
      volunteer,
      reasons: [],
    });
  });

  it('lower-cases emails and trims cells', () => {
    expect(
      rowsOf(`${HEADER}\n  Alice@Example.TEST ; 2026-05-04 ; 1h ; C1 ; La Baraka ;  Atelier  ; `)[0],
    ).toMatchObject({ email: 'alice@example.test', chantier: 'C1', place: 'La Baraka', description: 'Atelier' });
  });

  it('keeps duplicate rows: the same work twice is for the admin to judge', () => {
    expect(rowsOf(`${HEADER}\na@x.test;2026-05-04;1h;C1;;Atelier;\na@x.test;2026-05-04;1h;C1;;Atelier;`)).toHaveLength(
      2,
    );
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['email;date;durée', ';'],
    ['email,date,durée', ','],
    ['"e;mail",date,durée', ','],
    ['email', ','],
    ['email;"a,b,c";x', ';'],
  ])('%s → %s', (header, delimiter) => {
    expect(detectDelimiter(`${header}\nx;y,z,w,v`)).toBe(delimiter);
  });
});
