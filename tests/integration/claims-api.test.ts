// Claims through the API: the lifecycle of each kind (a trip priced from the period's rate, an
// expense submitted only with its receipt, a fixed fee committed for someone and submitted by them),
// the history, and issue #13's bad input: each a clear 4xx with its message key, nothing saved.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/claims/route';
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from '@/app/api/v1/claims/[id]/route';
import { POST as actionRoute } from '@/app/api/v1/claims/[id]/[action]/route';
import { GET as historyRoute } from '@/app/api/v1/claims/[id]/history/route';
import { POST as uploadRoute } from '@/app/api/v1/claims/[id]/receipts/route';
import { createClaim, transitionClaim } from '@/lib/claims/server/mutations';
import type { Actor } from '@/lib/auth/permissions';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPeriod,
  createPerson,
  rejectionOf,
  resetDatabase,
  setPeriodStatus,
} from '../support/database';
import { callRaw, claimTableCounts, PNG, uploadRequest } from './claims-fixtures';

let owner: Actor;
let referent: Actor;
let treasurer: Actor;
let ownerToken: string;
let referentToken: string;
let treasurerToken: string;
let chantierId: string;
let otherChantierId: string;
let periodId: string;
const DATE = '2026-04-02';
const NO_MILEAGE_DATE = '2025-06-10';
const CLOSED_DATE = '2024-03-03';

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Atelier vélo' })).id;
  otherChantierId = (await createChantier({ name: 'Jardin' })).id;
  const period = await createPeriod({ name: '2026', startDate: '2026-01-01', endDate: '2026-12-31' });
  periodId = period.id;
  await db().fundingPeriod.update({ where: { id: periodId }, data: { mileageRateCents: 35 } });
  await createPeriod({ name: '2025', startDate: '2025-01-01', endDate: '2025-12-31' });
  const closed = await createPeriod({ name: '2024', startDate: '2024-01-01', endDate: '2024-12-31' });
  await setPeriodStatus(closed.id, 'CLOSED');
  owner = await createPerson({ name: 'Chloé' });
  referent = await createPerson({ name: 'Rémi', referentOf: [chantierId] });
  treasurer = await createPerson({ name: 'Tess', roles: ['TREASURER'] });
  ownerToken = await bearerToken(owner.id);
  referentToken = await bearerToken(referent.id);
  treasurerToken = await bearerToken(treasurer.id);
});

const create = (body: unknown, token = ownerToken) => callRoute(createRoute, { method: 'POST', token, body });
const act = (id: string, action: string, body: unknown = {}, token = referentToken) =>
  callRoute(actionRoute, { method: 'POST', token, params: { id, action }, body });
const upload = (id: string, bytes: Uint8Array, name: string, token = ownerToken) =>
  callRaw(uploadRoute, uploadRequest(`/api/v1/claims/${id}/receipts`, bytes, name, token), { id });

