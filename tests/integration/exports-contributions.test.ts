// GET /api/v1/periods/{id}/exports/contributions.csv against a real PostgreSQL: only treasurers
// get the file; it starts with the BOM and its header; each row carries every column of its
// contribution; drafts, deleted contributions and other periods stay out; `status` filters and a
// bad one is a 400; an unknown period is a 404; and read in batches of 2 — rows sharing a day, a
// day larger than a batch — the file is the same, no row lost or written twice.
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { loadActor } from '@/lib/auth/load-actor';
import { GET as contributionsCsvRoute } from '@/app/api/v1/periods/[id]/exports/contributions.csv/route';
import { contributionsCsvResponse } from '@/lib/exports/contributions-csv-export';
import {
  bearerToken,
  createChantier,
  createPeriod,
  createPerson,
  createPlace,
  resetDatabase,
  seedContribution,
  setPeriodStatus,
  sql,
} from '../support/database';
import { assertDocumentedResponse } from '../support/contract';

type Who = 'admin' | 'treasurer' | 'referent' | 'contributor';
const EVERYONE: Who[] = ['admin', 'treasurer', 'referent', 'contributor'];
const people = {} as Record<Who | 'elise' | 'chloe' | 'englishTreasurer', Actor>;
const tokens = {} as Record<Who | 'englishTreasurer', string>;
let periodId: string;
let otherPeriodId: string;
let batchPeriodId: string;
const ids = {} as Record<
  'approved' | 'submitted' | 'rejected' | 'changes' | 'draft' | 'deleted' | 'otherPeriod',
  string
>;

const HEADER_FR = [
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
];
const HEADER_EN = [
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
];

/** Calls the route as Next would and reads the body as bytes: a file is not JSON. */
async function download(id: string, options: { token?: string; query?: string } = {}) {
  const headers: Record<string, string> = options.token ? { authorization: `Bearer ${options.token}` } : {};
  const response = await contributionsCsvRoute(
    new Request(`http://localhost:3000/api/v1/periods/${id}/exports/contributions.csv${options.query ?? ''}`, {
      headers,
    }),
    {
      params: Promise.resolve({ id }),
    },
  );
  await assertDocumentedResponse(contributionsCsvRoute, response);
  return { status: response.status, headers: response.headers, bytes: Buffer.from(await response.arrayBuffer()) };
}

const records = (bytes: Buffer): string[][] =>
  parse(bytes.toString('utf8'), { delimiter: ';', bom: true, record_delimiter: '\r\n' });
const idColumn = (rows: string[][]) => rows.slice(1).map((row) => row[14]);

