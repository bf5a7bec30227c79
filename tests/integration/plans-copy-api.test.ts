// POST /api/v1/periods/{id}/plan/copy (docs/plans.md, docs/api.md) against a real database: who may
// copy which chantiers' plan from the period before (a treasurer every chantier, a referent their
// own, others none), the answer (the copied chantiers' parts, as the OpenAPI document describes
// them), and what hostile or mistaken calls get: a clear 4xx and nothing saved.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { POST as copyRoute } from '@/app/api/v1/periods/[id]/plan/copy/route';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPeriod,
  createPerson,
  resetDatabase,
  setPeriodStatus,
} from '../support/database';

type Who = 'admin' | 'treasurer' | 'referent' | 'otherReferent' | 'contributor';
const EVERYONE: Who[] = ['admin', 'treasurer', 'referent', 'otherReferent', 'contributor'];
const people = {} as Record<Who, Actor>;
const tokens = {} as Record<Who, string>;
let chantierId: string;
let otherChantierId: string;
let year = 2060;

const copy = (who: Who | null, periodId: string, extra: { body?: unknown; rawBody?: string } = {}) =>
  callRoute(copyRoute, {
    method: 'POST',
    path: `/api/v1/periods/${encodeURIComponent(periodId)}/plan/copy`,
    token: who ? tokens[who] : undefined,
    params: { id: periodId },
    ...extra,
  });

const linesOf = (periodId: string) =>
  db().planLine.findMany({
    where: { periodId },
    select: { chantierId: true, personId: true, plannedMinutes: true, plannedFixedCents: true },
    orderBy: [{ chantierId: 'asc' }, { personId: 'asc' }],
  });

/**
 * Two periods back to back (a year of their own), the first closed with a plan on both chantiers;
 * the second open, with a line of its own on the referent's chantier that a copy replaces.
 */
async function twoPeriods() {
  year++;
  const previous = await createPeriod({
    startDate: `${year}-01-01`,
    endDate: `${year}-01-31`,
    defaultRateCents: 3_000,
  });
  const current = await createPeriod({ startDate: `${year}-02-01`, endDate: `${year}-02-28`, defaultRateCents: 3_000 });
  await db().planLine.createMany({
    data: [
      { periodId: previous.id, chantierId, personId: people.contributor.id, plannedMinutes: 600, plannedFixedCents: 0 },
      { periodId: previous.id, chantierId, personId: null, plannedMinutes: 120, plannedFixedCents: 5_000 },
      { periodId: previous.id, chantierId: otherChantierId, personId: null, plannedMinutes: 60, plannedFixedCents: 0 },
      { periodId: current.id, chantierId, personId: people.referent.id, plannedMinutes: 1, plannedFixedCents: 0 },
    ].map((line) => ({ ...line, updatedById: people.treasurer.id })),
  });
  await setPeriodStatus(previous.id, 'CLOSED');
  return { previous, current };
}

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
  await db().collectiveSettings.upsert({
    where: { id: 1 },
    create: { id: 1, transparency: true },
    update: { transparency: true },
  });
});

