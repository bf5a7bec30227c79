// A person's day holds at most 24 h across all their contributions, and no contribution is dated
// after today (in the collective's time zone) — on every path that adds hours: the declare form's
// domain verb, the API, the weekly timesheet and the import. Two requests for the same person's
// day run one after the other (the person's row is locked), so they cannot both slip under the
// limit: a third connection holds that lock until both are waiting on it, so the race is real.
import pg from 'pg';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { POST as createRoute } from '@/app/api/v1/contributions/route';
import { createContribution, updateContribution } from '@/lib/contributions/server/mutations';
import { loadWeek, saveWeek } from '@/lib/contributions/server/week';
import { importContributions } from '@/lib/import/import-contributions';
import { todayIn } from '@/lib/contributions/server/periods';
import { addDays, weekStartOf } from '@/lib/contributions/week-dates';
import { emptyCell } from '@/lib/contributions/week-grid';
import { toFormRow, toRowInputs, type WeekFormRow } from '@/lib/contributions/week-form';
import { ZContributionCreate } from '@/lib/contributions/inputs';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPeriod,
  createPerson,
  createPlace,
  rejectionOf,
  resetDatabase,
  seedContribution,
} from '../support/database';

const TODAY = todayIn('Europe/Paris');
const TOMORROW = addDays(TODAY, 1);
/** A Monday whose whole week is over. */
const PAST_WEEK = weekStartOf(addDays(TODAY, -14));
const DAY = addDays(PAST_WEEK, 2);

let alice: Actor;
let bruno: Actor;
let admin: Actor;
let c1: string;
let c2: string;
let coroutine: string;
let periodId: string;

beforeAll(async () => {
  await resetDatabase();
  c1 = (await createChantier({ name: 'Animation', code: 'C1' })).id;
  c2 = (await createChantier({ name: 'Accompagnement', code: 'C2' })).id;
  coroutine = (await createPlace({ name: 'La Coroutine' })).id;
  alice = await createPerson({ name: 'Alice', email: 'alice@day.test' });
  bruno = await createPerson({ name: 'Bruno', email: 'bruno@day.test' });
  admin = await createPerson({ name: 'Ada', roles: ['ADMIN'] });
  periodId = (await createPeriod({ startDate: addDays(TODAY, -60), endDate: addDays(TODAY, 60) })).id;
});

beforeEach(async () => {
  await db().$executeRawUnsafe('TRUNCATE contribution_events, contributions CASCADE');
});

const input = (data: { date?: string; duration?: string; chantierId?: string; submit?: boolean }) =>
  ZContributionCreate.parse({
    date: data.date ?? DAY,
    duration: data.duration ?? '1h',
    chantierId: data.chantierId ?? c1,
    description: 'Atelier',
    submit: data.submit ?? false,
  });

const declare = (actor: Actor, data: Parameters<typeof input>[0]) => createContribution({ actor, input: input(data) });

const dayTotal = async (personId: string, date: string) =>
  (
    await db().contribution.aggregate({
      where: { personId, date: new Date(`${date}T00:00:00Z`), deletedAt: null },
      _sum: { minutes: true },
    })
  )._sum.minutes ?? 0;

