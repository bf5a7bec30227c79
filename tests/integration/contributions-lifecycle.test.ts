// Every contribution action against PostgreSQL, through the JSON API with bearer tokens: declare
// (draft or submitted at once, minutes or a typed duration), the date rules (no period → 422
// naming the date, a closed period → 409 naming it), edit with optimistic versions (the previous
// values kept in the history, a stale version → 409 with the current values), soft delete,
// submit, and the review transitions — each recorded with who, from, to and comment, oldest first.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/contributions/route';
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from '@/app/api/v1/contributions/[id]/route';
import { POST as actionRoute } from '@/app/api/v1/contributions/[id]/[action]/route';
import { GET as historyRoute } from '@/app/api/v1/contributions/[id]/history/route';
import type { Actor } from '@/lib/auth/permissions';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPeriod,
  createPerson,
  createPlace,
  resetDatabase,
  setPeriodStatus,
  sqlError,
} from '../support/database';

let alice: Actor; // contributor
let remi: Actor; // referent of the chantier
let admin: Actor;
const token: Record<'alice' | 'remi' | 'admin', string> = { alice: '', remi: '', admin: '' };
let chantierId: string;
let otherChantierId: string;
let placeId: string;
let openPeriodId: string;
let closedPeriodId: string;

const OPEN_DATE = '2026-02-10';
const CLOSED_DATE = '2025-10-15';

const create = (who: keyof typeof token, body: Record<string, unknown>) =>
  callRoute(createRoute, {
    method: 'POST',
    path: '/api/v1/contributions',
    token: token[who],
    body: { date: OPEN_DATE, chantierId, description: 'Atelier réparation', ...body },
  });
const patch = (who: keyof typeof token, id: string, body: Record<string, unknown>) =>
  callRoute(patchRoute, {
    method: 'PATCH',
    path: `/api/v1/contributions/${id}`,
    token: token[who],
    params: { id },
    body,
  });
const act = (who: keyof typeof token, id: string, action: string, body: Record<string, unknown> = {}) =>
  callRoute(actionRoute, {
    method: 'POST',
    path: `/api/v1/contributions/${id}/${action}`,
    token: token[who],
    params: { id, action },
    body,
  });
const history = async (who: keyof typeof token, id: string) => {
  const response = await callRoute(historyRoute, {
    path: `/api/v1/contributions/${id}/history`,
    token: token[who],
    params: { id },
  });
  expect(response.status).toBe(200);
  return response.body.items as {
    kind: string;
    actorId: string;
    actorName: string;
    fromStatus: string | null;
    toStatus: string | null;
    comment: string | null;
    previousValues: unknown;
    at: string;
    id: string;
  }[];
};
/** The history as compact tuples: kind, who, from → to, comment. */
const steps = async (id: string) =>
  (await history('alice', id)).map((event) => [
    event.kind,
    event.actorName,
    `${event.fromStatus ?? '∅'}→${event.toStatus ?? '∅'}`,
    event.comment,
  ]);

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Animation des tiers-lieux' })).id;
  otherChantierId = (await createChantier({ name: 'Nouveaux services' })).id;
  placeId = (await createPlace({ name: 'La Coroutine' })).id;
  alice = await createPerson({ name: 'Alice' });
  remi = await createPerson({ name: 'Rémi', referentOf: [chantierId] });
  admin = await createPerson({ name: 'Ada', roles: ['ADMIN'] });
  token.alice = await bearerToken(alice.id);
  token.remi = await bearerToken(remi.id);
  token.admin = await bearerToken(admin.id);
  openPeriodId = (await createPeriod({ name: 'Printemps 2026', startDate: '2026-01-01', endDate: '2026-06-30' })).id;
  closedPeriodId = (await createPeriod({ name: 'Automne 2025', startDate: '2025-07-01', endDate: '2025-12-31' })).id;
  await setPeriodStatus(closedPeriodId, 'CLOSED');
});