beforeAll(async () => {
  await resetDatabase();
  await db().collectiveSettings.upsert({
    where: { id: 1 },
    create: { id: 1, name: 'Collectif des tests' },
    update: { name: 'Collectif des tests', timeZone: 'Europe/Paris' },
  });
  const gestion = await createChantier({ name: 'Gestion et animation', code: 'GEST' });
  const accueil = await createChantier({ name: 'Accueil', code: 'ACC' });
  const coroutine = await createPlace({ name: 'La Coroutine' });
  people.admin = await createPerson({ name: 'Ada Admin', roles: ['ADMIN'] });
  people.treasurer = await createPerson({ name: 'Tess Trésorière', roles: ['TREASURER'] });
  people.englishTreasurer = await createPerson({ name: 'Tom Treasurer', roles: ['TREASURER'] });
  await db().person.update({ where: { id: people.englishTreasurer.id }, data: { locale: 'en' } });
  people.referent = await createPerson({ name: 'Rémi Référent', referentOf: [gestion.id, accueil.id] });
  people.contributor = await createPerson({ name: 'Alice Martin', email: 'alice@contributions.test' });
  people.elise = await createPerson({ name: 'Élise Moreau', email: 'elise@contributions.test' });
  // A name a naive CSV would split, and a spreadsheet would run.
  people.chloe = await createPerson({ name: '=Dubois; Chloé "Clo"', email: 'chloe@contributions.test' });
  for (const who of [...EVERYONE, 'englishTreasurer'] as const) tokens[who] = await bearerToken(people[who].id);

  periodId = (await createPeriod({ name: 'Mars', startDate: '2041-03-01', endDate: '2041-03-31' })).id;
  otherPeriodId = (await createPeriod({ name: 'Avril', startDate: '2041-04-01', endDate: '2041-04-30' })).id;
  const reviewed = { reviewerId: people.referent.id };
  const approved = await seedContribution({
    periodId,
    personId: people.chloe.id,
    chantierId: gestion.id,
    placeId: coroutine.id,
    date: '2041-03-02',
    minutes: 90,
    status: 'APPROVED',
    ...reviewed,
    description: 'Permanence; accueil "café"\npuis rangement',
  });
  ids.approved = approved.id;
  // Link and review time set by hand, to check them to the minute (13:05 UTC is 14:05 in Paris in March).
  await sql(`UPDATE contributions SET link = $2, reviewed_at = '2041-03-10T13:05:00Z' WHERE id = $1`, [
    approved.id,
    'https://pad.example/permanence',
  ]);
  ids.submitted = (
    await seedContribution({
      periodId,
      personId: people.elise.id,
      chantierId: accueil.id,
      date: '2041-03-02',
      minutes: 20,
      status: 'SUBMITTED',
      volunteer: true,
      description: 'Accueil des nouveaux',
    })
  ).id;
  ids.rejected = (
    await seedContribution({
      periodId,
      personId: people.contributor.id,
      chantierId: gestion.id,
      date: '2041-03-05',
      minutes: 60,
      status: 'REJECTED',
      ...reviewed,
    })
  ).id;
  ids.changes = (
    await seedContribution({
      periodId,
      personId: people.contributor.id,
      chantierId: accueil.id,
      date: '2041-03-06',
      minutes: 45,
      status: 'CHANGES_REQUESTED',
      ...reviewed,
    })
  ).id;
  ids.draft = (
    await seedContribution({
      periodId,
      personId: people.contributor.id,
      chantierId: gestion.id,
      date: '2041-03-07',
      minutes: 30,
      status: 'DRAFT',
    })
  ).id;
  ids.deleted = (
    await seedContribution({
      periodId,
      personId: people.elise.id,
      chantierId: gestion.id,
      date: '2041-03-08',
      minutes: 30,
      status: 'SUBMITTED',
    })
  ).id;
  await sql(`UPDATE contributions SET deleted_at = now() WHERE id = $1`, [ids.deleted]);
  ids.otherPeriod = (
    await seedContribution({
      periodId: otherPeriodId,
      personId: people.elise.id,
      chantierId: gestion.id,
      date: '2041-04-02',
      minutes: 30,
      status: 'APPROVED',
      ...reviewed,
    })
  ).id;

  // For the batches: three rows on one day (more than a batch of 2), two on another, and single days.
  batchPeriodId = (await createPeriod({ name: 'Mai', startDate: '2041-05-01', endDate: '2041-05-31' })).id;
  const batchDays = ['2041-05-03', '2041-05-03', '2041-05-03', '2041-05-04', '2041-05-07', '2041-05-07', '2041-05-20'];
  for (const [index, date] of batchDays.entries()) {
    await seedContribution({
      periodId: batchPeriodId,
      personId: people.elise.id,
      chantierId: gestion.id,
      date,
      minutes: 15 + index,
      status: index % 2 ? 'SUBMITTED' : 'APPROVED',
      ...reviewed,
    });
  }
  await seedContribution({
    periodId: batchPeriodId,
    personId: people.elise.id,
    chantierId: gestion.id,
    date: '2041-05-03',
    status: 'DRAFT',
  });
});

describe('who may download the contributions', () => {
  it('a treasurer gets the file; an admin, a referent and a contributor get 403; nobody 401', async () => {
    for (const who of EVERYONE) {
      const answer = await download(periodId, { token: tokens[who] });
      expect({ who, status: answer.status }).toEqual({ who, status: who === 'treasurer' ? 200 : 403 });
      if (who !== 'treasurer') expect(JSON.parse(answer.bytes.toString('utf8')).error.code).toBe('FORBIDDEN');
    }
    const anonymous = await download(periodId);
    expect(anonymous.status).toBe(401);
    expect(JSON.parse(anonymous.bytes.toString('utf8')).error.code).toBe('UNAUTHENTICATED');
  });

  it('an unknown period is a 404 for a treasurer, still a 403 for the others', async () => {
    const answer = await download('no-such-period', { token: tokens.treasurer });
    expect(answer.status).toBe(404);
    expect(JSON.parse(answer.bytes.toString('utf8')).error.code).toBe('NOT_FOUND');
    expect((await download('no-such-period', { token: tokens.contributor })).status).toBe(403);
  });
});

