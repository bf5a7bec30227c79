// A funding period's life through the API, against a real PostgreSQL: created by the treasurer,
// previewed, refused a close while a contribution waits, closed (the run frozen), reopened by an
// admin (the run superseded, never deleted), closed again — every amount checked against cents
// computed by hand. Then: a frozen run ignores rate changes elsewhere, two closes at once freeze
// one run, and bad input is refused with the field named.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadActor } from '@/lib/auth/load-actor';
import type { Actor, Role } from '@/lib/auth/permissions';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/periods/route';
import { GET as getRoute, PATCH as patchRoute } from '@/app/api/v1/periods/[id]/route';
import { POST as closeRoute } from '@/app/api/v1/periods/[id]/close/route';
import { POST as reopenRoute } from '@/app/api/v1/periods/[id]/reopen/route';
import { GET as payoutsRoute } from '@/app/api/v1/periods/[id]/payouts/route';
import { closePeriod } from '@/lib/periods/payouts';
import { createPeriod, updatePeriod } from '@/lib/periods/periods';
import {
  bearerToken,
  callRoute,
  createChantier,
  rejectionOf,
  resetDatabase,
  seedContribution,
  sqlError,
} from '../support/database';

/** People with chosen ids, so the largest-remainder tie-break (lower id first) is known by hand. */
async function personWithId(id: string, name: string, roles: Role[] = []): Promise<Actor> {
  await db().person.create({ data: { id, email: `${id}@periods.test`, name, roles: [...roles, 'CONTRIBUTOR'] } });
  return (await loadActor(id, 'token'))!;
}

const approve = (id: string) =>
  db().contribution.update({ where: { id }, data: { status: 'APPROVED', reviewedAt: new Date() } });

/** The contract's fields of a line, for compact expectations. */
const summary = (line: Record<string, unknown>) => ({
  personId: line.personId,
  chantierId: line.chantierId,
  rateCents: line.rateCents,
  rateSource: line.rateSource,
  approvedMinutes: line.approvedMinutes,
  volunteerMinutes: line.volunteerMinutes,
  cappedMinutes: line.cappedMinutes,
  amountCents: line.amountCents,
  unpaidValueCents: line.unpaidValueCents,
  volunteerValueCents: line.volunteerValueCents,
});

let treasurer: Actor;
let admin: Actor;
let alice: Actor;
let bob: Actor;
let chloe: Actor;
let tokens: { treasurer: string; admin: string };
let c1: string;
let c2: string;

beforeAll(async () => {
  await resetDatabase();
  treasurer = await personWithId('p0-treasurer', 'Tess Trésorière', ['TREASURER']);
  admin = await personWithId('p0-admin', 'Ada Admin', ['ADMIN']);
  alice = await personWithId('p1-alice', 'Alice');
  bob = await personWithId('p2-bob', 'Bob');
  chloe = await personWithId('p3-chloe', 'Chloé');
  tokens = { treasurer: await bearerToken(treasurer.id), admin: await bearerToken(admin.id) };
  c1 = (await createChantier({ name: 'Chantier 1' })).id;
  c2 = (await createChantier({ name: 'Chantier 2' })).id;
});

/** The claim parts of totals without claims: everything is hours. */
const NO_CLAIMS = (hoursAmountCents: number) => ({
  hoursAmountCents,
  expensesCents: 0,
  fixedFeesCents: 0,
  inKindValueCents: 0,
});
/** A chantier's claim figures without claims. */
const NO_FIXED = (envelopeCents: number | null, demandCents: number) => ({
  fixedCents: 0,
  expensesCents: 0,
  fixedFeesCents: 0,
  inKindValueCents: 0,
  hoursEnvelopeCents: envelopeCents,
  overdrawn: false,
  totalDemandCents: demandCents,
});