describe('declaring', () => {
  it('creates a draft from minutes: 201 with id, status, minutes, version, its period; history CREATED', async () => {
    const response = await create('alice', { minutes: 90, placeId, link: 'https://example.org/cr', volunteer: true });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({
      personId: alice.id,
      chantierId,
      placeId,
      periodId: openPeriodId,
      date: OPEN_DATE,
      minutes: 90,
      description: 'Atelier réparation',
      link: 'https://example.org/cr',
      volunteer: true,
      status: 'DRAFT',
      version: 1,
    });
    const stored = await db().contribution.findUniqueOrThrow({ where: { id: response.body.id } });
    expect(stored).toMatchObject({ status: 'DRAFT', minutes: 90, submittedAt: null, deletedAt: null });
    expect(stored.date.toISOString()).toBe(`${OPEN_DATE}T00:00:00.000Z`);
    expect(await steps(response.body.id)).toEqual([['CREATED', 'Alice', '∅→DRAFT', null]]);
  });

  it('creates and submits at once from a typed duration "1h30"', async () => {
    const response = await create('alice', { duration: '1h30', submit: true });
    expect(response.status).toBe(201);
    expect(response.body).toMatchObject({ status: 'SUBMITTED', minutes: 90, version: 1 });
    expect((await db().contribution.findUniqueOrThrow({ where: { id: response.body.id } })).submittedAt).toBeInstanceOf(
      Date,
    );
    expect(await steps(response.body.id)).toEqual([
      ['CREATED', 'Alice', '∅→DRAFT', null],
      ['TRANSITION', 'Alice', 'DRAFT→SUBMITTED', null],
    ]);
  });

  it.each([
    ['1h', 60],
    ['45min', 45],
    ['1:30', 90],
    ['1,5', 90],
    ['1.5', 90],
    ['24h', 1440],
  ])('stores the duration %j as %i minutes', async (duration, minutes) => {
    const response = await create('alice', { duration });
    expect(response.status).toBe(201);
    expect(response.body.minutes).toBe(minutes);
  });

  it('refuses a date outside every period: 422 NO_PERIOD naming the date, nothing stored', async () => {
    const before = await db().contribution.count();
    const response = await create('alice', { date: '2030-03-15', minutes: 60 });
    expect(response.status).toBe(422);
    expect(response.body.error).toMatchObject({ code: 'NO_PERIOD', fields: { date: expect.any(String) } });
    expect(response.body.error.message).toContain('15/03/2030');
    expect(await db().contribution.count()).toBe(before);
  });

  it('refuses a date in a closed period: 409 PERIOD_CLOSED naming the period', async () => {
    const response = await create('alice', { date: CLOSED_DATE, minutes: 60, submit: true });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('PERIOD_CLOSED');
    expect(response.body.error.message).toContain('Automne 2025');
    expect(response.body.error.details).toEqual({ periodId: closedPeriodId, status: 'CLOSED' });
    expect(await db().contribution.count({ where: { periodId: closedPeriodId } })).toBe(0);
  });

  it('refuses an unknown chantier or place: 400 naming the field, nothing stored', async () => {
    const before = await db().contribution.count();
    const chantier = await create('alice', { chantierId: 'no-such-chantier', minutes: 60 });
    expect(chantier.status).toBe(400);
    expect(chantier.body.error).toMatchObject({ code: 'VALIDATION', fields: { chantierId: 'Unknown chantier.' } });
    const place = await create('alice', { placeId: 'no-such-place', minutes: 60 });
    expect(place.status).toBe(400);
    expect(place.body.error).toMatchObject({ code: 'VALIDATION', fields: { placeId: expect.any(String) } });
    expect(await db().contribution.count()).toBe(before);
  });

  it('refuses an inactive chantier like an unknown one', async () => {
    const retired = await createChantier({ name: 'Ancien chantier' });
    await db().chantier.update({ where: { id: retired.id }, data: { active: false } });
    const response = await create('alice', { chantierId: retired.id, minutes: 60 });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ chantierId: 'Unknown chantier.' });
  });
});

