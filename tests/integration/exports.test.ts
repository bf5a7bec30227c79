// The payout report and the funder report through their API routes, against a real PostgreSQL:
// the cents of the CSV and of the XLSX (read back with exceljs) are exactly those of
// GET /periods/{id}/payouts, for an open period (live preview) and a closed one (frozen run, even
// after the settings underneath it change); the funder report's sums match; the BOM is there;
// only treasurers get a file (a permission matrix), and an unknown period is a 404.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { GET as payoutsRoute } from '@/app/api/v1/periods/[id]/payouts/route';
import { GET as payoutsCsvRoute } from '@/app/api/v1/periods/[id]/exports/payouts.csv/route';
import { GET as payeesCsvRoute } from '@/app/api/v1/periods/[id]/exports/payees.csv/route';
import { GET as payoutsXlsxRoute } from '@/app/api/v1/periods/[id]/exports/payouts.xlsx/route';
import { GET as funderCsvRoute } from '@/app/api/v1/periods/[id]/exports/funder-report.csv/route';
import { GET as funderPdfRoute } from '@/app/api/v1/periods/[id]/exports/funder-report.pdf/route';
import { closePeriod } from '@/lib/periods/payouts';
import { createPeriod } from '@/lib/periods/periods';
import { eurosText } from '@/lib/exports/numbers';
import { pdfTextLines } from '@/lib/exports/test-pdf';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPerson,
  createPlace,
  resetDatabase,
  seedContribution,
  setPeriodStatus,
  sql,
} from '../support/database';
import { assertDocumentedResponse } from '../support/contract';

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Who = 'admin' | 'treasurer' | 'referent' | 'contributor';
const EVERYONE: Who[] = ['admin', 'treasurer', 'referent', 'contributor'];
const ROUTES: [string, Route][] = [
  ['payouts.csv', payoutsCsvRoute],
  ['payees.csv', payeesCsvRoute],
  ['payouts.xlsx', payoutsXlsxRoute],
  ['funder-report.csv', funderCsvRoute],
  ['funder-report.pdf', funderPdfRoute],
];

const people = {} as Record<Who | 'bob' | 'chloe', Actor>;
const tokens = {} as Record<Who, string>;
let c1: { id: string; code: string | null };
let c2: { id: string; code: string | null };
let openPeriodId: string;
let closedPeriodId: string;
const places = {} as Record<'cor' | 'bar', string>;