describe('a period from creation to close, reopen and close again', () => {
  let periodId: string;
  let firstRunId: string;
  let pendingId: string;

  const payouts = async (query = '') => {
    const response = await callRoute(payoutsRoute, {
      token: tokens.treasurer,
      params: { id: periodId },
      path: `/api/v1/periods/${periodId}/payouts${query}`,
    });
    expect(response.status).toBe(200);
    return response.body;
  };
  const lineOf = (body: { lines: Record<string, unknown>[] }, personId: string, chantierId: string) =>
    summary(body.lines.find((line) => line.personId === personId && line.chantierId === chantierId)!);

  it('is created by the treasurer with its envelope and rate overrides', async () => {
    const response = await callRoute(createRoute, {
      method: 'POST',
      token: tokens.treasurer,
      body: {
        name: 'Premier semestre 2031',
        startDate: '2031-01-01',
        endDate: '2031-06-30',
        defaultRateCents: 3000,
        capMinutes: null,
        overflowPolicy: 'PRORATA',
        envelopes: [{ chantierId: c1, amountCents: 100_000 }],
        rates: [
          { personId: bob.id, rateCents: 4000 },
          { chantierId: c2, rateCents: 3500 },
        ],
      },
    });
    expect(response.status).toBe(201);
    periodId = response.body.id;
    expect(response.body).toMatchObject({
      name: 'Premier semestre 2031',
      status: 'OPEN',
      startDate: '2031-01-01',
      endDate: '2031-06-30',
      defaultRateCents: 3000,
      capMinutes: null,
      overflowPolicy: 'PRORATA',
      envelopes: [{ chantierId: c1, amountCents: 100_000 }],
      version: 1,
    });
    expect(response.body.rates).toHaveLength(2);
    expect(response.body.rates).toEqual(
      expect.arrayContaining([
        { personId: bob.id, chantierId: null, rateCents: 4000 },
        { personId: null, chantierId: c2, rateCents: 3500 },
      ]),
    );
    const listed = await callRoute(listRoute, { token: tokens.treasurer });
    expect(listed.body.items.map((item: { id: string }) => item.id)).toEqual([periodId]);
  });

  it('previews the worked example of docs/pricing.md, to the cent, while open', async () => {
    const at = (day: string) => ({ periodId, date: `2031-02-${day}` });
    await seedContribution({ ...at('01'), personId: alice.id, chantierId: c1, minutes: 1200, status: 'APPROVED' });
    await seedContribution({ ...at('02'), personId: bob.id, chantierId: c1, minutes: 900, status: 'APPROVED' });
    await seedContribution({ ...at('03'), personId: chloe.id, chantierId: c1, minutes: 300, status: 'APPROVED' });
    await seedContribution({ ...at('04'), personId: chloe.id, chantierId: c2, minutes: 90, status: 'APPROVED' });
    await seedContribution({
      ...at('05'),
      personId: alice.id,
      chantierId: c2,
      minutes: 120,
      status: 'APPROVED',
      volunteer: true,
    });
    pendingId = (
      await seedContribution({ ...at('06'), personId: bob.id, chantierId: c1, minutes: 60, status: 'SUBMITTED' })
    ).id;
    await seedContribution({ ...at('07'), personId: chloe.id, chantierId: c1, minutes: 600, status: 'DRAFT' });
    await seedContribution({ ...at('08'), personId: chloe.id, chantierId: c1, minutes: 600, status: 'REJECTED' });

    const body = await payouts();
    expect(body).toMatchObject({ periodId, status: 'OPEN', frozen: false, runId: null });
    // Demand of chantier 1: 600 + 600 + 150 = 1 350 € for 1 000 €: × 20/27. Alice and Bob tie on
    // 0.444… of a cent; the leftover cent goes to the lower id, Alice's.
    expect(lineOf(body, alice.id, c1)).toEqual({
      personId: alice.id,
      chantierId: c1,
      rateCents: 3000,
      rateSource: 'DEFAULT',
      approvedMinutes: 1200,
      volunteerMinutes: 0,
      cappedMinutes: 0,
      amountCents: 44445,
      unpaidValueCents: 15555,
      volunteerValueCents: 0,
    });
    expect(lineOf(body, bob.id, c1)).toEqual({
      personId: bob.id,
      chantierId: c1,
      rateCents: 4000,
      rateSource: 'PERSON',
      approvedMinutes: 900,
      volunteerMinutes: 0,
      cappedMinutes: 0,
      amountCents: 44444,
      unpaidValueCents: 15556,
      volunteerValueCents: 0,
    });
    expect(lineOf(body, chloe.id, c1)).toMatchObject({
      rateCents: 3000,
      approvedMinutes: 300,
      amountCents: 11111,
      unpaidValueCents: 3889,
    });
    // Chantier 2 has no envelope and its own rate: 1 h 30 × 35 € = 52.50 €; Alice's 2 h are volunteer.
    expect(lineOf(body, chloe.id, c2)).toMatchObject({
      rateCents: 3500,
      rateSource: 'CHANTIER',
      approvedMinutes: 90,
      amountCents: 5250,
      unpaidValueCents: 0,
    });
    expect(lineOf(body, alice.id, c2)).toMatchObject({
      rateCents: 3500,
      approvedMinutes: 0,
      volunteerMinutes: 120,
      amountCents: 0,
      unpaidValueCents: 0,
      volunteerValueCents: 7000,
    });
    expect(body.people).toEqual([
      { personId: alice.id, amountCents: 44445 },
      { personId: bob.id, amountCents: 44444 },
      { personId: chloe.id, amountCents: 16361 },
    ]);
    // Without claims, the claim parts are the hours alone (docs/pricing.md, step 0).
    expect(body.totals).toEqual({
      amountCents: 105_250,
      unpaidValueCents: 35_000,
      volunteerValueCents: 7000,
      ...NO_CLAIMS(105_250),
    });
    expect(body.chantiers).toEqual(
      expect.arrayContaining([
        {
          chantierId: c1,
          envelopeCents: 100_000,
          demandCents: 135_000,
          paidCents: 100_000,
          bound: true,
          ...NO_FIXED(100_000, 135_000),
        },
      ]),
    );
  });

  it('refuses to close while a contribution waits, and lists it (drafts and rejected ones aside)', async () => {
    const response = await callRoute(closeRoute, { method: 'POST', token: tokens.treasurer, params: { id: periodId } });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('PENDING_CONTRIBUTIONS');
    expect(response.body.error.details.pending).toEqual([
      {
        id: pendingId,
        personId: bob.id,
        personName: 'Bob',
        chantierId: c1,
        chantierName: 'Chantier 1',
        date: '2031-02-06',
        minutes: 60,
        status: 'SUBMITTED',
      },
    ]);
    expect(await db().payoutRun.count({ where: { periodId } })).toBe(0);
    expect((await db().fundingPeriod.findUniqueOrThrow({ where: { id: periodId } })).status).toBe('OPEN');
  });

  it('closes once the contribution is approved, freezing the recomputed run', async () => {
    await approve(pendingId);
    const response = await callRoute(closeRoute, { method: 'POST', token: tokens.treasurer, params: { id: periodId } });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'CLOSED', runId: expect.any(String) });
    firstRunId = response.body.runId;

    // Bob now has 16 h at 40 €: demand 600 + 640 + 150 = 1 390 € → × 100/139. Exact cents: Alice
    // 43 165.47, Bob 46 043.17, Chloé 10 791.37 → floors add to 999.99 €; the cent goes to Alice.
    const body = await payouts();
    expect(body).toMatchObject({ periodId, status: 'CLOSED', frozen: true, runId: firstRunId, runStatus: 'CURRENT' });
    expect(lineOf(body, alice.id, c1)).toMatchObject({ amountCents: 43166, unpaidValueCents: 16834 });
    expect(lineOf(body, bob.id, c1)).toMatchObject({
      approvedMinutes: 960,
      amountCents: 46043,
      unpaidValueCents: 17957,
    });
    expect(lineOf(body, chloe.id, c1)).toMatchObject({ amountCents: 10791, unpaidValueCents: 4209 });
    expect(body.totals).toEqual({
      amountCents: 105_250,
      unpaidValueCents: 39_000,
      volunteerValueCents: 7000,
      ...NO_CLAIMS(105_250),
    });
    // Envelope use, read back from the frozen lines and inputs.
    expect(body.chantiers).toEqual(
      [
        {
          chantierId: c1,
          envelopeCents: 100_000,
          demandCents: 139_000,
          paidCents: 100_000,
          bound: true,
          ...NO_FIXED(100_000, 139_000),
        },
        {
          chantierId: c2,
          envelopeCents: null,
          demandCents: 5250,
          paidCents: 5250,
          bound: false,
          ...NO_FIXED(null, 5250),
        },
      ].sort((a, b) => (a.chantierId < b.chantierId ? -1 : 1)),
    );
    expect(
      body.lines.find(
        (line: { personId: string; chantierId: string }) => line.personId === alice.id && line.chantierId === c1,
      ).explanation.scalingFactor,
    ).toEqual({ numerator: '100', denominator: '139', decimal: '0.7194' });

    const run = await db().payoutRun.findUniqueOrThrow({ where: { id: firstRunId }, include: { lines: true } });
    expect(run.totalAmountCents).toBe(105_250);
    expect(run.lines).toHaveLength(5);
    expect((run.inputs as { contributions: unknown[] }).contributions).toHaveLength(6);
  });

  it('accepts no change once closed: not the period, not its contributions, by no path', async () => {
    const patch = await callRoute(patchRoute, {
      method: 'PATCH',
      token: tokens.treasurer,
      params: { id: periodId },
      body: { defaultRateCents: 5000 },
    });
    expect(patch.status).toBe(409);
    expect(patch.body.error.code).toBe('PERIOD_NOT_OPEN');
    const again = await callRoute(closeRoute, { method: 'POST', token: tokens.treasurer, params: { id: periodId } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe('PERIOD_NOT_OPEN');
    const direct = await sqlError(`UPDATE contributions SET minutes = 1 WHERE id = $1`, [pendingId]);
    expect(direct.message).toMatch(/period_closed/);
    const frozenLine = await sqlError(`UPDATE payout_lines SET amount_cents = 0 WHERE run_id = $1`, [firstRunId]);
    expect(frozenLine.message).toMatch(/append-only/);
  });

  it('is reopened by an admin with a reason; the run is kept as superseded', async () => {
    const noReason = await callRoute(reopenRoute, {
      method: 'POST',
      token: tokens.admin,
      params: { id: periodId },
      body: { reason: '   ' },
    });
    expect(noReason.status).toBe(400);
    expect(noReason.body.error.fields).toHaveProperty('reason');

    const response = await callRoute(reopenRoute, {
      method: 'POST',
      token: tokens.admin,
      params: { id: periodId },
      body: { reason: 'Heures de Chloé oubliées' },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'OPEN', supersededRunId: firstRunId });
    const run = await db().payoutRun.findUniqueOrThrow({ where: { id: firstRunId }, include: { lines: true } });
    expect(run.status).toBe('SUPERSEDED');
    expect(run.supersededReason).toBe('Heures de Chloé oubliées');
    expect(run.supersededAt).toBeInstanceOf(Date);
    expect(run.lines).toHaveLength(5);
    const body = await payouts();
    expect(body).toMatchObject({ status: 'OPEN', frozen: false, runId: null });
    const audit = await db().auditLog.findFirst({ where: { action: 'period.reopened', entityId: periodId } });
    expect(audit?.data).toMatchObject({ reason: 'Heures de Chloé oubliées', supersededRunId: firstRunId });
  });

  it('closes again after more approved work and a bigger envelope; both runs stay readable', async () => {
    await seedContribution({
      periodId,
      date: '2031-03-01',
      personId: chloe.id,
      chantierId: c1,
      minutes: 300,
      status: 'APPROVED',
    });
    const current = (await callRoute(getRoute, { token: tokens.treasurer, params: { id: periodId } })).body;
    const patch = await callRoute(patchRoute, {
      method: 'PATCH',
      token: tokens.treasurer,
      params: { id: periodId },
      body: { version: current.version, envelopes: [{ chantierId: c1, amountCents: 120_000 }] },
    });
    expect(patch.status).toBe(200);
    expect(patch.body.envelopes).toEqual([{ chantierId: c1, amountCents: 120_000 }]);
    expect(patch.body.rates).toHaveLength(2); // left out of the patch: kept
    expect(patch.body.version).toBe(current.version + 1);

    const closed = await callRoute(closeRoute, { method: 'POST', token: tokens.treasurer, params: { id: periodId } });
    expect(closed.status).toBe(200);
    const secondRunId = closed.body.runId;
    expect(secondRunId).not.toBe(firstRunId);

    // Demand 600 + 640 + 300 = 1 540 € for 1 200 € → × 60/77. Exact: Alice 46 753.25, Bob
    // 49 870.13, Chloé 23 376.62 → floors 1 199.99 €; the cent goes to Chloé's 0.62.
    const body = await payouts();
    expect(body).toMatchObject({ frozen: true, runId: secondRunId, runStatus: 'CURRENT' });
    expect(lineOf(body, alice.id, c1)).toMatchObject({ amountCents: 46753, unpaidValueCents: 13247 });
    expect(lineOf(body, bob.id, c1)).toMatchObject({ amountCents: 49870, unpaidValueCents: 14130 });
    expect(lineOf(body, chloe.id, c1)).toMatchObject({
      approvedMinutes: 600,
      amountCents: 23377,
      unpaidValueCents: 6623,
    });
    expect(body.totals.amountCents).toBe(120_000 + 5250);

    const old = await payouts(`?runId=${firstRunId}`);
    expect(old).toMatchObject({ frozen: true, runId: firstRunId, runStatus: 'SUPERSEDED' });
    expect(lineOf(old, alice.id, c1)).toMatchObject({ amountCents: 43166 });

    const detail = (await callRoute(getRoute, { token: tokens.treasurer, params: { id: periodId } })).body;
    expect(detail.status).toBe('CLOSED');
    expect(detail.runs.map((run: { id: string; status: string }) => [run.id, run.status])).toEqual([
      [secondRunId, 'CURRENT'],
      [firstRunId, 'SUPERSEDED'],
    ]);
    expect(detail.runs[1]).toMatchObject({ totalAmountCents: 105_250, supersededReason: 'Heures de Chloé oubliées' });
  });
});

