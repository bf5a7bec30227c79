// The plan endpoints (docs/plans.md) against a real database: who may write which chantier's plan
// (treasurer any, referent their own, others none, a closed period nobody), what bad input gets,
// the figures GET answers (planned money at the rates pricing gives, realised minutes, demand,
// forecast, alert) and what transparency off hides.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { GET as planRoute } from '@/app/api/v1/periods/[id]/plan/route';
import { PUT as putRoute } from '@/app/api/v1/periods/[id]/plan/[chantierId]/route';
import { getPeriodPlan } from '@/lib/plans/server/plan';
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
} from '../support/database';

type Who = 'admin' | 'treasurer' | 'referent' | 'otherReferent' | 'contributor';
const EVERYONE: Who[] = ['admin', 'treasurer', 'referent', 'otherReferent', 'contributor'];
const people = {} as Record<Who, Actor>;
const tokens = {} as Record<Who, string>;
let chantierId: string;
let otherChantierId: string;
let periodCounter = 0;

/** An open period, April of its own year from 2041 on (30 days), with an envelope on the chantier. */
async function freshPeriod() {
  periodCounter++;
  const month = '04';
  const year = 2040 + periodCounter;
  const period = await createPeriod({
    startDate: `${year}-${month}-01`,
    endDate: `${year}-${month}-30`,
    defaultRateCents: 3_000,
  });
  await db().envelope.create({ data: { periodId: period.id, chantierId, amountCents: 100_000 } });
  await db().rateOverride.create({ data: { periodId: period.id, personId: people.referent.id, rateCents: 4_000 } });
  return { period, year, month };
}

const put = (who: Who, periodId: string, chantier: string, body: unknown) =>
  callRoute(putRoute, { method: 'PUT', token: tokens[who], params: { id: periodId, chantierId: chantier }, body });

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Animation' })).id;
  otherChantierId = (await createChantier({ name: 'Services' })).id;
  people.admin = await createPerson({ name: 'Ada Admin', roles: ['ADMIN'] });
  people.treasurer = await createPerson({ name: 'Tess Treasurer', roles: ['TREASURER'] });
  people.referent = await createPerson({ name: 'Rémi Referent', referentOf: [chantierId] });
  people.otherReferent = await createPerson({ name: 'Olga Referent', referentOf: [otherChantierId] });
  people.contributor = await createPerson({ name: 'Coco Contributor' });
  for (const who of EVERYONE) tokens[who] = await bearerToken(people[who].id);
});

beforeEach(async () => {
  await db().collectiveSettings.upsert({
    where: { id: 1 },
    create: { id: 1, transparency: true },
    update: { transparency: true },
  });
});

describe('PUT /periods/{id}/plan/{chantierId} × roles', () => {
  const allowed: Record<Who, number> = {
    admin: 403,
    treasurer: 200,
    referent: 200,
    otherReferent: 403,
    contributor: 403,
  };

  it.each(EVERYONE)('as %s', async (who) => {
    const { period } = await freshPeriod();
    const response = await put(who, period.id, chantierId, {
      lines: [{ personId: people.contributor.id, plannedMinutes: 600 }],
    });
    expect(response.status).toBe(allowed[who]);
    const stored = await db().planLine.count({ where: { periodId: period.id } });
    expect(stored).toBe(allowed[who] === 200 ? 1 : 0);
  });

  it('lets a referent plan only their own chantier', async () => {
    const { period } = await freshPeriod();
    expect((await put('referent', period.id, otherChantierId, { lines: [] })).status).toBe(403);
    expect((await put('otherReferent', period.id, otherChantierId, { lines: [] })).status).toBe(200);
  });

  it('refuses every change once the period is closed, and the database refuses it too', async () => {
    const { period } = await freshPeriod();
    expect(
      (await put('treasurer', period.id, chantierId, { lines: [{ personId: null, plannedMinutes: 60 }] })).status,
    ).toBe(200);
    await setPeriodStatus(period.id, 'CLOSED');
    const response = await put('treasurer', period.id, chantierId, { lines: [] });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('PERIOD_NOT_OPEN');
    expect(await db().planLine.count({ where: { periodId: period.id } })).toBe(1);
    await expect(sql(`DELETE FROM plan_lines WHERE period_id = $1`, [period.id])).rejects.toThrow(/closed period/);
  });
});