describe('editing', () => {
  it('replaces the values, bumps the version and keeps the previous values in the history', async () => {
    const { body: created } = await create('alice', { minutes: 60, description: 'Avant', placeId });
    const response = await patch('alice', created.id, {
      version: 1,
      date: '2026-02-11',
      duration: '2h',
      chantierId: otherChantierId,
      placeId: null,
      description: 'Après',
      link: 'https://example.org/after',
      volunteer: true,
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      id: created.id,
      version: 2,
      date: '2026-02-11',
      minutes: 120,
      chantierId: otherChantierId,
      placeId: null,
      description: 'Après',
      volunteer: true,
      status: 'DRAFT',
    });

    const events = await history('alice', created.id);
    expect(events.map((event) => event.kind)).toEqual(['CREATED', 'EDITED']);
    expect(events[1]).toMatchObject({ actorId: alice.id, fromStatus: 'DRAFT', toStatus: 'DRAFT' });
    expect(events[1].previousValues).toEqual({
      date: OPEN_DATE,
      minutes: 60,
      chantierId,
      placeId,
      description: 'Avant',
      link: null,
      volunteer: false,
    });
  });

  it('changes only the fields sent (PATCH is partial); null clears the place and the link', async () => {
    const { body: created } = await create('alice', {
      minutes: 60,
      description: 'Partielle',
      placeId,
      link: 'https://example.org/a',
      volunteer: true,
    });
    const minutesOnly = await patch('alice', created.id, { minutes: 95, version: 1 });
    expect(minutesOnly.status).toBe(200);
    expect(minutesOnly.body).toMatchObject({
      minutes: 95,
      version: 2,
      date: OPEN_DATE,
      chantierId,
      placeId,
      description: 'Partielle',
      link: 'https://example.org/a',
      volunteer: true,
    });
    const cleared = await patch('alice', created.id, { placeId: null, link: '', duration: '1h', version: 2 });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toMatchObject({
      minutes: 60,
      placeId: null,
      link: null,
      description: 'Partielle',
      version: 3,
    });
    const events = await history('alice', created.id);
    expect(events.filter((event) => event.kind === 'EDITED').map((event) => event.previousValues)).toEqual([
      expect.objectContaining({ minutes: 60, placeId }),
      expect.objectContaining({ minutes: 95, placeId, link: 'https://example.org/a' }),
    ]);
  });

  it('says a missing version is required, and refuses minutes and a duration together, changing nothing', async () => {
    const { body: created } = await create('alice', { minutes: 60 });
    const noVersion = await patch('alice', created.id, { minutes: 90 });
    expect(noVersion.status).toBe(400);
    expect(noVersion.body.error).toMatchObject({
      code: 'VALIDATION',
      message: 'Invalid input — version: This field is required.',
      fields: { version: 'This field is required.' },
    });
    const both = await patch('alice', created.id, { minutes: 90, duration: '1h30', version: 1 });
    expect(both.status).toBe(400);
    expect(Object.keys(both.body.error.fields)).toEqual(['duration']);
    expect(await db().contribution.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      minutes: 60,
      version: 1,
    });
  });

  it('refuses a stale version with 409 STALE_VERSION and the current values, changing nothing', async () => {
    const { body: created } = await create('alice', { minutes: 60, description: 'Premier jet' });
    expect(
      (
        await patch('alice', created.id, {
          version: 1,
          date: OPEN_DATE,
          minutes: 75,
          chantierId,
          description: 'Deuxième jet',
        })
      ).status,
    ).toBe(200);

    const stale = await patch('alice', created.id, {
      version: 1,
      date: OPEN_DATE,
      minutes: 30,
      chantierId,
      description: 'Écrasement',
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    expect(stale.body.error.details.current).toEqual({
      date: OPEN_DATE,
      minutes: 75,
      chantierId,
      placeId: null,
      description: 'Deuxième jet',
      link: null,
      volunteer: false,
      status: 'DRAFT',
      version: 2,
    });
    const stored = await db().contribution.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored).toMatchObject({ minutes: 75, description: 'Deuxième jet', version: 2 });
    expect(await db().contributionEvent.count({ where: { contributionId: created.id, kind: 'EDITED' } })).toBe(1);
  });

  it('moves the contribution to the period of its new date, which must be open and exist', async () => {
    const summer = await createPeriod({ name: 'Été 2026', startDate: '2026-07-01', endDate: '2026-09-30' });
    const { body: created } = await create('alice', { minutes: 60 });
    const moved = await patch('alice', created.id, {
      version: 1,
      date: '2026-08-01',
      minutes: 60,
      chantierId,
      description: 'Déplacée',
    });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ periodId: summer.id, date: '2026-08-01', version: 2 });

    const intoClosed = await patch('alice', created.id, {
      version: 2,
      date: CLOSED_DATE,
      minutes: 60,
      chantierId,
      description: 'Vers le passé',
    });
    expect(intoClosed.status).toBe(409);
    expect(intoClosed.body.error).toMatchObject({ code: 'PERIOD_CLOSED', details: { periodId: closedPeriodId } });
    const nowhere = await patch('alice', created.id, {
      version: 2,
      date: '2031-01-01',
      minutes: 60,
      chantierId,
      description: 'Vers nulle part',
    });
    expect(nowhere.status).toBe(422);
    expect(nowhere.body.error.code).toBe('NO_PERIOD');
    expect(await db().contribution.findUniqueOrThrow({ where: { id: created.id } })).toMatchObject({
      periodId: summer.id,
      version: 2,
    });
  });

  it('keeps a submitted contribution submitted when its owner edits it', async () => {
    const { body: created } = await create('alice', { minutes: 60, submit: true });
    const response = await patch('alice', created.id, {
      version: 1,
      date: OPEN_DATE,
      minutes: 90,
      chantierId,
      description: 'Corrigée',
    });
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ status: 'SUBMITTED', minutes: 90, version: 2 });
  });
});