describe('the file', () => {
  it('is a CSV download named after the period, starting with the BOM and the French header', async () => {
    const answer = await download(periodId, { token: tokens.treasurer });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toBe(
      'attachment; filename="contributions-2041-03-01_2041-03-31.csv"',
    );
    expect(answer.headers.get('cache-control')).toBe('private, no-store');
    expect([...answer.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = answer.bytes.toString('utf8');
    expect(text.startsWith(`\ufeff${HEADER_FR.join(';')}\r\n`)).toBe(true);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(records(answer.bytes)[0]).toEqual(HEADER_FR);
  });

  it('writes every column of a contribution, free text kept whole and unable to run as a formula', async () => {
    const rows = records((await download(periodId, { token: tokens.treasurer })).bytes);
    expect(rows.find((row) => row[14] === ids.approved)).toEqual([
      '02/03/2041',
      `'=Dubois; Chloé "Clo"`,
      'chloe@contributions.test',
      'GEST',
      'Gestion et animation',
      'La Coroutine',
      '90',
      '1,50',
      'non',
      'Validée',
      'Permanence; accueil "café"\npuis rangement',
      'https://pad.example/permanence',
      'Rémi Référent',
      '10/03/2041 14:05',
      ids.approved,
    ]);
    expect(rows.find((row) => row[14] === ids.submitted)).toEqual([
      '02/03/2041',
      'Élise Moreau',
      'elise@contributions.test',
      'ACC',
      'Accueil',
      '',
      '20',
      '0,33',
      'oui',
      'Soumise',
      'Accueil des nouveaux',
      '',
      '',
      '',
      ids.submitted,
    ]);
  });

  it('holds the submitted, approved, rejected and to-correct contributions of the period in (date, id) order; no draft, no deleted one, none of another period', async () => {
    const rows = records((await download(periodId, { token: tokens.treasurer })).bytes);
    const sameDay = [ids.approved, ids.submitted].sort();
    expect(idColumn(rows)).toEqual([...sameDay, ids.rejected, ids.changes]);
    expect(rows.slice(1).map((row) => row[9])).toEqual(
      expect.arrayContaining(['Validée', 'Soumise', 'Refusée', 'À corriger']),
    );
  });

  it('speaks English to an English-speaking treasurer', async () => {
    const rows = records((await download(periodId, { token: tokens.englishTreasurer })).bytes);
    expect(rows[0]).toEqual(HEADER_EN);
    const submitted = rows.find((row) => row[14] === ids.submitted)!;
    expect([submitted[0], submitted[7], submitted[8], submitted[9]]).toEqual([
      '02/03/2041',
      '0,33',
      'yes',
      'Submitted',
    ]);
    expect(rows.find((row) => row[14] === ids.changes)![9]).toBe('Changes requested');
  });

  it('is the header alone for a period with nothing to show', async () => {
    const emptyPeriodId = (await createPeriod({ name: 'Juin', startDate: '2041-06-01', endDate: '2041-06-30' })).id;
    const answer = await download(emptyPeriodId, { token: tokens.treasurer });
    expect(answer.status).toBe(200);
    expect(answer.bytes.toString('utf8')).toBe(`\ufeff${HEADER_FR.join(';')}\r\n`);
  });

  it('is still there once the period is closed', async () => {
    await setPeriodStatus(otherPeriodId, 'CLOSED');
    const rows = records((await download(otherPeriodId, { token: tokens.treasurer })).bytes);
    expect(idColumn(rows)).toEqual([ids.otherPeriod]);
  });
});

describe('the status filter', () => {
  it.each([
    ['APPROVED', 'approved'],
    ['SUBMITTED', 'submitted'],
    ['REJECTED', 'rejected'],
    ['CHANGES_REQUESTED', 'changes'],
  ] as const)('?status=%s keeps those only', async (status, key) => {
    const answer = await download(periodId, { token: tokens.treasurer, query: `?status=${status}` });
    expect(answer.status).toBe(200);
    const rows = records(answer.bytes);
    expect(rows[0]).toEqual(HEADER_FR);
    expect(idColumn(rows)).toEqual([ids[key]]);
  });

  it.each(['DRAFT', 'approved', 'PAID', ''])('?status=%s is a 400, never a file', async (status) => {
    const answer = await download(periodId, {
      token: tokens.treasurer,
      query: `?status=${encodeURIComponent(status)}`,
    });
    expect(answer.status).toBe(400);
    expect(JSON.parse(answer.bytes.toString('utf8')).error.code).toBe('VALIDATION');
  });
});

describe('batches', () => {
  const fileWith = async (batchSize?: number) => {
    const actor = (await loadActor(people.treasurer.id, 'token'))!;
    const response = await contributionsCsvResponse({ actor, periodId: batchPeriodId, batchSize });
    return Buffer.from(await response.arrayBuffer());
  };

  it.each([1, 2, 3, 4, 7])(
    'read %i rows at a time, the file is the same: every row once, in (date, id) order',
    async (batchSize) => {
      const expected = await sql<{ id: string }>(
        `SELECT id FROM contributions WHERE period_id = $1 AND status <> 'DRAFT' AND deleted_at IS NULL ORDER BY date, id`,
        [batchPeriodId],
      );
      expect(expected).toHaveLength(7);
      const batched = await fileWith(batchSize);
      expect(idColumn(records(batched))).toEqual(expected.map((row) => row.id));
      expect(batched.equals(await fileWith())).toBe(true);
    },
  );
});

describe('a failure', () => {
  it('of a read half-way fails the download instead of ending it as a file that looks whole', async () => {
    // A time zone PostgreSQL does not know makes every batch read fail, once the file has begun.
    await sql(`UPDATE collective_settings SET time_zone = 'Nowhere/Atlantis' WHERE id = 1`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      await expect(download(batchPeriodId, { token: tokens.treasurer })).rejects.toThrow(/time zone/i);
      expect(logged).toHaveBeenCalledWith(
        expect.stringContaining(`contributions.csv of period ${batchPeriodId}`),
        expect.anything(),
      );
    } finally {
      logged.mockRestore();
      await sql(`UPDATE collective_settings SET time_zone = 'Europe/Paris' WHERE id = 1`);
    }
  });
});