describe('PUT /periods/{id}/plan/{chantierId}: bad input changes nothing', () => {
  it.each([
    ['negative minutes', () => ({ lines: [{ personId: null, plannedMinutes: -60 }] }), 400],
    ['fractional minutes', () => ({ lines: [{ personId: null, plannedMinutes: 1.5 }] }), 400],
    ['negative fixed cents', () => ({ lines: [{ personId: null, plannedMinutes: 0, plannedFixedCents: -1 }] }), 400],
    ['minutes as a string', () => ({ lines: [{ personId: null, plannedMinutes: '60' }] }), 400],
    ['an unknown person', () => ({ lines: [{ personId: 'nobody-here', plannedMinutes: 60 }] }), 400],
    [
      'a person twice',
      () => ({
        lines: [
          { personId: people.contributor.id, plannedMinutes: 60 },
          { personId: people.contributor.id, plannedMinutes: 30 },
        ],
      }),
      400,
    ],
    [
      'anyone twice',
      () => ({
        lines: [
          { personId: null, plannedMinutes: 60 },
          { personId: null, plannedMinutes: 30 },
        ],
      }),
      400,
    ],
    ['no lines array', () => ({}), 400],
  ])('%s', async (_label, body, status) => {
    const { period } = await freshPeriod();
    await put('treasurer', period.id, chantierId, { lines: [{ personId: null, plannedMinutes: 120 }] });
    const response = await put('treasurer', period.id, chantierId, body());
    expect(response.status).toBe(status);
    expect(response.body.error.code).toMatch(/VALIDATION|BAD_REQUEST/);
    const lines = await db().planLine.findMany({ where: { periodId: period.id } });
    expect(lines.map((line) => [line.personId, line.plannedMinutes])).toEqual([[null, 120]]);
  });

  it('answers 404 for an unknown chantier or period', async () => {
    const { period } = await freshPeriod();
    expect((await put('treasurer', period.id, 'no-such-chantier', { lines: [] })).status).toBe(404);
    expect((await put('treasurer', 'no-such-period', chantierId, { lines: [] })).status).toBe(404);
  });
});

describe('GET /periods/{id}/plan', () => {
  it('answers the plan against the realised figures, the forecast and the alert', async () => {
    const { period, year, month } = await freshPeriod();
    await put('referent', period.id, chantierId, {
      lines: [
        { personId: people.contributor.id, plannedMinutes: 40 * 60 },
        { personId: people.referent.id, plannedMinutes: 10 * 60, plannedFixedCents: 5_000 },
        { personId: null, plannedMinutes: 60 },
      ],
    });
    await seedContribution({
      periodId: period.id,
      personId: people.contributor.id,
      chantierId,
      date: `${year}-${month}-02`,
      minutes: 10 * 60,
      status: 'APPROVED',
    });
    await seedContribution({
      periodId: period.id,
      personId: people.contributor.id,
      chantierId,
      date: `${year}-${month}-03`,
      minutes: 5 * 60,
      status: 'SUBMITTED',
    });
    // A draft counts for nothing.
    await seedContribution({
      periodId: period.id,
      personId: people.contributor.id,
      chantierId,
      date: `${year}-${month}-03`,
    });

    const plan = await getPeriodPlan({ actor: people.contributor, periodId: period.id, today: `${year}-${month}-10` });
    expect(plan).toMatchObject({ periodId: period.id, asOf: `${year}-${month}-10`, elapsedDays: 10, totalDays: 30 });
    const chantier = plan.chantiers.find((entry) => entry.chantierId === chantierId);
    expect(chantier).toEqual({
      chantierId,
      envelopeCents: 100_000,
      plannedMinutes: 51 * 60,
      // 40 h × 30 € + 10 h × 40 € (the referent's own rate) + 50 € + 1 h × 30 €
      plannedCents: 120_000 + 40_000 + 5_000 + 3_000,
      submittedMinutes: 300,
      approvedMinutes: 600,
      fixedCents: 0,
      demandCents: 30_000,
      // 15 h declared × 30 € = 450 € at a pace of 10 days out of 30: 1 350 €
      forecastCents: 135_000,
      alert: 'WARN',
      lines: expect.arrayContaining([
        expect.objectContaining({ personId: people.contributor.id, submittedMinutes: 300, approvedMinutes: 600 }),
        expect.objectContaining({ personId: people.referent.id, plannedCents: 45_000 }),
        expect.objectContaining({ personId: null, plannedCents: 3_000 }),
      ]),
    });
    // "Anyone" comes last.
    expect(chantier!.lines.map((line) => line.personId)).toHaveLength(3);
    expect(chantier!.lines.at(-1)!.personId).toBeNull();
    const other = plan.chantiers.find((entry) => entry.chantierId === otherChantierId);
    expect(other).toMatchObject({ envelopeCents: null, plannedCents: 0, alert: 'NONE', lines: [] });
  });

  it('shows every role the chantiers; per-person lines only to who may see them when transparency is off', async () => {
    const { period } = await freshPeriod();
    await put('treasurer', period.id, chantierId, {
      lines: [
        { personId: people.contributor.id, plannedMinutes: 60 },
        { personId: people.treasurer.id, plannedMinutes: 60 },
        { personId: null, plannedMinutes: 60 },
      ],
    });
    await db().collectiveSettings.update({ where: { id: 1 }, data: { transparency: false } });
    const linesSeenBy = async (who: Who) => {
      const response = await callRoute(planRoute, { token: tokens[who], params: { id: period.id } });
      expect(response.status).toBe(200);
      const chantier = response.body.chantiers.find((entry: { chantierId: string }) => entry.chantierId === chantierId);
      expect(chantier.plannedMinutes).toBe(180);
      return chantier.lines.map((line: { personId: string | null }) => line.personId);
    };
    expect(await linesSeenBy('contributor')).toEqual([people.contributor.id, null]);
    expect(await linesSeenBy('otherReferent')).toEqual([null]);
    expect((await linesSeenBy('referent')).length).toBe(3);
    expect((await linesSeenBy('treasurer')).length).toBe(3);
  });

  it('answers 404 for an unknown period and 401 without a caller', async () => {
    expect((await callRoute(planRoute, { token: tokens.contributor, params: { id: 'nope' } })).status).toBe(404);
    expect((await callRoute(planRoute, { params: { id: 'nope' } })).status).toBe(401);
  });
});