describe('deleting', () => {
  it('is a soft delete: gone from reads and lists, kept in storage, history ends with DELETED', async () => {
    const { body: created } = await create('alice', { minutes: 60, description: 'À supprimer' });
    const response = await callRoute(deleteRoute, {
      method: 'DELETE',
      path: `/api/v1/contributions/${created.id}?version=1`,
      token: token.alice,
      params: { id: created.id },
    });
    expect(response.status).toBe(204);

    const stored = await db().contribution.findUniqueOrThrow({ where: { id: created.id } });
    expect(stored.deletedAt).toBeInstanceOf(Date);
    expect(stored.version).toBe(2);
    expect((await callRoute(getRoute, { token: token.alice, params: { id: created.id } })).status).toBe(404);
    const list = await callRoute(listRoute, { path: '/api/v1/contributions?limit=200', token: token.alice });
    expect(list.body.items.map((item: { id: string }) => item.id)).not.toContain(created.id);

    const events = await history('alice', created.id);
    expect(events.at(-1)).toMatchObject({ kind: 'DELETED', actorId: alice.id, fromStatus: 'DRAFT', toStatus: null });
    expect(events.at(-1)!.previousValues).toMatchObject({ description: 'À supprimer', minutes: 60 });

    // Deleting again, or acting on it, finds nothing.
    const again = await callRoute(deleteRoute, {
      method: 'DELETE',
      path: `/api/v1/contributions/${created.id}`,
      token: token.alice,
      params: { id: created.id },
    });
    expect(again.status).toBe(404);
    expect((await act('alice', created.id, 'submit')).status).toBe(404);
  });

  it('refuses a stale version on delete', async () => {
    const { body: created } = await create('alice', { minutes: 60 });
    await patch('alice', created.id, { version: 1, date: OPEN_DATE, minutes: 61, chantierId, description: 'v2' });
    const response = await callRoute(deleteRoute, {
      method: 'DELETE',
      path: `/api/v1/contributions/${created.id}?version=1`,
      token: token.alice,
      params: { id: created.id },
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: 'STALE_VERSION',
      details: { current: { version: 2, minutes: 61 } },
    });
    expect((await db().contribution.findUniqueOrThrow({ where: { id: created.id } })).deletedAt).toBeNull();
  });
});