describe('at most 24 h per person and day', () => {
  it('the form: 20 h then 10 h the same day is refused, with the day and its total; 4 h fits', async () => {
    await declare(alice, { duration: '20h', submit: true });
    const error = await rejectionOf(declare(alice, { duration: '10h', chantierId: c2 }));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.DAY_OVER_LIMIT',
      fields: { duration: 'errors.DAY_OVER_LIMIT_FIELD' },
    });
    expect((error as unknown as { values: unknown }).values).toEqual({
      date: DAY.split('-').reverse().join('/'),
      total: '30 h',
    });
    expect(await dayTotal(alice.id, DAY)).toBe(1200);
    await declare(alice, { duration: '4h', chantierId: c2 });
    expect(await dayTotal(alice.id, DAY)).toBe(1440);
    // Another person's day, and another day, are apart.
    await declare(bruno, { duration: '10h' });
    await declare(alice, { duration: '10h', date: addDays(DAY, 1) });
  });

  it('an edit counts the other contributions of the day, not its own former minutes', async () => {
    await declare(alice, { duration: '20h' });
    const small = await declare(alice, { duration: '3h', chantierId: c2 });
    const edit = (duration: string, date = DAY) =>
      updateContribution({
        actor: alice,
        id: small.id,
        input: { ...input({ duration, chantierId: c2, date }), version: small.version },
      });
    expect(await rejectionOf(edit('5h'))).toMatchObject({ messageKey: 'errors.DAY_OVER_LIMIT' });
    expect(await edit('4h')).toMatchObject({ minutes: 240 });
  });

  it('rejected and deleted contributions do not count', async () => {
    await seedContribution({
      personId: alice.id,
      chantierId: c1,
      periodId,
      date: DAY,
      minutes: 1200,
      status: 'REJECTED',
    });
    const deleted = await seedContribution({ personId: alice.id, chantierId: c1, periodId, date: DAY, minutes: 1200 });
    await db().contribution.update({ where: { id: deleted.id }, data: { deletedAt: new Date() } });
    await declare(alice, { duration: '24h' });
  });

  it('the API: a 400 with a clear code and the figures', async () => {
    await declare(alice, { duration: '20h' });
    const token = await bearerToken(alice.id);
    const answer = await callRoute(createRoute, {
      method: 'POST',
      path: '/api/v1/contributions',
      token,
      body: { date: DAY, minutes: 600, chantierId: c2, description: 'Réunion' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toMatchObject({
      code: 'VALIDATION',
      details: { reason: 'DAY_OVER_LIMIT', date: DAY, totalMinutes: 1800, maxMinutes: 1440 },
    });
    expect(answer.body.error.message).toContain('24 h');
    expect(await dayTotal(alice.id, DAY)).toBe(1200);
  });

  it('the week: two rows of 20 h and 10 h the same day are refused, keyed by cell, nothing saved', async () => {
    const rows = await grid(alice, PAST_WEEK);
    const dayIndex = 2;
    const first = await addRow(rows, c1, null, 'Animation');
    const second = await addRow(rows, c2, coroutine, 'Accompagnement');
    rows[first].texts[dayIndex] = '20h';
    rows[second].texts[dayIndex] = '10h';
    const error = await rejectionOf(
      saveWeek({ actor: alice, weekStart: PAST_WEEK, rows: toRowInputs(rows), submit: true }),
    );
    expect(error.fields).toEqual({
      [`rows.${first}.cells.${dayIndex}`]: 'errors.DAY_OVER_LIMIT_FIELD',
      [`rows.${second}.cells.${dayIndex}`]: 'errors.DAY_OVER_LIMIT_FIELD',
    });
    expect(await dayTotal(alice.id, DAY)).toBe(0);
  });

  it('the week counts what the form declared that day', async () => {
    await declare(alice, { duration: '20h', submit: true });
    const rows = await grid(alice, PAST_WEEK);
    const added = await addRow(rows, c2, null, 'Accompagnement');
    rows[added].texts[2] = '5h';
    const error = await rejectionOf(
      saveWeek({ actor: alice, weekStart: PAST_WEEK, rows: toRowInputs(rows), submit: false }),
    );
    expect(error.fields).toEqual({ [`rows.${added}.cells.2`]: 'errors.DAY_OVER_LIMIT_FIELD' });
    rows[added].texts[2] = '4h';
    await saveWeek({ actor: alice, weekStart: PAST_WEEK, rows: toRowInputs(rows), submit: false });
    expect(await dayTotal(alice.id, DAY)).toBe(1440);
  });

  it('the import: the row that takes a day over 24 h is refused, counting what is stored; nothing is written', async () => {
    await declare(alice, { duration: '20h' });
    const csv = [
      'email;date;durée;chantier;lieu;description;bénévole',
      `alice@day.test;${DAY};3h;C1;;Atelier;`,
      `alice@day.test;${DAY};2h;C2;;Atelier;`,
      `bruno@day.test;${DAY};20h;C2;;Atelier;`,
    ].join('\n');
    for (const mode of ['dry-run', 'import'] as const) {
      const outcome = await importContributions({ actor: admin, mode, csv });
      expect(outcome).toMatchObject({
        imported: false,
        refused: [{ line: 3, reasons: [{ code: 'DAY_OVER_LIMIT', params: { date: DAY, total: '25 h' } }] }],
      });
    }
    expect(await dayTotal(alice.id, DAY)).toBe(1200);
    expect(await dayTotal(bruno.id, DAY)).toBe(0);
  });
});

describe('two requests for the same day at the same instant', () => {
  /** Holds the person's row lock, starts the calls, lets them go once all wait on it. */
  async function race<T>(personId: string, calls: (() => Promise<T>)[]): Promise<PromiseSettledResult<T>[]> {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    let pending: Promise<T>[] = [];
    try {
      await client.query('BEGIN');
      await client.query('SELECT id FROM people WHERE id = $1 FOR NO KEY UPDATE', [personId]);
      pending = calls.map((call) => call());
      const deadline = Date.now() + 10_000;
      for (;;) {
        await client.query('SELECT pg_stat_clear_snapshot()');
        const { rows } = await client.query<{ waiting: number }>(
          `SELECT count(*)::int AS waiting FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND cardinality(pg_blocking_pids(pid)) > 0`,
        );
        if (rows[0].waiting >= calls.length) break;
        if (Date.now() > deadline) throw new Error(`only ${rows[0].waiting} of ${calls.length} calls reached the lock`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await client.query('COMMIT');
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
    return Promise.allSettled(pending);
  }

  it('two declarations of 14 h: one is stored, the other refused', async () => {
    const results = await race(alice.id, [
      () => declare(alice, { duration: '14h' }),
      () => declare(alice, { duration: '14h', chantierId: c2 }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason).toMatchObject({ messageKey: 'errors.DAY_OVER_LIMIT' });
    expect(await dayTotal(alice.id, DAY)).toBe(840);
  });

  it('a declaration and a week save of 14 h each: one is stored, the other refused', async () => {
    const rows = await grid(alice, PAST_WEEK);
    const added = await addRow(rows, c2, null, 'Accompagnement');
    rows[added].texts[2] = '14h';
    const results = await race<unknown>(alice.id, [
      () => declare(alice, { duration: '14h' }),
      () => saveWeek({ actor: alice, weekStart: PAST_WEEK, rows: toRowInputs(rows), submit: false }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect(await dayTotal(alice.id, DAY)).toBe(840);
  });
});

describe('no contribution dated after today', () => {
  it('the form and the API refuse tomorrow and accept today', async () => {
    const error = await rejectionOf(declare(alice, { date: TOMORROW }));
    expect(error).toMatchObject({
      code: 'VALIDATION',
      messageKey: 'errors.FUTURE_DATE',
      fields: { date: 'errors.FUTURE_DATE_FIELD' },
    });
    await declare(alice, { date: TODAY });
    const answer = await callRoute(createRoute, {
      method: 'POST',
      path: '/api/v1/contributions',
      token: await bearerToken(alice.id),
      body: { date: TOMORROW, minutes: 60, chantierId: c1, description: 'Demain' },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.details).toMatchObject({ reason: 'FUTURE_DATE', date: TOMORROW });
  });

  it('an edit cannot move a contribution to tomorrow', async () => {
    const stored = await declare(alice, {});
    const error = await rejectionOf(
      updateContribution({ actor: alice, id: stored.id, input: { ...input({ date: TOMORROW }), version: 1 } }),
    );
    expect(error).toMatchObject({ messageKey: 'errors.FUTURE_DATE' });
  });

  it('the week refuses hours typed after today', async () => {
    const monday = weekStartOf(TODAY);
    const rows = await grid(alice, monday);
    const added = await addRow(rows, c1, null, 'Animation', monday);
    const index = Math.round((Date.parse(TOMORROW) - Date.parse(monday)) / 86_400_000);
    if (index > 6) return; // today is Sunday: this week has no day after today
    rows[added].texts[index] = '1h';
    const error = await rejectionOf(
      saveWeek({ actor: alice, weekStart: monday, rows: toRowInputs(rows), submit: false }),
    );
    expect(error.fields).toEqual({ [`rows.${added}.cells.${index}`]: 'errors.FUTURE_DATE_FIELD' });
  });

  it('the import refuses a row dated tomorrow', async () => {
    const outcome = await importContributions({
      actor: admin,
      mode: 'dry-run',
      csv: `email;date;durée;chantier;lieu;description;bénévole\nalice@day.test;${TOMORROW};1h;C1;;Atelier;`,
    });
    expect(outcome).toMatchObject({
      refused: [{ line: 2, reasons: [{ code: 'FUTURE_DATE', params: { date: TOMORROW } }] }],
    });
    expect(outcome.imported).toBe(false);
  });
});

async function grid(actor: Actor, weekStart: string): Promise<WeekFormRow[]> {
  return (await loadWeek({ actor, weekStart })).rows.map(toFormRow);
}

async function addRow(
  rows: WeekFormRow[],
  chantierId: string,
  placeId: string | null,
  description: string,
  weekStart = PAST_WEEK,
): Promise<number> {
  const { days } = await loadWeek({ actor: alice, weekStart });
  rows.push({ ...toFormRow({ chantierId, placeId, description: '', cells: days.map(emptyCell) }), description });
  return rows.length - 1;
}