describe('the lifecycle of each kind', () => {
  it('prices a trip from its distance and the period’s rate, and takes it through review', async () => {
    const created = await create({
      kind: 'MILEAGE',
      date: DATE,
      chantierId,
      description: 'Lyon → Grenoble, livraison',
      distanceKm: 112,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ kind: 'MILEAGE', status: 'DRAFT', distanceKm: 112, amountCents: 3920 });
    const { id } = created.body;
    const submitted = await act(id, 'submit', { version: created.body.version }, ownerToken);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', version: 2 });
    const approved = await act(id, 'approve', { version: 2 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', reviewedById: referent.id });
    const unapproved = await act(id, 'unapprove', { comment: 'Mauvais chantier' });
    expect(unapproved.body.status).toBe('SUBMITTED');
    const history = await callRoute(historyRoute, { token: ownerToken, params: { id } });
    expect(history.body.items.map((event: { toStatus: string }) => event.toStatus)).toEqual([
      'DRAFT',
      'SUBMITTED',
      'APPROVED',
      'SUBMITTED',
    ]);
    expect(history.body.items[3].comment).toBe('Mauvais chantier');
  });

  it('submits an expense only with its receipt', async () => {
    const created = await create({ kind: 'EXPENSE', date: DATE, chantierId, description: 'Billet', amountCents: 4550 });
    const { id } = created.body;
    const refused = await act(id, 'submit', {}, ownerToken);
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('RECEIPT_REQUIRED');
    expect(
      (await rejectionOf(transitionClaim(owner, id, 'submit'))) as unknown as { messageKey: string },
    ).toMatchObject({ messageKey: 'claims.errors.RECEIPT_REQUIRED' });
    expect((await upload(id, PNG, 'billet.png')).status).toBe(201);
    const submitted = await act(id, 'submit', {}, ownerToken);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', fileCount: 1, amountCents: 4550 });
    const rejected = await act(id, 'reject', { reason: 'Hors budget' });
    expect(rejected.body.status).toBe('REJECTED');
    // Rejected is terminal: no edit, no resubmission.
    const edit = await callRoute(patchRoute, {
      method: 'PATCH',
      token: ownerToken,
      params: { id },
      body: { version: rejected.body.version, description: 'Autre' },
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('edits partially with the version it started from; a stale one is refused with what is stored', async () => {
    const created = await create({
      kind: 'IN_KIND',
      date: DATE,
      chantierId,
      description: 'Salle prêtée',
      amountCents: 20000,
    });
    const { id, version } = created.body;
    const edited = await callRoute(patchRoute, {
      method: 'PATCH',
      token: ownerToken,
      params: { id },
      body: { version, amountCents: 25000 },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ amountCents: 25000, description: 'Salle prêtée', version: version + 1 });
    const stale = await callRoute(patchRoute, {
      method: 'PATCH',
      token: ownerToken,
      params: { id },
      body: { version, description: 'Trop tard' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect(stale.body.error.details.current).toMatchObject({ amountCents: 25000, version: version + 1 });
    const history = await callRoute(historyRoute, { token: ownerToken, params: { id } });
    expect(history.body.items.at(-1)).toMatchObject({ kind: 'EDITED', previousValues: { amountCents: 20000 } });
    const deleted = await callRoute(deleteRoute, {
      method: 'DELETE',
      token: ownerToken,
      params: { id },
      path: `/api/v1/claims/${id}?version=${version + 1}`,
    });
    expect(deleted.status).toBe(204);
    expect((await callRoute(getRoute, { token: ownerToken, params: { id } })).status).toBe(404);
  });

  it('commits a fixed fee for someone: its person submits it, a referent approves it', async () => {
    const committed = await create(
      {
        kind: 'FIXED_FEE',
        date: DATE,
        chantierId,
        description: 'Atelier réparation (devis)',
        amountCents: 30000,
        personId: owner.id,
      },
      referentToken,
    );
    expect(committed.status).toBe(201);
    expect(committed.body).toMatchObject({ status: 'COMMITTED', personId: owner.id, createdById: referent.id });
    const { id } = committed.body;
    // Its person cannot change the agreed price; the committer can.
    const ownerEdit = await callRoute(patchRoute, {
      method: 'PATCH',
      token: ownerToken,
      params: { id },
      body: { version: 1, amountCents: 90000 },
    });
    expect(ownerEdit.status).toBe(403);
    const treasurerEdit = await callRoute(patchRoute, {
      method: 'PATCH',
      token: treasurerToken,
      params: { id },
      body: { version: 1, amountCents: 32000 },
    });
    expect(treasurerEdit.body).toMatchObject({ status: 'COMMITTED', amountCents: 32000 });
    // The committer cannot submit it for them.
    expect((await act(id, 'submit', {}, referentToken)).status).toBe(403);
    expect((await act(id, 'submit', {}, ownerToken)).body.status).toBe('SUBMITTED');
    expect((await act(id, 'approve')).body.status).toBe('APPROVED');
    const listed = await callRoute(listRoute, { token: ownerToken, path: `/api/v1/claims?kind=FIXED_FEE` });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toContain(id);
  });

  it('refuses a committed fee from someone who may not commit, or of another kind', async () => {
    const before = await claimTableCounts();
    const body = {
      kind: 'FIXED_FEE',
      date: DATE,
      chantierId: otherChantierId,
      description: 'Devis',
      amountCents: 100,
      personId: owner.id,
    };
    const forbidden = await create(body, referentToken);
    expect(forbidden.status).toBe(403);
    const expense = await create({ ...body, chantierId, kind: 'EXPENSE' }, referentToken);
    expect(expense.status).toBe(400);
    expect(expense.body.error.fields.personId).toBeTruthy();
    expect(await claimTableCounts()).toEqual(before);
  });
});

describe('bad input (issue #13): a clear 4xx, nothing saved', () => {
  const valid = () => ({ kind: 'EXPENSE', date: DATE, chantierId, description: 'Fournitures', amountCents: 1250 });
  type Case = [label: string, body: () => unknown, status: number, code: string, field?: string];
  const CASES: Case[] = [
    ['a negative amount', () => ({ ...valid(), amountCents: -100 }), 400, 'VALIDATION', 'amountCents'],
    ['a zero amount', () => ({ ...valid(), amountCents: 0 }), 400, 'VALIDATION', 'amountCents'],
    ['an amount over 1 000 000 €', () => ({ ...valid(), amountCents: 100_000_001 }), 400, 'VALIDATION', 'amountCents'],
    ['a fractional cent', () => ({ ...valid(), amountCents: 12.5 }), 400, 'VALIDATION', 'amountCents'],
    ['an amount as text', () => ({ ...valid(), amountCents: '12' }), 400, 'VALIDATION', 'amountCents'],
    ['no amount', () => ({ ...valid(), amountCents: undefined }), 400, 'VALIDATION', 'amountCents'],
    [
      'a distance of 0 km',
      () => ({ ...valid(), kind: 'MILEAGE', amountCents: undefined, distanceKm: 0 }),
      400,
      'VALIDATION',
      'distanceKm',
    ],
    [
      'a distance of 5 001 km',
      () => ({ ...valid(), kind: 'MILEAGE', amountCents: undefined, distanceKm: 5001 }),
      400,
      'VALIDATION',
      'distanceKm',
    ],
    [
      'a trip with an amount',
      () => ({ ...valid(), kind: 'MILEAGE', distanceKm: 10 }),
      400,
      'VALIDATION',
      'amountCents',
    ],
    ['an expense with a distance', () => ({ ...valid(), distanceKm: 10 }), 400, 'VALIDATION', 'distanceKm'],
    [
      'a trip in a period without a mileage rate',
      () => ({ ...valid(), kind: 'MILEAGE', amountCents: undefined, distanceKm: 10, date: NO_MILEAGE_DATE }),
      422,
      'NO_MILEAGE_RATE',
      'distanceKm',
    ],
    ['a date in a closed period', () => ({ ...valid(), date: CLOSED_DATE }), 409, 'PERIOD_CLOSED'],
    ['a date no period covers', () => ({ ...valid(), date: '2023-05-05' }), 422, 'NO_PERIOD'],
    ['a date that does not exist', () => ({ ...valid(), date: '2026-02-30' }), 400, 'VALIDATION', 'date'],
    ['a year outside 2000–2100', () => ({ ...valid(), date: '0000-01-01' }), 400, 'VALIDATION', 'date'],
    ['an unknown kind', () => ({ ...valid(), kind: 'BRIBE' }), 400, 'VALIDATION', 'kind'],
    ['an unknown chantier', () => ({ ...valid(), chantierId: 'nope' }), 400, 'VALIDATION', 'chantierId'],
    ['an empty description', () => ({ ...valid(), description: '   ' }), 400, 'VALIDATION', 'description'],
    ['a submitted expense (no receipt yet)', () => ({ ...valid(), submit: true }), 422, 'RECEIPT_REQUIRED'],
    ['a NUL byte', () => ({ ...valid(), description: 'a\u0000b' }), 400, 'VALIDATION'],
    ['null', () => null, 400, 'VALIDATION'],
  ];

  it.each(CASES)('%s', async (_label, body, status, code, field) => {
    const before = await claimTableCounts();
    const answer = await create(body());
    expect(answer.status).toBe(status);
    expect(answer.body.error.code).toBe(code);
    if (field) expect(answer.body.error.fields?.[field]).toBeTruthy();
    expect(await claimTableCounts()).toEqual(before);
  });

  it('names each refusal with a message key people read in French', async () => {
    const trip = {
      kind: 'MILEAGE' as const,
      date: NO_MILEAGE_DATE,
      chantierId,
      description: 'A → B',
      distanceKm: 10,
      submit: false,
    };
    expect(await rejectionOf(createClaim(owner, trip))).toMatchObject({
      code: 'NO_MILEAGE_RATE',
      messageKey: 'claims.errors.NO_MILEAGE_RATE',
    });
    expect(await rejectionOf(createClaim(owner, { ...trip, date: CLOSED_DATE }))).toMatchObject({
      code: 'PERIOD_CLOSED',
    });
  });

  it('refuses a PATCH that moves a claim out of its open period, or gives a trip an amount', async () => {
    const created = await create(valid());
    const { id, version } = created.body;
    const before = await claimTableCounts();
    const closed = await callRoute(patchRoute, {
      method: 'PATCH',
      token: ownerToken,
      params: { id },
      body: { version, date: CLOSED_DATE },
    });
    expect(closed.status).toBe(409);
    expect(closed.body.error.code).toBe('PERIOD_CLOSED');
    const wrongField = await callRoute(patchRoute, {
      method: 'PATCH',
      token: ownerToken,
      params: { id },
      body: { version, distanceKm: 3 },
    });
    expect(wrongField.status).toBe(400);
    expect(wrongField.body.error.fields.distanceKm).toBeTruthy();
    const noVersion = await callRoute(patchRoute, {
      method: 'PATCH',
      token: ownerToken,
      params: { id },
      body: { amountCents: 3 },
    });
    expect(noVersion.status).toBe(400);
    expect(await claimTableCounts()).toEqual(before);
  });

  it('refuses an unknown action and an unknown claim', async () => {
    const created = await create(valid());
    expect((await act(created.body.id, 'pay', {}, ownerToken)).status).toBe(400);
    expect((await act('nope', 'approve')).status).toBe(404);
    expect((await callRoute(getRoute, { token: ownerToken, params: { id: 'nope' } })).status).toBe(404);
  });

  it('freezes the claims of a closed period', async () => {
    const created = await create(valid());
    await setPeriodStatus(periodId, 'CLOSED');
    try {
      const before = await claimTableCounts();
      const edit = await callRoute(patchRoute, {
        method: 'PATCH',
        token: ownerToken,
        params: { id: created.body.id },
        body: { version: created.body.version, amountCents: 1 },
      });
      expect(edit.status).toBe(409);
      expect(edit.body.error.code).toBe('PERIOD_CLOSED');
      expect(await claimTableCounts()).toEqual(before);
    } finally {
      await setPeriodStatus(periodId, 'OPEN');
    }
  });
});