/** Calls a route as Next would and reads the body as bytes: files are not JSON. */
async function download(route: Route, periodId: string, token?: string) {
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  const response = await route(
    new Request(`http://localhost:3000/api/v1/periods/${periodId}/exports/file`, { headers }),
    { params: Promise.resolve({ id: periodId }) },
  );
  await assertDocumentedResponse(route, response);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

async function payoutsOf(periodId: string) {
  const response = await callRoute(payoutsRoute, { token: tokens.treasurer, params: { id: periodId } });
  expect(response.status).toBe(200);
  return response.body as {
    frozen: boolean;
    lines: Record<string, number | string>[];
    totals: { amountCents: number; unpaidValueCents: number; volunteerValueCents: number };
  };
}

const key = (email: string, chantierCode: string) => `${email}|${chantierCode}`;
const FIELDS = [
  'rateCents',
  'approvedMinutes',
  'volunteerMinutes',
  'cappedMinutes',
  'amountCents',
  'unpaidValueCents',
  'volunteerValueCents',
] as const;

/** The API's lines keyed by person email and chantier code, with the fields the files carry. */
async function expectedLines(periodId: string) {
  const payouts = await payoutsOf(periodId);
  const emails = new Map(
    (await db().person.findMany({ select: { id: true, email: true } })).map((person) => [person.id, person.email]),
  );
  const codes = new Map([c1, c2].map((chantier) => [chantier.id, chantier.code!]));
  return {
    payouts,
    lines: new Map(
      payouts.lines.map((line) => [
        key(emails.get(line.personId as string)!, codes.get(line.chantierId as string)!),
        Object.fromEntries(FIELDS.map((field) => [field, line[field]])),
      ]),
    ),
  };
}

beforeAll(async () => {
  await resetDatabase();
  await db().collectiveSettings.upsert({
    where: { id: 1 },
    create: { id: 1, name: 'Collectif des tests' },
    update: { name: 'Collectif des tests' },
  });
  c1 = await createChantier({ name: 'Gestion et animation', code: 'EX1' });
  c2 = await createChantier({ name: 'Accompagnement', code: 'EX2' });
  places.cor = (await createPlace({ name: 'La Coroutine' })).id;
  places.bar = (await createPlace({ name: 'La Baraka' })).id;
  people.admin = await createPerson({ name: 'Ada Admin', roles: ['ADMIN'] });
  people.treasurer = await createPerson({ name: 'Tess Trésorière', roles: ['TREASURER'] });
  people.referent = await createPerson({ name: 'Rémi Référent', referentOf: [c1.id] });
  people.contributor = await createPerson({ name: 'Alice Martin', email: 'alice@exports.test' });
  people.bob = await createPerson({ name: 'Bob Lefebvre', email: 'bob@exports.test' });
  // A name a naive CSV would split, and a spreadsheet would run.
  people.chloe = await createPerson({ name: '=Dubois; Chloé "Clo"', email: 'chloe@exports.test' });
  for (const who of EVERYONE) tokens[who] = await bearerToken(people[who].id);
  for (const person of [people.bob, people.chloe]) {
    await db().payoutProfile.create({
      data: {
        personId: person.id,
        payeeType: 'ORGANISATION',
        organisationName: 'La Coroutine SCIC',
        legalName: person.name,
      },
    });
  }

  // The worked example of docs/pricing.md in EX1 (1 000 € for 1 350 € asked), with places, plus some
  // volunteering in EX2 and an odd rate that leaves fractions of cents.
  const worked = async (periodId: string, month: string) => {
    const date = (day: string) => `${month}-${day}`;
    await seedContribution({
      periodId,
      personId: people.contributor.id,
      chantierId: c1.id,
      placeId: places.cor,
      date: date('02'),
      minutes: 900,
      status: 'APPROVED',
    });
    await seedContribution({
      periodId,
      personId: people.contributor.id,
      chantierId: c1.id,
      placeId: places.bar,
      date: date('03'),
      minutes: 300,
      status: 'APPROVED',
    });
    await seedContribution({
      periodId,
      personId: people.bob.id,
      chantierId: c1.id,
      placeId: places.cor,
      date: date('04'),
      minutes: 900,
      status: 'APPROVED',
    });
    await seedContribution({
      periodId,
      personId: people.chloe.id,
      chantierId: c1.id,
      date: date('05'),
      minutes: 300,
      status: 'APPROVED',
    });
    await seedContribution({
      periodId,
      personId: people.contributor.id,
      chantierId: c2.id,
      placeId: places.bar,
      date: date('06'),
      minutes: 125,
      status: 'APPROVED',
      volunteer: true,
    });
    await seedContribution({
      periodId,
      personId: people.bob.id,
      chantierId: c2.id,
      placeId: places.bar,
      date: date('07'),
      minutes: 47,
      status: 'APPROVED',
    });
    await seedContribution({
      periodId,
      personId: people.bob.id,
      chantierId: c2.id,
      placeId: places.cor,
      date: date('08'),
      minutes: 13,
      status: 'APPROVED',
    });
    // Not approved: in no file.
    await seedContribution({
      periodId,
      personId: people.referent.id,
      chantierId: c2.id,
      date: date('09'),
      minutes: 600,
      status: 'DRAFT',
    });
  };
  const input = (name: string, month: string) => ({
    name,
    startDate: `${month}-01`,
    endDate: `${month}-28`,
    defaultRateCents: 3000,
    capMinutes: null,
    overflowPolicy: 'PRORATA' as const,
    envelopes: [{ chantierId: c1.id, amountCents: 100_000 }],
    rates: [
      { personId: people.bob.id, rateCents: 4000 },
      { chantierId: c2.id, rateCents: 3333 },
    ],
  });
  openPeriodId = (await createPeriod({ actor: people.treasurer, input: input('Période ouverte', '2041-03') })).id;
  await worked(openPeriodId, '2041-03');
  closedPeriodId = (await createPeriod({ actor: people.treasurer, input: input('Période close', '2041-01') })).id;
  await worked(closedPeriodId, '2041-01');
  await closePeriod({ actor: people.treasurer, periodId: closedPeriodId });
  // Underneath the frozen run, the world moves on (the database itself refuses this while the
  // period is closed, hence the detour): the files must not.
  await setPeriodStatus(closedPeriodId, 'OPEN');
  await sql(`UPDATE funding_periods SET default_rate_cents = 9999 WHERE id = $1`, [closedPeriodId]);
  await sql(`UPDATE contributions SET place_id = NULL, minutes = minutes + 60 WHERE period_id = $1`, [closedPeriodId]);
  await setPeriodStatus(closedPeriodId, 'CLOSED');
});

describe('who may download the exports', () => {
  it.each(ROUTES)('%s: a treasurer gets the file, everyone else 403, nobody 401', async (_name, route) => {
    for (const periodId of [openPeriodId, closedPeriodId]) {
      for (const who of EVERYONE) {
        const answer = await download(route, periodId, tokens[who]);
        expect({ who, status: answer.status }).toEqual({ who, status: who === 'treasurer' ? 200 : 403 });
        if (who !== 'treasurer') expect(JSON.parse(answer.bytes.toString('utf8')).error.code).toBe('FORBIDDEN');
      }
      expect((await download(route, periodId)).status).toBe(401);
    }
  });

  it.each(ROUTES)(
    '%s: an unknown period is a 404 for a treasurer, still a 403 for the others',
    async (_name, route) => {
      const answer = await download(route, 'no-such-period', tokens.treasurer);
      expect(answer.status).toBe(404);
      expect(JSON.parse(answer.bytes.toString('utf8')).error.code).toBe('NOT_FOUND');
      expect((await download(route, 'no-such-period', tokens.contributor)).status).toBe(403);
    },
  );
});

describe.each([
  ['open (live preview)', () => openPeriodId, false],
  ['closed (frozen run)', () => closedPeriodId, true],
])('the payout report of the %s period', (_name, periodIdOf, frozen) => {
  it('CSV: BOM, headers, and for every line exactly the cents and minutes of GET /payouts', async () => {
    const periodId = periodIdOf();
    const answer = await download(payoutsCsvRoute, periodId, tokens.treasurer);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      `attachment; filename="retributions-${frozen ? '2041-01-01_2041-01-28' : '2041-03-01_2041-03-28'}.csv"`,
    );
    expect(answer.headers.get('cache-control')).toContain('no-store');
    expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = answer.bytes.toString('utf8');
    expect(text.split('\r\n').length).toBeGreaterThan(5);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[^"]\n/); // every line ends with CRLF

    const { payouts, lines } = await expectedLines(periodId);
    expect(payouts.frozen).toBe(frozen);
    const records: string[][] = parse(text, {
      delimiter: ';',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    });
    // One table per file: every record has the header's columns, and none is blank.
    const [header, ...detail] = records;
    expect(detail.every((record) => record.length === header.length)).toBe(true);
    const column = (name: string) => header.indexOf(name);
    const cents = (record: string[]) => ({
      rateCents: Number(record[column('Taux (centimes/h)')]),
      approvedMinutes: Number(record[column('Minutes validées')]),
      volunteerMinutes: Number(record[column('Minutes bénévoles')]),
      cappedMinutes: Number(record[column('Minutes au-delà du plafond')]),
      amountCents: Number(record[column('Rétribution (centimes)')]),
      unpaidValueCents: Number(record[column('Valeur non rétribuée (centimes)')]),
      volunteerValueCents: Number(record[column('Bénévolat valorisé (centimes)')]),
    });
    expect(
      new Map(detail.map((record) => [key(record[column('E-mail')], record[column('Code chantier')]), cents(record)])),
    ).toEqual(lines);
    for (const record of detail) {
      expect(record[column('Rétribution (€)')]).toBe(eurosText(Number(record[column('Rétribution (centimes)')])));
      expect(record[column('Valeur non rétribuée (€)')]).toBe(
        eurosText(Number(record[column('Valeur non rétribuée (centimes)')])),
      );
    }
    expect(lines.get(key('alice@exports.test', 'EX1'))).toMatchObject({ amountCents: 44445, unpaidValueCents: 15555 });

    // The odd name is one cell, neutralised; the organisation receives for Bob and Chloé.
    const chloe = detail.find((record) => record[column('E-mail')] === 'chloe@exports.test')!;
    expect(chloe[column('Personne')]).toBe(`'=Dubois; Chloé "Clo"`);
    expect(chloe[column('Bénéficiaire')]).toBe('La Coroutine SCIC');
    // The summary per payee is its own file, one table too.
    const payeesAnswer = await download(payeesCsvRoute, periodId, tokens.treasurer);
    expect(payeesAnswer.status).toBe(200);
    expect(payeesAnswer.headers.get('content-disposition')).toBe(
      `attachment; filename="beneficiaires-${frozen ? '2041-01-01_2041-01-28' : '2041-03-01_2041-03-28'}.csv"`,
    );
    const [payeesHeader, ...payees] = parse(payeesAnswer.bytes.toString('utf8'), {
      delimiter: ';',
      bom: true,
    }) as string[][];
    expect(payeesHeader).toEqual([
      'Bénéficiaire',
      'Personnes',
      'Nombre de personnes',
      'Montant (€)',
      'Montant (centimes)',
    ]);
    const amount = (record: string[]) => Number(record[4]);
    const organisation = payees.find((record) => record[0] === 'La Coroutine SCIC')!;
    const sumOf = (email: string) =>
      [...lines]
        .filter(([lineKey]) => lineKey.startsWith(`${email}|`))
        .reduce((sum, [, line]) => sum + (line.amountCents as number), 0);
    expect(amount(organisation)).toBe(sumOf('bob@exports.test') + sumOf('chloe@exports.test'));
    expect(organisation[2]).toBe('2');
    expect(amount(payees.find((record) => record[0] === 'Alice Martin')!)).toBe(sumOf('alice@exports.test'));
    expect(payees.at(-1)!.slice(0, 1)).toEqual(['Total']);
    expect(amount(payees.at(-1)!)).toBe(payouts.totals.amountCents);
    expect(payees.slice(0, -1).reduce((sum, record) => sum + amount(record), 0)).toBe(payouts.totals.amountCents);
  });

  it('XLSX: read back with exceljs, the cents of every line are those of GET /payouts', async () => {
    const periodId = periodIdOf();
    const answer = await download(payoutsXlsxRoute, periodId, tokens.treasurer);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="retributions-2041-0[13]-01_2041-0[13]-28\.xlsx"$/,
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(answer.bytes as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Détail', 'Bénéficiaires']);

    const sheet = workbook.getWorksheet('Détail')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1) as string[];
    const value = (row: ExcelJS.Row, name: string) => row.getCell(header.indexOf(name) + 1).value;
    const { payouts, lines } = await expectedLines(periodId);
    const found = new Map<string, Record<string, unknown>>();
    for (let index = 2; index <= sheet.rowCount; index++) {
      const row = sheet.getRow(index);
      found.set(key(value(row, 'E-mail') as string, value(row, 'Code chantier') as string), {
        rateCents: value(row, 'Taux (centimes/h)'),
        approvedMinutes: value(row, 'Minutes validées'),
        volunteerMinutes: value(row, 'Minutes bénévoles'),
        cappedMinutes: value(row, 'Minutes au-delà du plafond'),
        amountCents: value(row, 'Rétribution (centimes)'),
        unpaidValueCents: value(row, 'Valeur non rétribuée (centimes)'),
        volunteerValueCents: value(row, 'Bénévolat valorisé (centimes)'),
      });
      // The euro cells are numbers that round to the very same cents.
      expect(Math.round((value(row, 'Rétribution (€)') as number) * 100)).toBe(value(row, 'Rétribution (centimes)'));
      expect(typeof value(row, 'Heures validées')).toBe('number');
    }
    expect(found).toEqual(lines);

    const summary = workbook.getWorksheet('Bénéficiaires')!;
    const total = summary.getRow(summary.rowCount);
    expect([total.getCell(1).value, total.getCell(5).value]).toEqual(['Total', payouts.totals.amountCents]);
  });

  it('funder report CSV: chantiers, places and cells add up to the payouts, to the cent', async () => {
    const periodId = periodIdOf();
    const answer = await download(funderCsvRoute, periodId, tokens.treasurer);
    expect(answer.status).toBe(200);
    expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rapport-financeur-2041-0[13]-01_2041-0[13]-28\.csv"$/,
    );
    const records: string[][] = parse(answer.bytes.toString('utf8'), {
      delimiter: ';',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
    });
    expect(records[1]).toEqual(['Collectif', 'Collectif des tests']);
    expect(records[5]).toEqual([
      'État',
      frozen ? 'Rétributions figées à la clôture' : 'Aperçu en direct (période ouverte)',
    ]);
    const table = (title: string) => {
      const start = records.findIndex((record) => record[0] === title);
      const end = records.findIndex((record, index) => index > start && record.length === 1 && record[0] === '');
      const [header, ...rows] = records.slice(start + 1, end);
      return { rows, get: (row: string[], name: string) => Number(row[header.indexOf(name)]) };
    };
    const { payouts } = await expectedLines(periodId);
    const sumLines = (chantierId: string, field: 'amountCents' | 'volunteerValueCents' | 'unpaidValueCents') =>
      payouts.lines
        .filter((line) => line.chantierId === chantierId)
        .reduce((sum, line) => sum + (line[field] as number), 0);

    const chantiers = table('Par chantier');
    const [ex1, ex2, chantierTotal] = chantiers.rows;
    expect([ex1[0], ex2[0], chantierTotal[0]]).toEqual(['EX1', 'EX2', 'Total']);
    expect(chantiers.get(ex1, 'Rétributions (centimes)')).toBe(sumLines(c1.id, 'amountCents'));
    expect(chantiers.get(ex1, 'Enveloppe (centimes)')).toBe(100_000);
    expect(chantiers.get(ex1, 'Demande (centimes)')).toBe(135_000);
    expect(chantiers.get(ex2, 'Rétributions (centimes)')).toBe(sumLines(c2.id, 'amountCents'));
    expect(chantiers.get(ex2, 'Bénévolat valorisé (centimes)')).toBe(sumLines(c2.id, 'volunteerValueCents'));
    expect(chantiers.get(ex2, 'Minutes bénévoles')).toBe(125);
    expect(chantiers.get(chantierTotal, 'Rétributions (centimes)')).toBe(payouts.totals.amountCents);
    expect(chantiers.get(chantierTotal, 'Bénévolat valorisé (centimes)')).toBe(payouts.totals.volunteerValueCents);
    expect(chantiers.get(chantierTotal, 'Valeur non rétribuée (centimes)')).toBe(payouts.totals.unpaidValueCents);

    // Per place, from the contributions the run was computed from (the closed period's places
    // and minutes were changed underneath it, and must not show).
    const placesTable = table('Par lieu');
    const byName = new Map(placesTable.rows.map((row) => [row[0], row]));
    expect([...byName.keys()]).toEqual(['La Baraka', 'La Coroutine', 'Sans lieu', 'Total']);
    expect(placesTable.get(byName.get('La Coroutine')!, 'Minutes validées (hors bénévolat)')).toBe(900 + 900 + 13);
    expect(placesTable.get(byName.get('La Baraka')!, 'Minutes bénévoles')).toBe(125);
    const placeSum = (name: string) =>
      placesTable.rows.slice(0, -1).reduce((sum, row) => sum + placesTable.get(row, name), 0);
    expect(placeSum('Rétributions (centimes)')).toBe(payouts.totals.amountCents);
    expect(placeSum('Bénévolat valorisé (centimes)')).toBe(payouts.totals.volunteerValueCents);
    expect(placeSum('Valeur non rétribuée (centimes)')).toBe(payouts.totals.unpaidValueCents);

    const cells = table('Par chantier et par lieu');
    for (const [code, chantierId] of [
      ['EX1', c1.id],
      ['EX2', c2.id],
    ] as const) {
      const own = cells.rows.filter((row) => row[0] === code);
      expect(own.reduce((sum, row) => sum + cells.get(row, 'Rétributions (centimes)'), 0)).toBe(
        sumLines(chantierId, 'amountCents'),
      );
    }
  });

  it('funder report PDF: an A4 document naming the collective and the total paid', async () => {
    const answer = await download(funderPdfRoute, periodIdOf(), tokens.treasurer);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="rapport-financeur-2041-0[13]-01_2041-0[13]-28\.pdf"$/,
    );
    expect(answer.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const text = pdfTextLines(answer.bytes)
      .join('\n')
      .replace(/\u00a0/g, ' ');
    expect(text).toContain('Collectif des tests');
    expect(text).toContain(frozen ? 'Période close' : 'Période ouverte');
    const { payouts } = await expectedLines(periodIdOf());
    expect(text).toContain(`${eurosText(payouts.totals.amountCents).replace(/^(\d+)(\d{3}),/, '$1 $2,')} €`);
  });
});

describe('files follow the caller', () => {
  it('in English, headers and sheet names are English; the cents are the same', async () => {
    await db().person.update({ where: { id: people.treasurer.id }, data: { locale: 'en' } });
    try {
      const csv = await download(payoutsCsvRoute, closedPeriodId, tokens.treasurer);
      expect(csv.headers.get('content-disposition')).toBe('attachment; filename="payouts-2041-01-01_2041-01-28.csv"');
      expect(csv.bytes.toString('utf8')).toMatch(/^\ufeffPerson;Email;Payee;Chantier code;/);
      expect(csv.bytes.toString('utf8')).toContain(';44445;');
    } finally {
      await db().person.update({ where: { id: people.treasurer.id }, data: { locale: 'fr' } });
    }
  });
});
