// The contributions export's lines, read back with csv-parse: every column in both languages,
// dates as the other exports write them, free text that can neither split a row nor run as a
// formula, and the query's status filter.
import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatCalendarDate } from '@/lib/format/date';
import { safeText } from './csv';
import {
  calendarDateText,
  contributionCsvLineWriter,
  contributionsCsvHeader,
  localDateTimeText,
  ZContributionsCsvQuery,
  type ContributionCsvRow,
} from './contributions-csv';

const parseLine = (text: string): string[][] =>
  parse(text, { delimiter: ';', record_delimiter: '\r\n', relax_column_count: true });

const row: ContributionCsvRow = {
  id: 'cmcontribution01',
  date: '2026-11-28',
  personName: 'Élise Moreau',
  personEmail: 'elise@monscobar.test',
  chantierCode: 'GEST',
  chantierName: 'Gestion et animation',
  placeName: 'La Coroutine',
  minutes: 90,
  volunteer: false,
  status: 'APPROVED',
  description: 'Permanence du samedi',
  link: 'https://pad.example/permanence',
  reviewerName: 'Rémi Référent',
  reviewedAt: '2026-11-29 09:05',
};

describe('contributionsCsvHeader', () => {
  it.each([
    [
      'fr',
      [
        'Date',
        'Personne',
        'E-mail',
        'Code chantier',
        'Chantier',
        'Lieu',
        'Minutes',
        'Heures',
        'Bénévole',
        'Statut',
        'Description',
        'Lien',
        'Examinée par',
        'Examinée le',
        'Identifiant de la contribution',
      ],
    ],
    [
      'en',
      [
        'Date',
        'Person',
        'Email',
        'Chantier code',
        'Chantier',
        'Place',
        'Minutes',
        'Hours',
        'Volunteer',
        'Status',
        'Description',
        'Link',
        'Reviewed by',
        'Reviewed at',
        'Contribution id',
      ],
    ],
  ] as const)('%s', (locale, columns) => {
    const header = contributionsCsvHeader(locale);
    expect(header.endsWith('\r\n')).toBe(true);
    expect(parseLine(header)).toEqual([columns]);
  });
});

describe('contributionCsvLineWriter', () => {
  it.each<[string, 'fr' | 'en', ContributionCsvRow, unknown]>([
    [
      'every column, in French',
      'fr',
      row,
      [
        '28/11/2026',
        'Élise Moreau',
        'elise@monscobar.test',
        'GEST',
        'Gestion et animation',
        'La Coroutine',
        '90',
        '1,50',
        'non',
        'Validée',
        'Permanence du samedi',
        'https://pad.example/permanence',
        'Rémi Référent',
        '29/11/2026 09:05',
        'cmcontribution01',
      ],
    ],
    [
      'every column, in English',
      'en',
      row,
      [
        '28/11/2026',
        'Élise Moreau',
        'elise@monscobar.test',
        'GEST',
        'Gestion et animation',
        'La Coroutine',
        '90',
        '1,50',
        'no',
        'Approved',
        'Permanence du samedi',
        'https://pad.example/permanence',
        'Rémi Référent',
        '29/11/2026 09:05',
        'cmcontribution01',
      ],
    ],
    [
      'a volunteer contribution not reviewed yet, without code, place or link',
      'fr',
      {
        ...row,
        volunteer: true,
        status: 'SUBMITTED',
        minutes: 20,
        chantierCode: null,
        placeName: null,
        link: null,
        reviewerName: null,
        reviewedAt: null,
      },
      [
        '28/11/2026',
        'Élise Moreau',
        'elise@monscobar.test',
        '',
        'Gestion et animation',
        '',
        '20',
        '0,33',
        'oui',
        'Soumise',
        'Permanence du samedi',
        '',
        '',
        '',
        'cmcontribution01',
      ],
    ],
    [
      'volunteer and changes requested, in English',
      'en',
      { ...row, volunteer: true, status: 'CHANGES_REQUESTED' },
      expect.arrayContaining(['yes', 'Changes requested']),
    ],
    [
      'changes requested, in French',
      'fr',
      { ...row, status: 'CHANGES_REQUESTED' },
      expect.arrayContaining(['À corriger']),
    ],
    ['rejected, in French', 'fr', { ...row, status: 'REJECTED' }, expect.arrayContaining(['Refusée'])],
    ['rejected, in English', 'en', { ...row, status: 'REJECTED' }, expect.arrayContaining(['Rejected'])],
  ])('%s', (_what, locale, input, cells) => {
    const line = contributionCsvLineWriter(locale)(input);
    expect(line.endsWith('\r\n')).toBe(true);
    expect(line.slice(0, -2)).not.toMatch(/\r\n/);
    expect(parseLine(line)).toEqual([cells]);
  });

  it('keeps free text in its cell and never lets it run as a formula', () => {
    const line = contributionCsvLineWriter('fr')({
      ...row,
      personName: '=Dubois; Chloé "Clo"',
      personEmail: '+clo@example.test',
      chantierName: '@Chantier',
      description: 'ligne 1\nligne 2; "citée"\r\n-fin',
      link: '=HYPERLINK("http://evil","x")',
    });
    const [cells] = parseLine(line);
    expect(cells).toHaveLength(15);
    expect(cells[1]).toBe(`'=Dubois; Chloé "Clo"`);
    expect(cells[2]).toBe("'+clo@example.test");
    expect(cells[4]).toBe("'@Chantier");
    expect(cells[10]).toBe('ligne 1\nligne 2; "citée"\r\n-fin');
    expect(cells[11]).toBe(`'=HYPERLINK("http://evil","x")`);
  });
});

