// A closed period cannot change, whatever the path: every owner and reviewer action through the
// API (and bulk review) is refused with 409 PERIOD_CLOSED naming the period, and plain SQL is
// refused by the database trigger. Nothing in the period's contributions or history moves.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { POST as createRoute } from '@/app/api/v1/contributions/route';
import { DELETE as deleteRoute, PATCH as patchRoute } from '@/app/api/v1/contributions/[id]/route';
import { POST as actionRoute } from '@/app/api/v1/contributions/[id]/[action]/route';
import { POST as bulkRoute } from '@/app/api/v1/contributions/bulk-review/route';
import { closePeriod } from '@/lib/periods/payouts';
import type { Actor } from '@/lib/auth/permissions';
import type { ContributionStatus } from '@/lib/contributions/lifecycle';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPeriod,
  createPerson,
  resetDatabase,
  seedContribution,
  setPeriodStatus,
  sql,
  sqlError,
} from '../support/database';

type Who = 'alice' | 'remi' | 'admin';
let people: Record<Who, Actor>;
const tokens = {} as Record<Who, string>;
let chantierId: string;
let autumn: { id: string; name: string }; // closed by the treasurer, through the domain
let spring: { id: string; name: string }; // closed by plain SQL with work still pending
let openPeriodId: string;
/** The seeded contributions, by period and status. */
const seeded = { autumn: {} as Record<string, string>, spring: {} as Record<string, string> };

async function snapshot() {
  return {
    contributions: await sql(`SELECT * FROM contributions WHERE period_id = ANY($1) ORDER BY id`, [
      [autumn.id, spring.id],
    ]),
    events: await sql(
      `SELECT e.* FROM contribution_events e JOIN contributions c ON c.id = e.contribution_id WHERE c.period_id = ANY($1) ORDER BY e.id`,
      [[autumn.id, spring.id]],
    ),
  };
}
let before: Awaited<ReturnType<typeof snapshot>>;

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Chantier' })).id;
  people = {
    alice: await createPerson({ name: 'Alice' }),
    remi: await createPerson({ name: 'Rémi', referentOf: [chantierId] }),
    admin: await createPerson({ name: 'Ada', roles: ['ADMIN'] }),
  };
  for (const who of Object.keys(people) as Who[]) tokens[who] = await bearerToken(people[who].id);
  const treasurer = await createPerson({ name: 'Théo', roles: ['TREASURER'] });

  autumn = await createPeriod({ name: 'Automne 2025', startDate: '2025-07-01', endDate: '2025-12-31' });
  spring = await createPeriod({ name: 'Printemps 2025', startDate: '2025-01-01', endDate: '2025-06-30' });
  openPeriodId = (await createPeriod({ name: 'Année 2026', startDate: '2026-01-01', endDate: '2026-12-31' })).id;

  for (const status of ['DRAFT', 'APPROVED', 'REJECTED'] as ContributionStatus[]) {
    seeded.autumn[status] = (
      await seedContribution({
        personId: people.alice.id,
        chantierId,
        periodId: autumn.id,
        date: '2025-10-01',
        status,
        reviewerId: people.remi.id,
      })
    ).id;
  }
  for (const status of ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED'] as ContributionStatus[]) {
    seeded.spring[status] = (
      await seedContribution({
        personId: people.alice.id,
        chantierId,
        periodId: spring.id,
        date: '2025-03-01',
        status,
        reviewerId: people.remi.id,
      })
    ).id;
  }
  const closed = await closePeriod({ actor: treasurer, periodId: autumn.id });
  expect(closed.status).toBe('CLOSED');
  await setPeriodStatus(spring.id, 'CLOSED');
  before = await snapshot();
});

/** An edit body (the chantier is filled in when the test runs). */
const edit = (date: string) => ({ version: 1, date, minutes: 30, description: 'Changée après clôture' });

// [label, who, period, status, request]
type Attempt = { method: 'PATCH' | 'DELETE' | 'POST'; action?: string; body?: Record<string, unknown> };
const ATTEMPTS: [string, Who, 'autumn' | 'spring', ContributionStatus, Attempt][] = [
  ['the owner edits a draft', 'alice', 'autumn', 'DRAFT', { method: 'PATCH', body: edit('2025-10-02') }],
  [
    'the owner moves a draft out, into an open period',
    'alice',
    'autumn',
    'DRAFT',
    { method: 'PATCH', body: edit('2026-02-01') },
  ],
  ['the owner deletes a draft', 'alice', 'autumn', 'DRAFT', { method: 'DELETE' }],
  ['the owner submits a draft', 'alice', 'autumn', 'DRAFT', { method: 'POST', action: 'submit' }],
  ['the owner deletes a rejected one', 'alice', 'autumn', 'REJECTED', { method: 'DELETE' }],
  [
    'the referent un-approves',
    'remi',
    'autumn',
    'APPROVED',
    { method: 'POST', action: 'unapprove', body: { comment: 'Erreur' } },
  ],
  [
    'an admin un-approves',
    'admin',
    'autumn',
    'APPROVED',
    { method: 'POST', action: 'unapprove', body: { comment: 'Erreur' } },
  ],
  ['the referent approves a pending one', 'remi', 'spring', 'SUBMITTED', { method: 'POST', action: 'approve' }],
  [
    'the referent rejects a pending one',
    'remi',
    'spring',
    'SUBMITTED',
    { method: 'POST', action: 'reject', body: { reason: 'Trop tard' } },
  ],
  [
    'the referent requests changes',
    'remi',
    'spring',
    'SUBMITTED',
    { method: 'POST', action: 'request-changes', body: { comment: 'Précise' } },
  ],
  [
    'an admin approves a pending one',
    'admin',
    'spring',
    'SUBMITTED',
    { method: 'POST', action: 'approve', body: { version: 1 } },
  ],
  [
    'the owner resubmits after a change request',
    'alice',
    'spring',
    'CHANGES_REQUESTED',
    { method: 'POST', action: 'submit' },
  ],
  ['the owner edits a pending one', 'alice', 'spring', 'SUBMITTED', { method: 'PATCH', body: edit('2025-03-02') }],
  ['the owner deletes a pending one', 'alice', 'spring', 'SUBMITTED', { method: 'DELETE' }],
];