describe('the review lifecycle, recorded oldest first', () => {
  it('submit → request changes (comment) → edit → resubmit → approve → unapprove (comment) → approve', async () => {
    const { body: created } = await create('alice', { minutes: 60, description: 'Permanence' });
    const { id } = created;

    const submitted = await act('alice', id, 'submit');
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ status: 'SUBMITTED', version: 2 });

    const noComment = await act('remi', id, 'request-changes', { comment: '   ' });
    expect(noComment.status).toBe(400);
    expect(noComment.body.error).toMatchObject({ code: 'COMMENT_REQUIRED', fields: { comment: expect.any(String) } });

    const sentBack = await act('remi', id, 'request-changes', { comment: 'Précise le lieu', version: 2 });
    expect(sentBack.status).toBe(200);
    expect(sentBack.body).toMatchObject({ status: 'CHANGES_REQUESTED', version: 3 });

    const edited = await patch('alice', id, {
      version: 3,
      date: OPEN_DATE,
      minutes: 60,
      chantierId,
      placeId,
      description: 'Permanence à La Coroutine',
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ status: 'CHANGES_REQUESTED', version: 4 });

    const resubmitted = await act('alice', id, 'submit', { comment: 'Lieu ajouté', version: 4 });
    expect(resubmitted.body).toMatchObject({ status: 'SUBMITTED', version: 5 });

    const approved = await act('remi', id, 'approve', { version: 5 });
    expect(approved.status).toBe(200);
    expect(approved.body).toMatchObject({ status: 'APPROVED', version: 6 });
    expect(await db().contribution.findUniqueOrThrow({ where: { id } })).toMatchObject({ reviewedById: remi.id });

    const unapproveBare = await act('admin', id, 'unapprove');
    expect(unapproveBare.status).toBe(400);
    expect(unapproveBare.body.error.code).toBe('COMMENT_REQUIRED');

    const unapproved = await act('admin', id, 'unapprove', { comment: 'Doublon possible, à revoir' });
    expect(unapproved.body).toMatchObject({ status: 'SUBMITTED', version: 7 });
    const reapproved = await act('admin', id, 'approve');
    expect(reapproved.body).toMatchObject({ status: 'APPROVED', version: 8 });

    expect(await steps(id)).toEqual([
      ['CREATED', 'Alice', '∅→DRAFT', null],
      ['TRANSITION', 'Alice', 'DRAFT→SUBMITTED', null],
      ['TRANSITION', 'Rémi', 'SUBMITTED→CHANGES_REQUESTED', 'Précise le lieu'],
      ['EDITED', 'Alice', 'CHANGES_REQUESTED→CHANGES_REQUESTED', null],
      ['TRANSITION', 'Alice', 'CHANGES_REQUESTED→SUBMITTED', 'Lieu ajouté'],
      ['TRANSITION', 'Rémi', 'SUBMITTED→APPROVED', null],
      ['TRANSITION', 'Ada', 'APPROVED→SUBMITTED', 'Doublon possible, à revoir'],
      ['TRANSITION', 'Ada', 'SUBMITTED→APPROVED', null],
    ]);
    const events = await history('remi', id); // the referent may read it too
    expect(events[3].previousValues).toMatchObject({ description: 'Permanence', placeId: null });
    // Oldest first, by time as well as by id.
    const times = events.map((event) => Date.parse(event.at));
    expect([...times].sort((a, b) => a - b)).toEqual(times);

    // Approved: the owner can no longer edit or delete it.
    const edit = await patch('alice', id, {
      version: 8,
      date: OPEN_DATE,
      minutes: 10,
      chantierId,
      description: 'Trop tard',
    });
    expect(edit.status).toBe(409);
    expect(edit.body.error.code).toBe('INVALID_TRANSITION');
    const remove = await callRoute(deleteRoute, { method: 'DELETE', token: token.alice, params: { id } });
    expect(remove.status).toBe(409);
    expect(remove.body.error.code).toBe('INVALID_TRANSITION');
  });

  it('reject needs a reason; a rejected contribution is final for edits and submits, and may be deleted', async () => {
    const { body: created } = await create('alice', { minutes: 60, submit: true });
    const { id } = created;

    const bare = await act('remi', id, 'reject', {});
    expect(bare.status).toBe(400);
    expect(bare.body.error).toMatchObject({ code: 'COMMENT_REQUIRED', fields: { reason: expect.any(String) } });
    expect((await db().contribution.findUniqueOrThrow({ where: { id } })).status).toBe('SUBMITTED');

    const rejected = await act('remi', id, 'reject', { reason: 'Hors du périmètre du chantier' });
    expect(rejected.status).toBe(200);
    expect(rejected.body).toMatchObject({ status: 'REJECTED', version: 2 });

    expect((await act('alice', id, 'submit')).body.error.code).toBe('INVALID_TRANSITION');
    expect(
      (await patch('alice', id, { version: 2, date: OPEN_DATE, minutes: 60, chantierId, description: 'Encore' })).body
        .error.code,
    ).toBe('INVALID_TRANSITION');
    expect((await callRoute(deleteRoute, { method: 'DELETE', token: token.alice, params: { id } })).status).toBe(204);

    expect(await steps(id)).toEqual([
      ['CREATED', 'Alice', '∅→DRAFT', null],
      ['TRANSITION', 'Alice', 'DRAFT→SUBMITTED', null],
      ['TRANSITION', 'Rémi', 'SUBMITTED→REJECTED', 'Hors du périmètre du chantier'],
      ['DELETED', 'Alice', 'REJECTED→∅', null],
    ]);
  });

  it('the list shows the last reviewer comment beside the contribution', async () => {
    const { body: created } = await create('alice', { minutes: 60, submit: true, description: 'Avec commentaire' });
    await act('remi', created.id, 'request-changes', { comment: 'Ajoute un lien' });
    const list = await callRoute(listRoute, {
      path: `/api/v1/contributions?status=CHANGES_REQUESTED&limit=200`,
      token: token.alice,
    });
    expect(list.status).toBe(200);
    expect(list.body.items.find((item: { id: string }) => item.id === created.id)).toMatchObject({
      lastComment: 'Ajoute un lien',
      personName: 'Alice',
      chantierName: 'Animation des tiers-lieux',
    });
  });

  it('the history is append-only in the database itself', async () => {
    const { body: created } = await create('alice', { minutes: 60 });
    const update = await sqlError(`UPDATE contribution_events SET comment = 'réécrit' WHERE contribution_id = $1`, [
      created.id,
    ]);
    expect(update.message).toMatch(/append-only/);
    const remove = await sqlError(`DELETE FROM contribution_events WHERE contribution_id = $1`, [created.id]);
    expect(remove.message).toMatch(/append-only/);
  });
});