describe('a frozen run', () => {
  it('is unchanged when rates change in another period', async () => {
    const closed = await createPeriod({
      actor: treasurer,
      input: {
        name: 'Été 2032',
        startDate: '2032-07-01',
        endDate: '2032-07-31',
        defaultRateCents: 2500,
        capMinutes: null,
        overflowPolicy: 'PRORATA',
        envelopes: [],
        rates: [{ personId: alice.id, rateCents: 3300 }],
      },
    });
    const open = await createPeriod({
      actor: treasurer,
      input: {
        name: 'Automne 2032',
        startDate: '2032-09-01',
        endDate: '2032-09-30',
        defaultRateCents: 2500,
        capMinutes: null,
        overflowPolicy: 'PRORATA',
        envelopes: [],
        rates: [{ personId: alice.id, rateCents: 3300 }],
      },
    });
    await seedContribution({
      periodId: closed.id,
      date: '2032-07-10',
      personId: alice.id,
      chantierId: c1,
      minutes: 100,
      status: 'APPROVED',
    });
    await seedContribution({
      periodId: open.id,
      date: '2032-09-10',
      personId: alice.id,
      chantierId: c1,
      minutes: 100,
      status: 'APPROVED',
    });
    await closePeriod({ actor: treasurer, periodId: closed.id });
    const read = async (id: string) =>
      (await callRoute(payoutsRoute, { token: tokens.treasurer, params: { id } })).body;
    const before = await read(closed.id);
    // 100 min × 33 €/h = 55 €.
    expect(before.lines.map(summary)).toEqual([
      {
        personId: alice.id,
        chantierId: c1,
        rateCents: 3300,
        rateSource: 'PERSON',
        approvedMinutes: 100,
        volunteerMinutes: 0,
        cappedMinutes: 0,
        amountCents: 5500,
        unpaidValueCents: 0,
        volunteerValueCents: 0,
      },
    ]);

    await updatePeriod({
      actor: treasurer,
      periodId: open.id,
      input: { defaultRateCents: 9000, rates: [{ personId: alice.id, rateCents: 6000 }] },
    });
    expect((await read(open.id)).lines[0]).toMatchObject({ rateCents: 6000, amountCents: 10_000 });
    expect(await read(closed.id)).toEqual(before);
  });
});

