// The compte rendu financier (docs/plans.md) against a real database: who may write a chantier's
// explanation (treasurer any, referent their own, others none; any period state), what bad input
// gets, who may download the files, and the files' content to the cent — planned money at the
// period's rates, realised money as the payouts pay it, gaps in euros and percent, volunteer value.
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { PUT as explanationRoute } from '@/app/api/v1/periods/[id]/plan/[chantierId]/explanation/route';
import { GET as csvRoute } from '@/app/api/v1/periods/[id]/exports/compte-rendu.csv/route';
import { GET as xlsxRoute } from '@/app/api/v1/periods/[id]/exports/compte-rendu.xlsx/route';
import { GET as pdfRoute } from '@/app/api/v1/periods/[id]/exports/compte-rendu.pdf/route';
import { closePeriod } from '@/lib/periods/payouts';
import { pdfTextLines } from '@/lib/exports/test-pdf';
import { assertDocumentedResponse } from '../support/contract';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPeriod,
  createPerson,
  resetDatabase,
  seedContribution,
} from '../support/database';

type Route = (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
type Who = 'admin' | 'treasurer' | 'referent' | 'otherReferent' | 'contributor';
const EVERYONE: Who[] = ['admin', 'treasurer', 'referent', 'otherReferent', 'contributor'];
const people = {} as Record<Who, Actor>;
const tokens = {} as Record<Who, string>;
let atelier: { id: string };
let boutique: { id: string };
let periodId: string;

async function download(route: Route, token: string) {
  const response = await route(
    new Request(`http://localhost:3000/api/v1/periods/${periodId}/exports/file`, {
      headers: { authorization: `Bearer ${token}` },
    }),
    { params: Promise.resolve({ id: periodId }) },
  );
  await assertDocumentedResponse(route, response);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const explain = (who: Who, chantierId: string, body: unknown, id = periodId) =>
  callRoute(explanationRoute, { method: 'PUT', token: tokens[who], params: { id, chantierId }, body });

beforeAll(async () => {
  await resetDatabase();
  await db().collectiveSettings.upsert({
    where: { id: 1 },
    create: { id: 1, name: 'Collectif des tests' },
    update: { name: 'Collectif des tests' },
  });
  atelier = await createChantier({ name: 'Atelier', code: 'AT' });
  boutique = await createChantier({ name: 'Boutique', code: 'BO' });
  people.admin = await createPerson({ name: 'Ada Admin', roles: ['ADMIN'] });
  people.treasurer = await createPerson({ name: 'Tess Trésorière', roles: ['TREASURER'] });
  people.referent = await createPerson({ name: 'Rémi Référent', referentOf: [atelier.id] });
  people.otherReferent = await createPerson({ name: 'Olga Référente', referentOf: [boutique.id] });
  people.contributor = await createPerson({ name: 'Carl Contributeur' });
  for (const who of EVERYONE) tokens[who] = await bearerToken(people[who].id);
  // March 2026, 30 €/h, an envelope of 100 € on the Atelier.
  const period = await createPeriod({
    name: 'Mars',
    startDate: '2026-03-01',
    endDate: '2026-03-31',
    defaultRateCents: 3_000,
  });
  periodId = period.id;
  await db().envelope.create({ data: { periodId, chantierId: atelier.id, amountCents: 100_00 } });
  // Planned: Atelier 240 min for anyone (120 €) + 10 € of fees; Boutique 60 min for Carl (30 €).
  await db().planLine.createMany({
    data: [
      {
        periodId,
        chantierId: atelier.id,
        personId: null,
        plannedMinutes: 240,
        plannedFixedCents: 10_00,
        updatedById: people.treasurer.id,
      },
      {
        periodId,
        chantierId: boutique.id,
        personId: people.contributor.id,
        plannedMinutes: 60,
        updatedById: people.treasurer.id,
      },
    ],
  });
  // Realised: 300 min on the Atelier (150 € of demand, paid 100 €: the envelope); 40 volunteer min on the Boutique (20 € valued).
  await seedContribution({
    personId: people.contributor.id,
    chantierId: atelier.id,
    periodId,
    date: '2026-03-02',
    minutes: 300,
    status: 'APPROVED',
  });
  const volunteer = await seedContribution({
    personId: people.contributor.id,
    chantierId: boutique.id,
    periodId,
    date: '2026-03-03',
    minutes: 40,
    status: 'APPROVED',
  });
  await db().contribution.update({ where: { id: volunteer.id }, data: { volunteer: true } });
});

describe('PUT /periods/{id}/plan/{chantierId}/explanation × roles', () => {
  const allowed: Record<Who, [number, number]> = {
    // [Atelier, Boutique]
    admin: [403, 403],
    treasurer: [200, 200],
    referent: [200, 403],
    otherReferent: [403, 200],
    contributor: [403, 403],
  };
  it.each(EVERYONE)('as %s', async (who) => {
    const before = await db().planExplanation.count();
    const [onAtelier, onBoutique] = allowed[who];
    const a = await explain(who, atelier.id, { text: `Atelier selon ${who}` });
    const b = await explain(who, boutique.id, { text: `Boutique selon ${who}` });
    expect([a.status, b.status]).toEqual([onAtelier, onBoutique]);
    if (a.status === 200)
      expect(a.body).toMatchObject({ periodId, chantierId: atelier.id, text: `Atelier selon ${who}` });
    if (a.status === 403) expect(a.body.error.code).toBe('FORBIDDEN');
    const saved = [onAtelier, onBoutique].filter((status) => status === 200).length;
    expect(await db().planExplanation.count()).toBeLessThanOrEqual(before + saved);
  });

  it('refuses bad input with a 4xx and saves nothing', async () => {
    const before = await db().planExplanation.findMany({ orderBy: { chantierId: 'asc' } });
    expect((await explain('treasurer', atelier.id, { text: 'x'.repeat(4_001) })).status).toBe(400);
    expect((await explain('treasurer', atelier.id, { text: 42 })).status).toBe(400);
    expect((await explain('treasurer', atelier.id, {})).status).toBe(400);
    expect((await explain('treasurer', 'unknown-chantier', { text: 'x' })).status).toBe(404);
    expect((await explain('treasurer', atelier.id, { text: 'x' }, 'unknown-period')).status).toBe(404);
    expect(await db().planExplanation.findMany({ orderBy: { chantierId: 'asc' } })).toEqual(before);
  });

  it('an empty text removes the explanation', async () => {
    await explain('treasurer', boutique.id, { text: 'provisoire' });
    const removed = await explain('treasurer', boutique.id, { text: '   ' });
    expect(removed.body).toEqual({ periodId, chantierId: boutique.id, text: '', updatedAt: null });
    expect(await db().planExplanation.count({ where: { chantierId: boutique.id } })).toBe(0);
  });
});

describe('the compte rendu files', () => {
  it('only a treasurer downloads them', async () => {
    for (const route of [csvRoute, xlsxRoute, pdfRoute])
      for (const who of EVERYONE)
        expect((await download(route, tokens[who])).status, who).toBe(who === 'treasurer' ? 200 : 403);
  });

  it('say, to the cent, what was planned, realised and the gap, once the period is closed, with the explanations', async () => {
    await closePeriod({ actor: people.treasurer, periodId });
    // Written after the close: the report is written once the period is over.
    expect(
      (await explain('referent', atelier.id, { text: 'Plus de permanences que prévu ; enveloppe atteinte.' })).status,
    ).toBe(200);

    const csv = await download(csvRoute, tokens.treasurer);
    const text = csv.bytes.toString('utf8');
    expect(text.startsWith('\ufeff')).toBe(true);
    expect(csv.headers.get('content-disposition')).toContain('compte-rendu-financier-2026-03-01_2026-03-31.csv');
    const records: string[][] = parse(text.slice(1), { delimiter: ';', relax_column_count: true });
    expect(records[0]).toEqual(['Compte rendu financier']);
    expect(records).toContainEqual(['État', 'Chiffres définitifs (période clôturée)']);
    const rows = records.filter((record) => record.length > 10);
    expect(rows[0]!.slice(0, 4)).toEqual(['Code', 'Chantier', 'Prévu (€)', 'Prévu (centimes)']);
    expect(rows.slice(1)).toEqual([
      [
        'AT',
        'Atelier',
        '130,00',
        '13000',
        '100,00',
        '10000',
        '-30,00',
        '-3000',
        '-23,1 %',
        '0,00',
        '0',
        '0,00',
        '0',
        '0,00',
        '0',
        'Plus de permanences que prévu ; enveloppe atteinte.',
      ],
      [
        'BO',
        'Boutique',
        '30,00',
        '3000',
        '0,00',
        '0',
        '-30,00',
        '-3000',
        '-100,0 %',
        '0,67',
        '40',
        '20,00',
        '2000',
        '0,00',
        '0',
        '',
      ],
      [
        '',
        'Total',
        '160,00',
        '16000',
        '100,00',
        '10000',
        '-60,00',
        '-6000',
        '-37,5 %',
        '0,67',
        '40',
        '20,00',
        '2000',
        '0,00',
        '0',
        '',
      ],
    ]);

    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await download(xlsxRoute, tokens.treasurer)).bytes as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const values: unknown[][] = [];
    sheet.eachRow((row) => values.push((row.values as unknown[]).slice(1)));
    const atelierRow = values.find((row) => row[1] === 'Atelier')!;
    expect(atelierRow.slice(2, 9)).toEqual([130, 13_000, 100, 10_000, -30, -3_000, '-23,1 %']);
    expect(values.find((row) => row[1] === 'Total')!.slice(2, 4)).toEqual([160, 16_000]);

    const pdf = await download(pdfRoute, tokens.treasurer);
    expect(pdf.bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const lines = pdfTextLines(pdf.bytes).join('\n');
    for (const expected of [
      'Compte rendu financier',
      'Collectif des tests',
      'AT — Atelier',
      '-23,1 %',
      'Plus de permanences',
    ])
      expect(lines).toContain(expected);
  });
});