describe('any text in any free-text column', () => {
  const text = fc.oneof(
    fc.string({
      unit: fc.constantFrom(';', '"', '\n', '\r', ',', ' ', 'a', 'é', '€', '=', '+', '-', '@', "'"),
      maxLength: 12,
    }),
    fc.string({ unit: 'grapheme', maxLength: 12 }),
  );
  const FREE_TEXT = {
    personName: 1,
    personEmail: 2,
    chantierCode: 3,
    chantierName: 4,
    placeName: 5,
    description: 10,
    link: 11,
    reviewerName: 12,
    id: 14,
  } as const;

  it('stays in its own cell, whole (formula-safe), on a line of 15 cells', () => {
    fc.assert(
      fc.property(
        fc.record(
          Object.fromEntries(Object.keys(FREE_TEXT).map((key) => [key, text])) as Record<
            keyof typeof FREE_TEXT,
            fc.Arbitrary<string>
          >,
        ),
        (texts) => {
          const [cells, ...more] = parseLine(contributionCsvLineWriter('fr')({ ...row, ...texts }));
          expect(more).toEqual([]);
          expect(cells).toHaveLength(15);
          for (const [key, column] of Object.entries(FREE_TEXT))
            expect(cells[column]).toBe(safeText(texts[key as keyof typeof FREE_TEXT]));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('dates as the other exports write them', () => {
  it.each(['2026-01-01', '2026-11-28', '2027-12-31', '2028-02-29'])('%s', (date) => {
    expect(calendarDateText(date)).toBe(formatCalendarDate(date, 'fr'));
    expect(calendarDateText(date)).toBe(formatCalendarDate(date, 'en'));
  });

  it.each([
    ['2026-11-29 09:05', '29/11/2026 09:05'],
    ['2027-01-01 23:59', '01/01/2027 23:59'],
  ])('%s → %s', (input, written) => expect(localDateTimeText(input)).toBe(written));
});

describe('ZContributionsCsvQuery', () => {
  it.each([
    [{}, { status: undefined }],
    [{ status: 'APPROVED' }, { status: 'APPROVED' }],
    [{ status: 'CHANGES_REQUESTED' }, { status: 'CHANGES_REQUESTED' }],
  ])('accepts %j', (query, parsed) => expect(ZContributionsCsvQuery.parse(query)).toEqual(parsed));

  it.each([{ status: 'DRAFT' }, { status: 'approved' }, { status: '' }, { status: 'PAID' }])('refuses %j', (query) => {
    expect(ZContributionsCsvQuery.safeParse(query).success).toBe(false);
  });
});