describe('POST /periods/{id}/plan/copy × roles', () => {
  const mine = () => [
    { chantierId, personId: people.contributor.id, plannedMinutes: 600, plannedFixedCents: 0 },
    { chantierId, personId: null, plannedMinutes: 120, plannedFixedCents: 5_000 },
  ];
  const untouchedMine = () => [{ chantierId, personId: people.referent.id, plannedMinutes: 1, plannedFixedCents: 0 }];
  const other = () => [{ chantierId: otherChantierId, personId: null, plannedMinutes: 60, plannedFixedCents: 0 }];
  const expected: Record<Who, { status: number; copied: () => string[]; lines: () => unknown[] }> = {
    admin: { status: 403, copied: () => [], lines: untouchedMine },
    treasurer: { status: 200, copied: () => [chantierId, otherChantierId], lines: () => [...mine(), ...other()] },
    referent: { status: 200, copied: () => [chantierId], lines: mine },
    otherReferent: { status: 200, copied: () => [otherChantierId], lines: () => [...untouchedMine(), ...other()] },
    contributor: { status: 403, copied: () => [], lines: untouchedMine },
  };
  const sorted = (lines: unknown[]) =>
    [...(lines as { chantierId: string; personId: string | null }[])].sort((a, b) =>
      a.chantierId === b.chantierId
        ? String(a.personId ?? '~').localeCompare(String(b.personId ?? '~'))
        : a.chantierId < b.chantierId
          ? -1
          : 1,
    );

  it.each(EVERYONE)('as %s', async (who) => {
    const { previous, current } = await twoPeriods();
    const response = await copy(who, current.id);
    expect(response.status).toBe(expected[who].status);
    expect(sorted(await linesOf(current.id))).toEqual(sorted(expected[who].lines()));
    if (response.status !== 200) {
      expect(response.body.error.code).toBe('FORBIDDEN');
      return;
    }
    expect(response.body.periodId).toBe(current.id);
    expect(response.body.fromPeriodId).toBe(previous.id);
    const parts = response.body.chantiers as { chantierId: string; plannedCents: number; plannedMinutes: number }[];
    expect(parts.map((part) => part.chantierId).sort()).toEqual([...expected[who].copied()].sort());
    // The parts are the plan's own figures: 12 h at 30 €/h + 50 € on Animation, 1 h on Services.
    const byId = new Map(parts.map((part) => [part.chantierId, part]));
    if (byId.has(chantierId))
      expect(byId.get(chantierId)).toMatchObject({ plannedMinutes: 720, plannedCents: 12 * 3_000 + 5_000 });
    if (byId.has(otherChantierId))
      expect(byId.get(otherChantierId)).toMatchObject({ plannedMinutes: 60, plannedCents: 3_000 });
  });

  it('copied twice gives the same plan (each chantier replaced whole, never added to)', async () => {
    const { current } = await twoPeriods();
    expect((await copy('treasurer', current.id)).status).toBe(200);
    const once = await linesOf(current.id);
    expect((await copy('treasurer', current.id)).status).toBe(200);
    expect(await linesOf(current.id)).toEqual(once);
  });
});

describe('POST /periods/{id}/plan/copy: refusals change nothing', () => {
  it('refuses a closed period (409 PERIOD_NOT_OPEN)', async () => {
    const { current } = await twoPeriods();
    await setPeriodStatus(current.id, 'CLOSED');
    const response = await copy('treasurer', current.id);
    expect([response.status, response.body.error.code]).toEqual([409, 'PERIOD_NOT_OPEN']);
    expect(await linesOf(current.id)).toHaveLength(1);
  });

  it('answers 409 CONFLICT when there is no period before, or nothing the caller may copy', async () => {
    // The first period of all: none ends before it.
    const lonely = await createPeriod({ startDate: '2001-06-01', endDate: '2001-06-30' });
    const response = await copy('treasurer', lonely.id);
    expect([response.status, response.body.error.code]).toEqual([409, 'CONFLICT']);

    // The period before has a plan only on Services: the referent of Animation has nothing to copy.
    year++;
    const before = await createPeriod({ startDate: `${year}-01-01`, endDate: `${year}-01-31` });
    const after = await createPeriod({ startDate: `${year}-02-01`, endDate: `${year}-02-28` });
    await db().planLine.create({
      data: {
        periodId: before.id,
        chantierId: otherChantierId,
        personId: null,
        plannedMinutes: 60,
        plannedFixedCents: 0,
        updatedById: people.treasurer.id,
      },
    });
    const refused = await copy('referent', after.id);
    expect([refused.status, refused.body.error.code]).toEqual([409, 'CONFLICT']);
    expect(await linesOf(after.id)).toEqual([]);
  });

  it('answers 401 without a caller, 404 for an unknown period, 400 for an id that cannot be one', async () => {
    const { current } = await twoPeriods();
    expect((await copy(null, current.id)).status).toBe(401);
    const unknown = await copy('treasurer', 'no-such-period');
    expect([unknown.status, unknown.body.error.code]).toEqual([404, 'NOT_FOUND']);
    const injected = await copy('treasurer', "x' OR '1'='1");
    expect(injected.status).toBe(404);
    expect((await copy('treasurer', 'x'.repeat(65))).status).toBe(400);
    expect((await copy('treasurer', '   ')).status).toBe(400);
    expect(await linesOf(current.id)).toHaveLength(1);
  });

  it('takes no body: what one sends (even a hostile one) changes neither who may copy nor what', async () => {
    const { current } = await twoPeriods();
    const posing = await copy('contributor', current.id, {
      body: { personId: people.treasurer.id, roles: ['TREASURER'], fromPeriodId: current.id },
    });
    expect(posing.status).toBe(403);
    const garbled = await copy('referent', current.id, { rawBody: '{"lines": [' });
    expect(garbled.status).toBe(200);
    expect(garbled.body.chantiers.map((part: { chantierId: string }) => part.chantierId)).toEqual([chantierId]);
    expect(await linesOf(current.id)).toHaveLength(2);
  });
});