describe('every path through the API is refused with PERIOD_CLOSED', () => {
  it.each(ATTEMPTS)('%s (%s, %s period, %s)', async (_label, who, period, status, attempt) => {
    const id = seeded[period][status];
    const token = tokens[who];
    const response =
      attempt.method === 'PATCH'
        ? await callRoute(patchRoute, { method: 'PATCH', token, params: { id }, body: { ...attempt.body, chantierId } })
        : attempt.method === 'DELETE'
          ? await callRoute(deleteRoute, { method: 'DELETE', token, params: { id } })
          : await callRoute(actionRoute, {
              method: 'POST',
              token,
              params: { id, action: attempt.action! },
              body: attempt.body ?? {},
            });
    const { id: periodId, name } = period === 'autumn' ? autumn : spring;
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'PERIOD_CLOSED', details: { periodId, status: 'CLOSED' } });
    expect(response.body.error.message).toBe(`The period “${name}” is closed: its contributions can no longer change.`);
  });

  it('a bulk review refuses the whole batch, naming each contribution of the closed period', async () => {
    const openOne = await seedContribution({
      personId: people.alice.id,
      chantierId,
      periodId: openPeriodId,
      date: '2026-03-01',
      status: 'SUBMITTED',
    });
    const response = await callRoute(bulkRoute, {
      method: 'POST',
      token: tokens.remi,
      body: { ids: [openOne.id, seeded.spring.SUBMITTED], action: 'approve' },
    });
    expect(response.status).toBe(409);
    expect(response.body.error.details.refused).toEqual([{ id: seeded.spring.SUBMITTED, code: 'PERIOD_CLOSED' }]);
    expect((await db().contribution.findUniqueOrThrow({ where: { id: openOne.id } })).status).toBe('SUBMITTED');
  });

  it('declaring a new contribution dated in the closed period is refused too', async () => {
    const response = await callRoute(createRoute, {
      method: 'POST',
      token: tokens.alice,
      body: { date: '2025-12-31', minutes: 60, chantierId, description: 'Oubliée' },
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({ code: 'PERIOD_CLOSED', details: { periodId: autumn.id } });
  });

  it('a paid period says so', async () => {
    const paid = await createPeriod({ name: 'Hiver 2024', startDate: '2024-10-01', endDate: '2024-12-31' });
    const draft = await seedContribution({
      personId: people.alice.id,
      chantierId,
      periodId: paid.id,
      date: '2024-11-11',
    });
    await setPeriodStatus(paid.id, 'PAID');
    const response = await callRoute(actionRoute, {
      method: 'POST',
      token: tokens.alice,
      params: { id: draft.id, action: 'submit' },
      body: {},
    });
    expect(response.status).toBe(409);
    expect(response.body.error).toMatchObject({
      code: 'PERIOD_CLOSED',
      message: 'The period “Hiver 2024” is paid: its contributions can no longer change.',
      details: { status: 'PAID' },
    });
  });
});

describe('plain SQL is refused by the database', () => {
  it.each([
    ['UPDATE of the minutes', `UPDATE contributions SET minutes = 1 WHERE id = $1`],
    ['UPDATE of the status', `UPDATE contributions SET status = 'SUBMITTED' WHERE id = $1`],
    [
      'UPDATE moving it to an open period',
      `UPDATE contributions SET period_id = '${'OPEN_PERIOD'}', date = '2026-02-02' WHERE id = $1`,
    ],
    ['soft delete', `UPDATE contributions SET deleted_at = now() WHERE id = $1`],
    ['DELETE', `DELETE FROM contributions WHERE id = $1`],
  ])('%s', async (_label, statement) => {
    const error = await sqlError(statement.replace('OPEN_PERIOD', openPeriodId), [seeded.autumn.APPROVED]);
    expect(error.code).toBe('23514'); // check_violation, raised by the contributions_guard trigger
    expect(error.message).toMatch(/^period_closed: the period of contribution .+ is CLOSED$/);
  });

  it('INSERT into the closed period', async () => {
    const error = await sqlError(
      `INSERT INTO contributions (id, person_id, chantier_id, period_id, date, minutes, description, updated_at)
       VALUES ('raw-insert', $1, $2, $3, '2025-11-01', 60, 'Par la bande', now())`,
      [people.alice.id, chantierId, autumn.id],
    );
    expect(error.code).toBe('23514');
    expect(error.message).toMatch(/period_closed/);
  });

  it('and a date outside its own (open) period', async () => {
    const error = await sqlError(
      `INSERT INTO contributions (id, person_id, chantier_id, period_id, date, minutes, description, updated_at)
       VALUES ('raw-outside', $1, $2, $3, '2027-01-01', 60, 'Hors période', now())`,
      [people.alice.id, chantierId, openPeriodId],
    );
    expect(error.message).toMatch(/contribution_outside_period/);
  });
});

describe('after all these attempts', () => {
  it('not one row of the closed periods’ contributions or history has changed', async () => {
    expect(await snapshot()).toEqual(before);
  });
});
