// Importing contributions from a CSV, against a real PostgreSQL: the dry run lists every refused
// row and writes nothing; one refused row and the import writes nothing; a good import writes
// every row with its history (IMPORTED by the admin, then SUBMITTED or APPROVED) and an audit
// entry; the API answers 200 / 201 / 422 and refuses anyone but an admin; 5 000 rows go through.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { POST as importRoute } from '@/app/api/v1/imports/route';
import { GET as historyRoute } from '@/app/api/v1/contributions/[id]/history/route';
import type { Actor } from '@/lib/auth/permissions';
import { todayIn } from '@/lib/contributions/server/periods';
import { addDays } from '@/lib/contributions/week-dates';
import { importContributions, type ImportOutcome } from '@/lib/import/import-contributions';
import { ZDryRunOut, ZImportedOut } from '@/lib/import/schemas';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPeriod,
  createPerson,
  createPlace,
  rejectionOf,
  resetDatabase,
  setPeriodStatus,
  tableCounts,
} from '../support/database';

const HEADER = 'email;date;durée;chantier;lieu;description;bénévole';
const TODAY = todayIn('Europe/Paris');
const year = Number(TODAY.slice(0, 4));
// An open period covering today; a contribution is not dated after today.
const THIS_YEAR = `${year}-03-10` <= TODAY ? `${year}-03-10` : `${year}-01-01`;
const LAST_YEAR = `${year - 1}-03-10`; // an open period that is over
const CLOSED_YEAR = `${year - 2}-03-10`; // a closed period

let admin: Actor;
let alice: Actor;
let bruno: Actor;
let chantierIds: { c1: string; c2: string };
let placeId: string;
let periods: { current: string; past: string; closed: string };
let adminToken: string;
let aliceToken: string;

beforeAll(async () => {
  await resetDatabase();
  admin = await createPerson({ email: 'ada@test.local', name: 'Ada Admin', roles: ['ADMIN'] });
  alice = await createPerson({ email: 'alice@test.local', name: 'Alice' });
  bruno = await createPerson({ email: 'bruno@test.local', name: 'Bruno' });
  await createPerson({ email: 'gone@test.local', name: 'Parti', active: false });
  await createPerson({ email: 'treso@test.local', name: 'Théo', roles: ['TREASURER'] });
  chantierIds = {
    c1: (await createChantier({ code: 'C1', name: 'Tiers-lieux' })).id,
    c2: (await createChantier({ code: 'C2', name: 'Accompagnement' })).id,
  };
  placeId = (await createPlace({ name: 'La Coroutine' })).id;
  periods = {
    current: (await createPeriod({ name: `Année ${year}`, startDate: `${year}-01-01`, endDate: `${year}-12-31` })).id,
    past: (
      await createPeriod({ name: `Année ${year - 1}`, startDate: `${year - 1}-01-01`, endDate: `${year - 1}-12-31` })
    ).id,
    closed: (
      await createPeriod({ name: `Année ${year - 2}`, startDate: `${year - 2}-01-01`, endDate: `${year - 2}-12-31` })
    ).id,
  };
  await setPeriodStatus(periods.closed, 'CLOSED');
  adminToken = await bearerToken(admin.id);
  aliceToken = await bearerToken(alice.id);
});

const csv = (...rows: string[]) => [HEADER, ...rows].join('\r\n');

const GOOD = csv(
  `alice@test.local;${THIS_YEAR};1h30;C1;La Coroutine;Atelier réparation;non`,
  `Bruno@Test.local;${THIS_YEAR.split('-').reverse().join('/')};45min;c2;;"Réunion ; compte rendu`,
  `envoyé à tous";oui`,
  `alice@test.local;${THIS_YEAR};1,5;C1;;Atelier réparation;x`,
);

function codes(outcome: ImportOutcome) {
  if (outcome.imported) throw new Error('expected a report, got an import');
  return outcome.refused.map((row) => [row.line, row.reasons.map((reason) => reason.code)]);
}