describe('two closes at once', () => {
  it('freeze exactly one run', async () => {
    const period = await createPeriod({
      actor: treasurer,
      input: {
        name: 'Course 2033',
        startDate: '2033-01-01',
        endDate: '2033-01-31',
        defaultRateCents: 2000,
        capMinutes: null,
        overflowPolicy: 'FIRST_COME',
        envelopes: [{ chantierId: c1, amountCents: 1000 }],
        rates: [],
      },
    });
    for (const person of [alice, bob, chloe])
      await seedContribution({
        periodId: period.id,
        date: '2033-01-15',
        personId: person.id,
        chantierId: c1,
        minutes: 45,
        status: 'APPROVED',
      });
    const results = await Promise.allSettled([
      closePeriod({ actor: treasurer, periodId: period.id }),
      closePeriod({ actor: treasurer, periodId: period.id }),
    ]);
    const fulfilled = results.filter((result) => result.status === 'fulfilled');
    const rejected = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(1);
    expect(rejected[0].reason.code).toBe('PERIOD_NOT_OPEN');
    const runs = await db().payoutRun.findMany({ where: { periodId: period.id }, include: { lines: true } });
    expect(runs).toHaveLength(1);
    // FIRST_COME, 10 € for three 15 € lines of the same day: funded in creation order.
    expect(runs[0].totalAmountCents).toBe(1000);
    expect(runs[0].lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(1000);
  });
});

describe('what the API refuses, naming the field', () => {
  const valid = () => ({
    name: 'Valide',
    startDate: '2034-01-01',
    endDate: '2034-03-31',
    defaultRateCents: 3000,
    envelopes: [{ chantierId: c1, amountCents: 5000 }],
    rates: [{ personId: alice.id, rateCents: 3100 }],
  });
  const post = (body: unknown) => callRoute(createRoute, { method: 'POST', token: tokens.treasurer, body });

  it.each([
    ['an end before the start', { endDate: '2033-12-31' }, 'endDate'],
    ['a negative default rate', { defaultRateCents: -1 }, 'defaultRateCents'],
    ['a negative envelope', { envelopes: [{ chantierId: 'x', amountCents: -500 }] }, 'envelopes.0.amountCents'],
    ['a negative rate', { rates: [{ chantierId: 'x', rateCents: -1 }] }, 'rates.0.rateCents'],
    ['a rate for nobody', { rates: [{ rateCents: 100 }] }, 'rates.0.personId'],
    [
      'two envelopes for a chantier',
      {
        envelopes: [
          { chantierId: 'x', amountCents: 1 },
          { chantierId: 'x', amountCents: 2 },
        ],
      },
      'envelopes.1.chantierId',
    ],
    ['a date that does not exist', { startDate: '2034-02-30' }, 'startDate'],
    ['a negative cap', { capMinutes: -60 }, 'capMinutes'],
    ['a fractional rate', { defaultRateCents: 30.5 }, 'defaultRateCents'],
    ['an unknown policy', { overflowPolicy: 'LOTTERY' }, 'overflowPolicy'],
    ['a missing name', { name: '' }, 'name'],
  ])('%s', async (_, change, field) => {
    const response = await post({ ...valid(), ...change });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION');
    expect(Object.keys(response.body.error.fields)).toContain(field);
  });

  it('an unknown chantier or person', async () => {
    const response = await post({
      ...valid(),
      envelopes: [{ chantierId: 'nope', amountCents: 1 }],
      rates: [{ personId: 'nobody', rateCents: 1 }],
    });
    expect(response.status).toBe(400);
    expect(Object.keys(response.body.error.fields).sort()).toEqual(['envelopes.0.chantierId', 'rates.0.personId']);
  });

  it('a period overlapping another, even by one day', async () => {
    const response = await post({ ...valid(), startDate: '2031-06-30', endDate: '2031-07-15' });
    expect(response.status).toBe(409);
    expect(response.body.error.code).toBe('PERIOD_OVERLAP');
    expect(response.body.error.fields).toHaveProperty('startDate');
    expect(response.body.error.details.overlaps.name).toBe('Premier semestre 2031');
  });

  it('two overlapping periods created at once: the database lets one through', async () => {
    const input = { ...valid(), startDate: '2035-01-01', endDate: '2035-01-31' };
    const results = await Promise.all([post({ ...input, name: 'A' }), post({ ...input, name: 'B' })]);
    expect(results.map((result) => result.status).sort()).toEqual([201, 409]);
    expect(results.find((result) => result.status === 409)!.body.error.code).toBe('PERIOD_OVERLAP');
  });

  it('malformed JSON, an unknown period, a stale version', async () => {
    expect(
      (await callRoute(createRoute, { method: 'POST', token: tokens.treasurer, rawBody: '{"name":' })).status,
    ).toBe(400);
    expect((await callRoute(getRoute, { token: tokens.treasurer, params: { id: 'nope' } })).status).toBe(404);
    expect((await callRoute(payoutsRoute, { token: tokens.treasurer, params: { id: 'nope' } })).status).toBe(404);
    expect(
      (await callRoute(closeRoute, { method: 'POST', token: tokens.treasurer, params: { id: 'nope' } })).status,
    ).toBe(404);
    expect(
      (await callRoute(patchRoute, { method: 'PATCH', token: tokens.treasurer, params: { id: 'nope' }, body: {} }))
        .status,
    ).toBe(404);
    const created = await post({ ...valid(), startDate: '2036-01-01', endDate: '2036-01-31' });
    const id = created.body.id;
    const first = await callRoute(patchRoute, {
      method: 'PATCH',
      token: tokens.treasurer,
      params: { id },
      body: { version: 1, name: 'Renommée' },
    });
    expect(first.status).toBe(200);
    const stale = await callRoute(patchRoute, {
      method: 'PATCH',
      token: tokens.treasurer,
      params: { id },
      body: { version: 1, name: 'Encore' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('STALE_VERSION');
    const backwards = await callRoute(patchRoute, {
      method: 'PATCH',
      token: tokens.treasurer,
      params: { id },
      body: { endDate: '2035-12-01' },
    });
    expect(backwards.status).toBe(400);
    expect(backwards.body.error.fields).toHaveProperty('endDate');
    const unknownRun = await callRoute(payoutsRoute, {
      token: tokens.treasurer,
      params: { id },
      path: `/api/v1/periods/${id}/payouts?runId=nope`,
    });
    expect(unknownRun.status).toBe(404);
  });

  it('a period shrunk past its contributions', async () => {
    const created = await post({ ...valid(), startDate: '2037-01-01', endDate: '2037-01-31' });
    await seedContribution({
      periodId: created.body.id,
      date: '2037-01-20',
      personId: alice.id,
      chantierId: c1,
      status: 'DRAFT',
    });
    const error = await rejectionOf(
      updatePeriod({ actor: treasurer, periodId: created.body.id, input: { endDate: '2037-01-10' } }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({ endDate: 'errors.period.CONTRIBUTIONS_OUTSIDE' });
  });

  it('a period moved past its claims', async () => {
    const created = await post({ ...valid(), startDate: '2038-01-01', endDate: '2038-01-31' });
    await db().claim.create({
      data: {
        personId: alice.id,
        createdById: alice.id,
        chantierId: c1,
        periodId: created.body.id,
        kind: 'EXPENSE',
        date: new Date('2038-01-03T00:00:00Z'),
        description: 'Billet de train',
        amountCents: 2_340,
      },
    });
    const error = await rejectionOf(
      updatePeriod({ actor: treasurer, periodId: created.body.id, input: { startDate: '2038-01-05' } }),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.fields).toEqual({ startDate: 'errors.period.CONTRIBUTIONS_OUTSIDE' });
    const stored = await db().fundingPeriod.findUniqueOrThrow({ where: { id: created.body.id } });
    expect(stored.startDate.toISOString().slice(0, 10)).toBe('2038-01-01');
  });
});
