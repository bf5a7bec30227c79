// The period endpoints as each role meets them (admin, treasurer, referent, contributor, and
// nobody), the exact shape of GET /periods/{id}/payouts, and what transparency off hides: a
// contributor then sees only their own lines, and no one else's personal rate.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/periods/route';
import { GET as getRoute, PATCH as patchRoute } from '@/app/api/v1/periods/[id]/route';
import { POST as closeRoute } from '@/app/api/v1/periods/[id]/close/route';
import { POST as reopenRoute } from '@/app/api/v1/periods/[id]/reopen/route';
import { GET as payoutsRoute } from '@/app/api/v1/periods/[id]/payouts/route';
import { closePeriod } from '@/lib/periods/payouts';
import { createPeriod, updatePeriod } from '@/lib/periods/periods';
import { reopenPeriod } from '@/lib/periods/reopen-period';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPerson,
  rejectionOf,
  resetDatabase,
  seedContribution,
} from '../support/database';

type Who = 'admin' | 'treasurer' | 'referent' | 'contributor';
const EVERYONE: Who[] = ['admin', 'treasurer', 'referent', 'contributor'];

const people = {} as Record<Who, Actor>;
const tokens = {} as Record<Who, string>;
let chantierId: string;
let periodCounter = 0;

/** A fresh open period of its own month (far in the future), with approved work by two people. */
async function freshPeriod() {
  periodCounter++;
  const year = 2040 + Math.floor(periodCounter / 12);
  const month = String((periodCounter % 12) + 1).padStart(2, '0');
  const period = await createPeriod({
    actor: people.treasurer,
    input: {
      name: `Période ${periodCounter}`,
      startDate: `${year}-${month}-01`,
      endDate: `${year}-${month}-28`,
      defaultRateCents: 3000,
      capMinutes: null,
      overflowPolicy: 'PRORATA',
      envelopes: [{ chantierId, amountCents: 100_000 }],
      rates: [{ personId: people.referent.id, rateCents: 4200 }],
    },
  });
  await seedContribution({
    periodId: period.id,
    date: `${year}-${month}-10`,
    personId: people.contributor.id,
    chantierId,
    minutes: 120,
    status: 'APPROVED',
  });
  await seedContribution({
    periodId: period.id,
    date: `${year}-${month}-11`,
    personId: people.referent.id,
    chantierId,
    minutes: 60,
    status: 'APPROVED',
  });
  return period;
}

async function setTransparency(transparency: boolean) {
  await db().collectiveSettings.upsert({ where: { id: 1 }, create: { id: 1, transparency }, update: { transparency } });
}

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Chantier des périodes' })).id;
  people.admin = await createPerson({ name: 'Ada Admin', roles: ['ADMIN'] });
  people.treasurer = await createPerson({ name: 'Tess Treasurer', roles: ['TREASURER'] });
  people.referent = await createPerson({ name: 'Rémi Referent', referentOf: [chantierId] });
  people.contributor = await createPerson({ name: 'Coco Contributor' });
  for (const who of EVERYONE) tokens[who] = await bearerToken(people[who].id);
});

beforeEach(() => setTransparency(true));