describe('dry run', () => {
  it('lists every refused row with its reasons, and writes nothing', async () => {
    const before = await tableCounts();
    const outcome = await importContributions({
      actor: admin,
      mode: 'dry-run',
      csv: csv(
        `alice@test.local;${THIS_YEAR};1h;C1;;Bonne ligne;`,
        `nobody@test.local;${THIS_YEAR};1h;C1;;Personne inconnue;`,
        `gone@test.local;${THIS_YEAR};1h;C1;;Personne désactivée;`,
        `alice@test.local;${CLOSED_YEAR};1h;C1;;Période close;`,
        `alice@test.local;2001-01-01;1h;C1;;Aucune période;`,
        `alice@test.local;${THIS_YEAR};25h;C9;La Lune;Tout faux;peut-être`,
        `alice@test.local;${THIS_YEAR};2h;C2;;Autre bonne ligne;oui`,
      ),
    });
    expect(outcome).toMatchObject({
      mode: 'dry-run',
      imported: false,
      ok: false,
      rows: 7,
      wouldCreate: 2,
      totalMinutes: 180,
    });
    expect(codes(outcome)).toEqual([
      [3, ['UNKNOWN_PERSON']],
      [4, ['PERSON_INACTIVE']],
      [5, ['PERIOD_CLOSED']],
      [6, ['NO_PERIOD']],
      [7, ['DURATION_TOO_LONG', 'BAD_VOLUNTEER', 'UNKNOWN_CHANTIER', 'UNKNOWN_PLACE']],
    ]);
    expect(await tableCounts()).toEqual(before);
  });

  it('says a clean file can be imported, still writing nothing', async () => {
    const before = await tableCounts();
    const outcome = await importContributions({ actor: admin, mode: 'dry-run', csv: GOOD });
    expect(outcome).toMatchObject({ ok: true, rows: 3, wouldCreate: 3, totalMinutes: 90 + 45 + 90, refused: [] });
    expect(await tableCounts()).toEqual(before);
  });

  it('refuses a file it cannot read as a whole', async () => {
    const outcome = await importContributions({
      actor: admin,
      mode: 'dry-run',
      csv: 'email;date;chantier\nalice@test.local;2026-01-01;C1',
    });
    expect(codes(outcome)).toEqual([[1, ['MISSING_COLUMNS']]]);
  });

  it('is for admins only', async () => {
    expect((await rejectionOf(importContributions({ actor: alice, mode: 'dry-run', csv: GOOD }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

describe('import', () => {
  it('writes nothing when a single row is refused', async () => {
    const before = await tableCounts();
    const outcome = await importContributions({
      actor: admin,
      mode: 'import',
      csv: csv(
        `alice@test.local;${THIS_YEAR};1h;C1;;Un;`,
        `alice@test.local;${THIS_YEAR};1h;C1;;Deux;`,
        `alice@test.local;${THIS_YEAR};abc;C1;;Trois;`,
      ),
    });
    expect(outcome).toMatchObject({ mode: 'import', imported: false, ok: false, rows: 3, wouldCreate: 2 });
    expect(codes(outcome)).toEqual([[4, ['DURATION_INVALID']]]);
    expect(await tableCounts()).toEqual(before);
  });

  it('writes every row as SUBMITTED, with its history naming the admin and the import, and an audit entry', async () => {
    const outcome = await importContributions({
      actor: admin,
      mode: 'import',
      csv: GOOD,
      fileName: 'tableur-2025.csv',
    });
    if (!outcome.imported) throw new Error(`refused: ${JSON.stringify(outcome.refused)}`);
    expect(outcome).toMatchObject({ ok: true, rows: 3, created: 3, status: 'SUBMITTED', totalMinutes: 225 });

    const created = await db().contribution.findMany({
      where: { periodId: periods.current },
      orderBy: [{ minutes: 'asc' }, { volunteer: 'asc' }],
      include: { events: { orderBy: { id: 'asc' } } },
    });
    expect(
      created.map((row) => ({
        person: row.personId,
        chantier: row.chantierId,
        place: row.placeId,
        minutes: row.minutes,
        volunteer: row.volunteer,
        status: row.status,
        description: row.description,
      })),
    ).toEqual([
      {
        person: bruno.id,
        chantier: chantierIds.c2,
        place: null,
        minutes: 45,
        volunteer: true,
        status: 'SUBMITTED',
        description: 'Réunion ; compte rendu\nenvoyé à tous',
      },
      {
        person: alice.id,
        chantier: chantierIds.c1,
        place: placeId,
        minutes: 90,
        volunteer: false,
        status: 'SUBMITTED',
        description: 'Atelier réparation',
      },
      {
        person: alice.id,
        chantier: chantierIds.c1,
        place: null,
        minutes: 90,
        volunteer: true,
        status: 'SUBMITTED',
        description: 'Atelier réparation',
      },
    ]);
    for (const row of created) {
      expect(row.submittedAt).not.toBeNull();
      expect(row.reviewedById).toBeNull();
      expect(row.events.map((event) => [event.kind, event.actorId, event.fromStatus, event.toStatus])).toEqual([
        ['IMPORTED', admin.id, null, 'DRAFT'],
        ['TRANSITION', admin.id, 'DRAFT', 'SUBMITTED'],
      ]);
      expect(row.events[0].comment).toMatch(
        new RegExp(`^Import CSV ${outcome.importId} \\(tableur-2025\\.csv, ligne [2-5]\\)$`),
      );
    }
    expect(created[0].events[0].comment).toContain('ligne 3');

    // The history the app shows: imported by the admin, when, then submitted.
    const history = await callRoute(historyRoute, { token: adminToken, params: { id: created[1].id } });
    expect(history.status).toBe(200);
    expect(history.body.items.map((item: { kind: string; actorName: string }) => [item.kind, item.actorName])).toEqual([
      ['IMPORTED', 'Ada Admin'],
      ['TRANSITION', 'Ada Admin'],
    ]);
    expect(Date.now() - Date.parse(history.body.items[0].at)).toBeLessThan(60_000);

    const audit = await db().auditLog.findMany({ where: { action: 'contributions.imported' } });
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: admin.id, entityType: 'import', entityId: outcome.importId });
    expect(audit[0].data).toMatchObject({
      fileName: 'tableur-2025.csv',
      rows: 3,
      created: 3,
      status: 'SUBMITTED',
      totalMinutes: 225,
      perPeriod: { [periods.current]: 3 },
    });
  });

  it('imports a period that is over as APPROVED, reviewed by the admin, and the history says so', async () => {
    const outcome = await importContributions({
      actor: admin,
      mode: 'import',
      approve: true,
      csv: csv(
        `alice@test.local;${LAST_YEAR};2h;C1;;Ancien atelier;`,
        `bruno@test.local;${LAST_YEAR};30min;C2;;Ancienne réunion;`,
      ),
    });
    expect(outcome).toMatchObject({ imported: true, created: 2, status: 'APPROVED' });
    const created = await db().contribution.findMany({
      where: { periodId: periods.past },
      include: { events: { orderBy: { id: 'asc' } } },
      orderBy: { minutes: 'asc' },
    });
    expect(created.map((row) => [row.minutes, row.status, row.reviewedById])).toEqual([
      [30, 'APPROVED', admin.id],
      [120, 'APPROVED', admin.id],
    ]);
    for (const row of created) {
      expect(row.reviewedAt).not.toBeNull();
      expect(row.events.map((event) => [event.kind, event.actorId, event.fromStatus, event.toStatus])).toEqual([
        ['IMPORTED', admin.id, null, 'DRAFT'],
        ['TRANSITION', admin.id, 'DRAFT', 'SUBMITTED'],
        ['TRANSITION', admin.id, 'SUBMITTED', 'APPROVED'],
      ]);
      expect(row.events[2].comment).toBe('Importée comme validée (période terminée)');
    }
  });

  it('refuses to approve a period that is not over, or the admin’s own rows', async () => {
    const before = await tableCounts();
    const outcome = await importContributions({
      actor: admin,
      mode: 'import',
      approve: true,
      csv: csv(`alice@test.local;${THIS_YEAR};2h;C1;;Pas fini;`, `ada@test.local;${LAST_YEAR};1h;C1;;Le sien;`),
    });
    expect(codes(outcome)).toEqual([
      [2, ['PERIOD_NOT_PAST']],
      [3, ['SELF_APPROVAL']],
    ]);
    expect(await tableCounts()).toEqual(before);
  });

  it('checks again when importing: a period closed since the dry run refuses its rows', async () => {
    // Last year's period, closed once the dry run said yes.
    const period = { id: periods.past };
    const file = csv(`alice@test.local;${year - 1}-01-15;1h;C1;;Plus tard;`);
    expect(await importContributions({ actor: admin, mode: 'dry-run', csv: file })).toMatchObject({ ok: true });
    await setPeriodStatus(period.id, 'CLOSED');
    const before = await tableCounts();
    expect(codes(await importContributions({ actor: admin, mode: 'import', csv: file }))).toEqual([
      [2, ['PERIOD_CLOSED']],
    ]);
    expect(await tableCounts()).toEqual(before);
    await setPeriodStatus(period.id, 'OPEN');
  });
});

describe('POST /api/v1/imports', () => {
  const post = (token: string, body: unknown) =>
    callRoute(importRoute, { method: 'POST', path: '/api/v1/imports', token, body });

  it('refuses anyone but an admin (403), and writes nothing', async () => {
    const before = await tableCounts();
    for (const token of [
      aliceToken,
      await bearerToken((await db().person.findUniqueOrThrow({ where: { email: 'treso@test.local' } })).id),
    ]) {
      const response = await post(token, { csv: GOOD });
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
    }
    expect((await callRoute(importRoute, { method: 'POST', body: { csv: GOOD } })).status).toBe(401);
    expect(await tableCounts()).toEqual(
      before.api_tokens === undefined ? before : { ...before, api_tokens: before.api_tokens + 1 },
    );
  });

  it('answers a dry run with 200 and the report, in English with ISO dates', async () => {
    const response = await post(adminToken, {
      csv: csv(`alice@test.local;2001-01-01;1h;C1;;Trop tôt;`, `alice@test.local;${THIS_YEAR};1h;C1;;Bien;`),
      dryRun: true,
    });
    expect(response.status).toBe(200);
    expect(ZDryRunOut.parse(response.body)).toEqual({
      ok: false,
      rows: 2,
      wouldCreate: 1,
      totalMinutes: 60,
      ignoredColumns: [],
      duplicates: [],
      refused: [
        {
          line: 2,
          reasons: [
            { code: 'NO_PERIOD', params: { date: '2001-01-01' }, message: 'No funding period covers 2001-01-01.' },
          ],
        },
      ],
    });
  });

  it('warns in the dry run about rows identical to stored contributions once the same file is imported', async () => {
    const file = csv(
      `alice@test.local;${THIS_YEAR};1h;C1;;Atelier vélo;`,
      `alice@test.local;${THIS_YEAR};1h;C1;;Atelier vélo;`,
      `alice@test.local;${THIS_YEAR};2h;C1;;Atelier vélo;`,
    );
    const first = await post(adminToken, { csv: file, dryRun: true });
    expect(first.status).toBe(200);
    expect(first.body.duplicates).toEqual([{ line: 3, firstLine: 2 }]);
    expect((await post(adminToken, { csv: file })).status).toBe(201);
    const again = await post(adminToken, { csv: file, dryRun: true });
    expect(again.body.duplicates).toEqual([
      { line: 2, firstLine: null },
      { line: 3, firstLine: null },
      { line: 4, firstLine: null },
    ]);
    expect(again.body.ok).toBe(true);
  });

  it('answers 422 with the refused rows when any row is refused, writing nothing', async () => {
    const before = await tableCounts();
    const response = await post(adminToken, {
      csv: csv(`alice@test.local;${THIS_YEAR};1h;C1;;Bien;`, `nobody@test.local;${THIS_YEAR};1h;C1;;Inconnu;`),
    });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({
      code: 'IMPORT_REFUSED',
      message: 'Nothing was imported: 1 row refused',
    });
    expect(response.body.error.details.refused).toEqual([
      {
        line: 3,
        reasons: [
          {
            code: 'UNKNOWN_PERSON',
            params: { email: 'nobody@test.local' },
            message: 'Unknown person: nobody@test.local.',
          },
        ],
      },
    ]);
    expect(await tableCounts()).toEqual(before);
  });

  it('answers an import with 201', async () => {
    const response = await post(adminToken, {
      csv: csv(`bruno@test.local;${THIS_YEAR};3h;C2;La Coroutine;Par l’API;`),
      fileName: 'api.csv',
    });
    expect(response.status).toBe(201);
    expect(ZImportedOut.parse(response.body)).toMatchObject({
      ok: true,
      rows: 1,
      created: 1,
      status: 'SUBMITTED',
      totalMinutes: 180,
    });
    const event = await db().contributionEvent.findFirstOrThrow({
      where: { kind: 'IMPORTED', comment: { contains: 'api.csv' } },
    });
    expect(event.comment).toBe(`CSV import ${response.body.importId} (api.csv, line 2)`);
  });

  it.each([
    ['no csv', {}],
    ['an empty csv', { csv: '' }],
    ['csv as a number', { csv: 42 }],
    ['dryRun as a string', { csv: GOOD, dryRun: 'yes' }],
  ])('answers a bad body (%s) with 400', async (_label, body) => {
    const response = await post(adminToken, body);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION');
  });
});

describe('a large import', () => {
  it('writes 5 000 rows in one transaction, quickly', async () => {
    const rows = Array.from(
      { length: 5_000 },
      (_, index) =>
        // Over last year's days (none after today), under 24 h per person and day.
        `${index % 2 ? 'alice' : 'bruno'}@test.local;${addDays(`${year - 1}-01-01`, index % 364)};${(index % 8) + 1}0min;C${(index % 2) + 1};${index % 3 ? '' : 'La Coroutine'};Ligne ${index};${index % 5 ? '' : 'oui'}`,
    );
    const before = await db().contribution.count();
    const dryStarted = performance.now();
    expect(await importContributions({ actor: admin, mode: 'dry-run', csv: csv(...rows) })).toMatchObject({
      ok: true,
      wouldCreate: 5_000,
    });
    const dryMs = performance.now() - dryStarted;
    const started = performance.now();
    const outcome = await importContributions({
      actor: admin,
      mode: 'import',
      csv: csv(...rows),
      fileName: 'gros.csv',
    });
    const importMs = performance.now() - started;
    console.info(`[import] 5 000 rows: dry run ${Math.round(dryMs)} ms, import ${Math.round(importMs)} ms`);
    expect(outcome).toMatchObject({ imported: true, created: 5_000 });
    expect(await db().contribution.count()).toBe(before + 5_000);
    expect(await db().contributionEvent.count({ where: { comment: { contains: 'gros.csv' } } })).toBe(5_000);
    const [sample] = await db().contribution.findMany({
      where: { description: 'Ligne 4999' },
      include: { events: { orderBy: { id: 'asc' } } },
    });
    expect(sample).toMatchObject({
      personId: alice.id,
      chantierId: chantierIds.c2,
      minutes: 80,
      status: 'SUBMITTED',
    });
    expect(sample.events.map((event) => event.kind)).toEqual(['IMPORTED', 'TRANSITION']);
  });
});