describe('period endpoints × roles', () => {
  const only = (allowed: Who[], success: number) => (who: Who) => (allowed.includes(who) ? success : 403);
  const expected = {
    list: () => 200,
    get: () => 200,
    payouts: () => 200,
    create: only(['treasurer'], 201),
    patch: only(['treasurer'], 200),
    close: only(['treasurer'], 200),
    reopen: only(['admin'], 200),
  };

  it.each(EVERYONE)('GET /periods, GET /periods/{id}, GET /periods/{id}/payouts as %s', async (who) => {
    const period = await freshPeriod();
    expect((await callRoute(listRoute, { token: tokens[who] })).status).toBe(expected.list());
    expect((await callRoute(getRoute, { token: tokens[who], params: { id: period.id } })).status).toBe(expected.get());
    expect((await callRoute(payoutsRoute, { token: tokens[who], params: { id: period.id } })).status).toBe(
      expected.payouts(),
    );
  });

  it.each(EVERYONE)('POST /periods as %s', async (who) => {
    const response = await callRoute(createRoute, {
      method: 'POST',
      token: tokens[who],
      body: {
        name: `Par ${who}`,
        startDate: `2050-0${EVERYONE.indexOf(who) + 1}-01`,
        endDate: `2050-0${EVERYONE.indexOf(who) + 1}-20`,
        defaultRateCents: 2000,
      },
    });
    expect(response.status).toBe(expected.create(who));
    if (response.status === 403) expect(response.body.error.code).toBe('FORBIDDEN');
    else
      expect(response.body).toMatchObject({
        status: 'OPEN',
        capMinutes: null,
        overflowPolicy: 'PRORATA',
        envelopes: [],
        rates: [],
      });
  });

  it.each(EVERYONE)('PATCH /periods/{id} as %s', async (who) => {
    const period = await freshPeriod();
    const response = await callRoute(patchRoute, {
      method: 'PATCH',
      token: tokens[who],
      params: { id: period.id },
      body: { name: 'Renommée' },
    });
    expect(response.status).toBe(expected.patch(who));
    expect((await db().fundingPeriod.findUniqueOrThrow({ where: { id: period.id } })).name).toBe(
      response.status === 200 ? 'Renommée' : period.name,
    );
  });

  it.each(EVERYONE)('POST /periods/{id}/close as %s', async (who) => {
    const period = await freshPeriod();
    const response = await callRoute(closeRoute, { method: 'POST', token: tokens[who], params: { id: period.id } });
    expect(response.status).toBe(expected.close(who));
    expect(await db().payoutRun.count({ where: { periodId: period.id } })).toBe(response.status === 200 ? 1 : 0);
  });

  it.each(EVERYONE)('POST /periods/{id}/reopen as %s', async (who) => {
    const period = await freshPeriod();
    await closePeriod({ actor: people.treasurer, periodId: period.id });
    const response = await callRoute(reopenRoute, {
      method: 'POST',
      token: tokens[who],
      params: { id: period.id },
      body: { reason: 'Correction' },
    });
    expect(response.status).toBe(expected.reopen(who));
    expect((await db().fundingPeriod.findUniqueOrThrow({ where: { id: period.id } })).status).toBe(
      response.status === 200 ? 'OPEN' : 'CLOSED',
    );
  });

  it('nobody signed in gets 401 everywhere', async () => {
    const period = await freshPeriod();
    const params = { id: period.id };
    const calls = [
      callRoute(listRoute),
      callRoute(createRoute, { method: 'POST', body: {} }),
      callRoute(getRoute, { params }),
      callRoute(patchRoute, { method: 'PATCH', params, body: {} }),
      callRoute(closeRoute, { method: 'POST', params }),
      callRoute(reopenRoute, { method: 'POST', params, body: { reason: 'x' } }),
      callRoute(payoutsRoute, { params }),
      callRoute(payoutsRoute, { params, token: 'not-a-token' }),
    ];
    for (const response of await Promise.all(calls)) expect(response.status).toBe(401);
  });

  it('a refused caller learns nothing from the body: 403 comes before validation', async () => {
    const response = await callRoute(createRoute, {
      method: 'POST',
      token: tokens.contributor,
      body: { startDate: 'garbage' },
    });
    expect(response.status).toBe(403);
  });

  it('a reopen of an open period, a close of a closed one: 409', async () => {
    const period = await freshPeriod();
    const reopen = await callRoute(reopenRoute, {
      method: 'POST',
      token: tokens.admin,
      params: { id: period.id },
      body: { reason: 'Pourquoi pas' },
    });
    expect(reopen.status).toBe(409);
    await closePeriod({ actor: people.treasurer, periodId: period.id });
    const close = await callRoute(closeRoute, { method: 'POST', token: tokens.treasurer, params: { id: period.id } });
    expect(close.status).toBe(409);
    expect(close.body.error.code).toBe('PERIOD_NOT_OPEN');
  });
});

describe('the domain functions check permission themselves, whatever the way in', () => {
  it.each(EVERYONE)('as %s', async (who) => {
    const period = await freshPeriod();
    const actor = people[who];
    const outcome = (promise: Promise<unknown>) =>
      promise.then(
        () => 'OK',
        (error) => error.code as string,
      );
    const input = {
      name: `Domaine ${who}`,
      startDate: '2060-01-01',
      endDate: '2060-01-02',
      defaultRateCents: 1,
      capMinutes: null,
      overflowPolicy: 'PRORATA' as const,
      envelopes: [],
      rates: [],
    };
    expect(
      await outcome(
        createPeriod({
          actor,
          input: {
            ...input,
            startDate: `206${EVERYONE.indexOf(who)}-01-01`,
            endDate: `206${EVERYONE.indexOf(who)}-01-02`,
          },
        }),
      ),
    ).toBe(who === 'treasurer' ? 'OK' : 'FORBIDDEN');
    expect(await outcome(updatePeriod({ actor, periodId: period.id, input: { name: 'x' } }))).toBe(
      who === 'treasurer' ? 'OK' : 'FORBIDDEN',
    );
    expect(await outcome(closePeriod({ actor, periodId: period.id }))).toBe(who === 'treasurer' ? 'OK' : 'FORBIDDEN');
    if (who !== 'treasurer') await closePeriod({ actor: people.treasurer, periodId: period.id });
    expect(await outcome(reopenPeriod({ actor, periodId: period.id, reason: 'Parce que' }))).toBe(
      who === 'admin' ? 'OK' : 'FORBIDDEN',
    );
    expect((await rejectionOf(reopenPeriod({ actor: people.admin, periodId: 'nope', reason: 'x' }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('GET /periods/{id}/payouts', () => {
  const CONTRACT_LINE_KEYS = [
    'personId',
    'chantierId',
    'rateCents',
    'rateSource',
    'approvedMinutes',
    'volunteerMinutes',
    'cappedMinutes',
    'amountCents',
    'unpaidValueCents',
    'volunteerValueCents',
  ];

  it('answers the contract: periodId, status, frozen, lines, people, totals', async () => {
    const period = await freshPeriod();
    const { status, body } = await callRoute(payoutsRoute, { token: tokens.contributor, params: { id: period.id } });
    expect(status).toBe(200);
    expect(Object.keys(body)).toEqual(
      expect.arrayContaining(['periodId', 'status', 'frozen', 'lines', 'people', 'totals']),
    );
    expect(body).toMatchObject({ periodId: period.id, status: 'OPEN', frozen: false });
    for (const line of body.lines) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(CONTRACT_LINE_KEYS));
      for (const key of CONTRACT_LINE_KEYS.filter((name) => name.endsWith('Cents') || name.endsWith('Minutes')))
        expect(Number.isInteger(line[key]), key).toBe(true);
    }
    // 2 h × 30 € = 60 €; 1 h × 42 € (the referent's own rate) = 42 €; the envelope does not bind.
    expect(
      body.lines.map((line: Record<string, unknown>) => [line.personId, line.rateSource, line.amountCents]).sort(),
    ).toEqual(
      [
        [people.contributor.id, 'DEFAULT', 6000],
        [people.referent.id, 'PERSON', 4200],
      ].sort(),
    );
    expect(body.people).toEqual(
      expect.arrayContaining([
        { personId: people.contributor.id, amountCents: 6000 },
        { personId: people.referent.id, amountCents: 4200 },
      ]),
    );
    expect(body.totals).toEqual({
      amountCents: 10_200,
      unpaidValueCents: 0,
      volunteerValueCents: 0,
      // Without claims, everything is hours (docs/pricing.md, step 0).
      hoursAmountCents: 10_200,
      expensesCents: 0,
      fixedFeesCents: 0,
      inKindValueCents: 0,
    });

    await closePeriod({ actor: people.treasurer, periodId: period.id });
    const frozen = (await callRoute(payoutsRoute, { token: tokens.contributor, params: { id: period.id } })).body;
    expect(frozen).toMatchObject({ periodId: period.id, status: 'CLOSED', frozen: true });
    expect(frozen.lines.map((line: Record<string, unknown>) => CONTRACT_LINE_KEYS.map((key) => line[key]))).toEqual(
      body.lines.map((line: Record<string, unknown>) => CONTRACT_LINE_KEYS.map((key) => line[key])),
    );
    expect(frozen.totals).toEqual(body.totals);
  });

  it('with transparency off, a contributor sees only their own lines; a treasurer sees all', async () => {
    const period = await freshPeriod();
    await setTransparency(false);
    const read = async (who: Who) =>
      (await callRoute(payoutsRoute, { token: tokens[who], params: { id: period.id } })).body;

    const mine = await read('contributor');
    expect(mine.scope).toBe('OWN');
    expect(mine.lines.map((line: { personId: string }) => line.personId)).toEqual([people.contributor.id]);
    expect(mine.people).toEqual([{ personId: people.contributor.id, amountCents: 6000 }]);
    expect(mine.totals).toEqual({
      amountCents: 6000,
      unpaidValueCents: 0,
      volunteerValueCents: 0,
      hoursAmountCents: 6000,
      expensesCents: 0,
      fixedFeesCents: 0,
      inKindValueCents: 0,
    });
    expect(mine.chantiers).toEqual([]);

    // Admins and referents are not treasurers: their own lines too (the admin has none).
    expect((await read('admin')).lines).toEqual([]);
    expect((await read('referent')).lines.map((line: { personId: string }) => line.personId)).toEqual([
      people.referent.id,
    ]);
    const all = await read('treasurer');
    expect(all.scope).toBe('ALL');
    expect(all.lines).toHaveLength(2);

    // The referent's personal rate is theirs: hidden from the contributor, shown to the treasurer.
    const asContributor = (await callRoute(getRoute, { token: tokens.contributor, params: { id: period.id } })).body;
    expect(asContributor.rates).toEqual([]);
    const asReferent = (await callRoute(getRoute, { token: tokens.referent, params: { id: period.id } })).body;
    expect(asReferent.rates).toEqual([{ personId: people.referent.id, chantierId: null, rateCents: 4200 }]);

    await setTransparency(true);
    expect((await read('contributor')).lines).toHaveLength(2);
  });

  it('the frozen lines stay hidden too once closed, transparency off', async () => {
    const period = await freshPeriod();
    await closePeriod({ actor: people.treasurer, periodId: period.id });
    await setTransparency(false);
    const mine = (await callRoute(payoutsRoute, { token: tokens.contributor, params: { id: period.id } })).body;
    expect(mine).toMatchObject({ frozen: true, scope: 'OWN' });
    expect(mine.lines.map((line: { personId: string }) => line.personId)).toEqual([people.contributor.id]);
  });
});

describe('GET /periods paginates', () => {
  it('newest first, with a cursor', async () => {
    const all = [];
    let cursor: string | undefined;
    do {
      const response = await callRoute(listRoute, {
        token: tokens.contributor,
        path: `/api/v1/periods?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      });
      expect(response.status).toBe(200);
      expect(response.body.items.length).toBeLessThanOrEqual(2);
      all.push(...response.body.items);
      cursor = response.body.nextCursor ?? undefined;
    } while (cursor);
    const total = await db().fundingPeriod.count();
    expect(all).toHaveLength(total);
    const starts = all.map((period: { startDate: string }) => period.startDate);
    expect(starts).toEqual([...starts].sort().reverse());
    expect(
      (await callRoute(listRoute, { token: tokens.contributor, path: '/api/v1/periods?cursor=garbage' })).status,
    ).toBe(400);
    expect((await callRoute(listRoute, { token: tokens.contributor, path: '/api/v1/periods?limit=0' })).status).toBe(
      400,
    );
  });
});
