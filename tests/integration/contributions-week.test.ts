// The weekly timesheet against PostgreSQL: the grid is loaded as the page loads it, typed into as
// the browser does (week-form.ts), and saved by saveWeek — creates, edits and deletes of drafts in
// one go with the history mutations.ts would write; one bad cell (or a failure half-way through)
// changes nothing; read-only cells, closed days and cells changed meanwhile are refused, keyed by
// cell; "save and submit" submits the week's drafts and nobody else's.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { loadWeek, saveWeek } from '@/lib/contributions/server/week';
import { updateContribution } from '@/lib/contributions/server/mutations';
import { emptyCell } from '@/lib/contributions/week-grid';
import { toFormRow, toRowInputs, type WeekFormRow } from '@/lib/contributions/week-form';
import {
  createChantier,
  createPeriod,
  createPerson,
  createPlace,
  rejectionOf,
  resetDatabase,
  seedContribution,
  sql,
} from '../support/database';

const WEEK = '2026-11-16'; // Monday; the whole week is in the open period
const EDGE_WEEK = '2026-11-23'; // the open period ends on Wednesday 25th; the next one is closed
const day = (monday: string, index: number) =>
  new Date(Date.parse(`${monday}T00:00:00Z`) + index * 86_400_000).toISOString().slice(0, 10);

let alice: Actor;
let bob: Actor;
let c1: string;
let c2: string;
let retired: string;
let coroutine: string;
let openPeriodId: string;

beforeAll(async () => {
  await resetDatabase();
  c1 = (await createChantier({ name: 'Animation', code: 'C1' })).id;
  c2 = (await createChantier({ name: 'Nouveaux services', code: 'C2' })).id;
  retired = (await createChantier({ name: 'Ancien chantier', code: 'C9' })).id;
  await db().chantier.update({ where: { id: retired }, data: { active: false } });
  coroutine = (await createPlace({ name: 'La Coroutine' })).id;
  alice = await createPerson({ name: 'Alice' });
  bob = await createPerson({ name: 'Bob' });
  openPeriodId = (
    await db().fundingPeriod.create({
      data: {
        name: 'Automne 2026',
        startDate: new Date('2026-09-01T00:00:00Z'),
        endDate: new Date('2026-11-25T00:00:00Z'),
        defaultRateCents: 3000,
      },
    })
  ).id;
  await createPeriod({ name: 'Fin 2026', startDate: '2026-11-26', endDate: '2026-12-31' }).then((period) =>
    db().fundingPeriod.update({ where: { id: period.id }, data: { status: 'CLOSED' } }),
  );
});

beforeEach(async () => {
  // Each test starts from an empty week (history rows are append-only: TRUNCATE goes around that).
  await db().$executeRawUnsafe('TRUNCATE contribution_events, contributions CASCADE');
});

/** The grid as the page shows it to `actor`, ready to be typed into. */
async function openGrid(actor: Actor, weekStart: string): Promise<WeekFormRow[]> {
  const week = await loadWeek({ actor, weekStart });
  return week.rows.map(toFormRow);
}

function typeInto(rows: WeekFormRow[], row: number, cells: Record<number, string>): void {
  rows[row] = { ...rows[row], texts: rows[row].texts.map((text, index) => cells[index] ?? text) };
}

async function addRow(
  rows: WeekFormRow[],
  weekStart: string,
  chantierId: string,
  placeId: string | null,
  description: string,
): Promise<number> {
  const { days } = await loadWeek({ actor: alice, weekStart });
  rows.push({ ...toFormRow({ chantierId, placeId, description: '', cells: days.map(emptyCell) }), description });
  return rows.length - 1;
}

const save = (rows: WeekFormRow[], options: { actor?: Actor; weekStart?: string; submit?: boolean } = {}) =>
  saveWeek({
    actor: options.actor ?? alice,
    weekStart: options.weekStart ?? WEEK,
    rows: toRowInputs(rows),
    submit: options.submit ?? false,
  });

const draft = (
  date: string,
  data: {
    minutes?: number;
    description?: string;
    chantierId?: string;
    status?: 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'CHANGES_REQUESTED';
    personId?: string;
  } = {},
) =>
  seedContribution({
    personId: data.personId ?? alice.id,
    chantierId: data.chantierId ?? c1,
    periodId: openPeriodId,
    date,
    minutes: data.minutes ?? 60,
    description: data.description ?? 'Accueil du public',
    status: data.status ?? 'DRAFT',
    reviewerId: bob.id,
  });

async function everything() {
  return {
    contributions: await sql(`SELECT * FROM contributions ORDER BY id`),
    events: await sql(`SELECT * FROM contribution_events ORDER BY id`),
  };
}

async function history(id: string) {
  const events = await db().contributionEvent.findMany({ where: { contributionId: id }, orderBy: { id: 'asc' } });
  return events.map((event) => ({
    kind: event.kind,
    from: event.fromStatus,
    to: event.toStatus,
    actorId: event.actorId,
    previous: event.previousValues as Record<string, unknown> | null,
  }));
}

describe('saving a week', () => {
  it('creates, edits and deletes drafts in one go, with their history', async () => {
    const monday = await draft(day(WEEK, 0), { minutes: 60 });
    const tuesday = await draft(day(WEEK, 1), { minutes: 120 });
    const rows = await openGrid(alice, WEEK);
    expect(rows.map((row) => [row.chantierId, row.description, row.texts])).toEqual([
      [c1, 'Accueil du public', ['1h', '2h', '', '', '', '', '']],
    ]);

    typeInto(rows, 0, { 0: '1h30', 1: '', 2: '45min' });
    const added = await addRow(rows, WEEK, c2, coroutine, 'Atelier vélo');
    typeInto(rows, added, { 3: '2h' });
    expect(await save(rows)).toEqual({ created: 2, updated: 1, deleted: 1, submitted: 0 });

    const stored = await db().contribution.findMany({ where: { personId: alice.id }, orderBy: [{ date: 'asc' }] });
    expect(
      stored.map((row) => [
        row.date.toISOString().slice(0, 10),
        row.chantierId,
        row.placeId,
        row.minutes,
        row.description,
        row.status,
        row.version,
        row.deletedAt !== null,
      ]),
    ).toEqual([
      [day(WEEK, 0), c1, null, 90, 'Accueil du public', 'DRAFT', 2, false],
      [day(WEEK, 1), c1, null, 120, 'Accueil du public', 'DRAFT', 2, true],
      [day(WEEK, 2), c1, null, 45, 'Accueil du public', 'DRAFT', 1, false],
      [day(WEEK, 3), c2, coroutine, 120, 'Atelier vélo', 'DRAFT', 1, false],
    ]);
    expect(await history(monday.id)).toEqual([
      { kind: 'CREATED', from: null, to: 'DRAFT', actorId: alice.id, previous: null },
      {
        kind: 'EDITED',
        from: 'DRAFT',
        to: 'DRAFT',
        actorId: alice.id,
        previous: expect.objectContaining({ date: day(WEEK, 0), minutes: 60, description: 'Accueil du public' }),
      },
    ]);
    expect(await history(tuesday.id)).toEqual([
      { kind: 'CREATED', from: null, to: 'DRAFT', actorId: alice.id, previous: null },
      {
        kind: 'DELETED',
        from: 'DRAFT',
        to: null,
        actorId: alice.id,
        previous: expect.objectContaining({ minutes: 120 }),
      },
    ]);
    for (const created of stored.filter((row) => row.version === 1)) {
      expect(await history(created.id)).toEqual([
        { kind: 'CREATED', from: null, to: 'DRAFT', actorId: alice.id, previous: null },
      ]);
    }

    // The page shows the week as saved; saving it again untouched changes nothing.
    const again = await openGrid(alice, WEEK);
    expect(again.map((row) => row.texts)).toEqual([
      ['1h30', '', '45min', '', '', '', ''],
      ['', '', '', '2h', '', '', ''],
    ]);
    const before = await everything();
    expect(await save(again)).toEqual({ created: 0, updated: 0, deleted: 0, submitted: 0 });
    expect(await everything()).toEqual(before);
  });

  it('renames the drafts of a row whose description was edited', async () => {
    const monday = await draft(day(WEEK, 0));
    const rows = await openGrid(alice, WEEK);
    rows[0] = { ...rows[0], description: 'Accueil et inventaire' };
    expect(await save(rows)).toMatchObject({ updated: 1 });
    expect((await db().contribution.findUniqueOrThrow({ where: { id: monday.id } })).description).toBe(
      'Accueil et inventaire',
    );
    expect((await history(monday.id)).at(-1)).toMatchObject({
      kind: 'EDITED',
      previous: { description: 'Accueil du public' },
    });
  });
});

describe('all or nothing', () => {
  it('one bad cell: nothing is saved, and the error names the cell', async () => {
    await draft(day(WEEK, 0));
    const rows = await openGrid(alice, WEEK);
    typeInto(rows, 0, { 0: '3h', 1: '1h', 2: '25h' });
    const added = await addRow(rows, WEEK, c2, null, '');
    typeInto(rows, added, { 4: '2h', 5: 'beaucoup' });
    const before = await everything();

    const error = await rejectionOf(save(rows));
    expect(error).toMatchObject({ code: 'VALIDATION', messageKey: 'week.errors.notSaved' });
    expect(error.fields).toEqual({
      'rows.0.cells.2': 'errors.duration.TOO_LONG',
      'rows.1.cells.5': 'errors.duration.INVALID',
      'rows.1.description': 'validation.required',
    });
    expect(await everything()).toEqual(before);
  });

  it('a failure half-way through the writes undoes the writes before it', async () => {
    await draft(day(WEEK, 0));
    await draft(day(WEEK, 1));
    const rows = await openGrid(alice, WEEK);
    typeInto(rows, 0, { 0: '2h', 1: '', 2: '1h' }); // the create and the edit are written before the delete
    const before = await everything();
    // The database refuses the delete's history row, after the other changes were written.
    await sql(
      `CREATE FUNCTION week_test_refuse_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NEW.kind = 'DELETED' THEN RAISE EXCEPTION 'refused by the test'; END IF; RETURN NEW; END $$`,
    );
    await sql(
      `CREATE TRIGGER week_test_refuse_delete BEFORE INSERT ON contribution_events FOR EACH ROW EXECUTE FUNCTION week_test_refuse_delete()`,
    );
    try {
      await expect(save(rows)).rejects.toThrow(/refused by the test/);
    } finally {
      await sql(`DROP TRIGGER week_test_refuse_delete ON contribution_events`);
      await sql(`DROP FUNCTION week_test_refuse_delete()`);
    }
    expect(await everything()).toEqual(before);
  });
});

describe('cells that cannot change', () => {
  it('refuses submitted, approved and multi-entry cells, keyed by cell, and saves nothing', async () => {
    await draft(day(WEEK, 0));
    await draft(day(WEEK, 2), { status: 'SUBMITTED' });
    await draft(day(WEEK, 3), { status: 'APPROVED' });
    await draft(day(WEEK, 4));
    await draft(day(WEEK, 4), { minutes: 30 });
    const week = await loadWeek({ actor: alice, weekStart: WEEK });
    expect(week.rows[0].cells.map((cell) => cell.state)).toEqual([
      'DRAFT',
      'EMPTY',
      'LOCKED',
      'LOCKED',
      'LOCKED',
      'EMPTY',
      'EMPTY',
    ]);
    expect(week.rows[0].cells[4]).toMatchObject({ minutes: 90, statuses: ['DRAFT'] });

    // The browser never posts read-only cells; a hand-made post (or an outdated page) might.
    const rows = toRowInputs(week.rows.map(toFormRow));
    rows[0].cells[0].text = '2h';
    rows[0].cells[2].text = '3h';
    rows[0].cells[3].text = '';
    rows[0].cells[4].text = '2h';
    const before = await everything();
    const error = await rejectionOf(saveWeek({ actor: alice, weekStart: WEEK, rows, submit: false }));
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(error.fields).toEqual({
      'rows.0.cells.2': 'week.errors.locked',
      'rows.0.cells.3': 'week.errors.locked',
      'rows.0.cells.4': 'week.errors.locked',
    });
    expect(await everything()).toEqual(before);
  });

  it('refuses days outside an open period', async () => {
    const week = await loadWeek({ actor: alice, weekStart: EDGE_WEEK });
    expect(week.days.map((weekDay) => weekDay.open)).toEqual([true, true, true, false, false, false, false]);
    expect(week.days[0].periodName).toBe('Automne 2026');
    const rows = [
      toFormRow({ chantierId: c1, placeId: null, description: 'Accueil', cells: week.days.map(emptyCell) }),
    ];
    const posted = toRowInputs(rows);
    posted[0].cells[1].text = '1h';
    posted[0].cells[4].text = '1h';
    const error = await rejectionOf(saveWeek({ actor: alice, weekStart: EDGE_WEEK, rows: posted, submit: false }));
    expect(error.fields).toEqual({ 'rows.0.cells.4': 'week.errors.dayClosed' });
    expect(await db().contribution.count()).toBe(0);
  });

  it('refuses a cell changed elsewhere since the page was loaded, rather than overwrite it', async () => {
    const monday = await draft(day(WEEK, 0));
    const rows = await openGrid(alice, WEEK);
    await updateContribution({
      actor: alice,
      id: monday.id,
      input: {
        date: day(WEEK, 0),
        minutes: 240,
        chantierId: c1,
        description: 'Accueil du public',
        volunteer: false,
        version: 1,
      },
    });
    typeInto(rows, 0, { 0: '2h' });
    const error = await rejectionOf(save(rows));
    expect(error.fields).toEqual({ 'rows.0.cells.0': 'week.errors.stale' });
    expect((await db().contribution.findUniqueOrThrow({ where: { id: monday.id } })).minutes).toBe(240);
  });

  it('refuses new drafts on an inactive chantier', async () => {
    const rows: WeekFormRow[] = [];
    const added = await addRow(rows, WEEK, retired, null, 'Vieux travail');
    typeInto(rows, added, { 0: '1h' });
    expect((await rejectionOf(save(rows))).fields).toEqual({ 'rows.0.chantierId': 'validation.unknownChantier' });
  });
});

describe('save and submit', () => {
  it('saves, then submits every draft of the week the person saw, and nobody else’s', async () => {
    const untouched = await draft(day(WEEK, 0));
    const edited = await draft(day(WEEK, 1));
    const sentBack = await draft(day(WEEK, 2), { status: 'CHANGES_REQUESTED' });
    const bobs = await draft(day(WEEK, 0), { personId: bob.id });
    const rows = await openGrid(alice, WEEK);
    typeInto(rows, 0, { 1: '1h15', 3: '30min' });

    expect(await save(rows, { submit: true })).toEqual({ created: 1, updated: 1, deleted: 0, submitted: 3 });

    const week = await db().contribution.findMany({ where: { personId: alice.id }, orderBy: { date: 'asc' } });
    expect(
      week.map((row) => [row.date.toISOString().slice(0, 10), row.minutes, row.status, row.submittedAt !== null]),
    ).toEqual([
      [day(WEEK, 0), 60, 'SUBMITTED', true],
      [day(WEEK, 1), 75, 'SUBMITTED', true],
      [day(WEEK, 2), 60, 'CHANGES_REQUESTED', true],
      [day(WEEK, 3), 30, 'SUBMITTED', true],
    ]);
    const steps = async (id: string) =>
      (await history(id)).map((event) => `${event.kind} ${event.from ?? '∅'}→${event.to ?? '∅'}`);
    expect(await steps(untouched.id)).toEqual(['CREATED ∅→DRAFT', 'TRANSITION DRAFT→SUBMITTED']);
    expect(await steps(edited.id)).toEqual(['CREATED ∅→DRAFT', 'EDITED DRAFT→DRAFT', 'TRANSITION DRAFT→SUBMITTED']);
    expect(await steps(week[3].id)).toEqual(['CREATED ∅→DRAFT', 'TRANSITION DRAFT→SUBMITTED']);
    expect(await steps(sentBack.id)).toEqual([
      'CREATED ∅→DRAFT',
      'TRANSITION DRAFT→SUBMITTED',
      'TRANSITION SUBMITTED→CHANGES_REQUESTED',
    ]);
    expect((await db().contribution.findUniqueOrThrow({ where: { id: bobs.id } })).status).toBe('DRAFT');

    // Once submitted, the cells are read-only in the grid.
    const after = await loadWeek({ actor: alice, weekStart: WEEK });
    expect(after.rows[0].cells.map((cell) => cell.state)).toEqual([
      'LOCKED',
      'LOCKED',
      'LOCKED',
      'LOCKED',
      'EMPTY',
      'EMPTY',
      'EMPTY',
    ]);
  });

  it('a double click saves once; two different saves of one page at once: one wins, the other is refused as stale', async () => {
    const rows = await openGrid(alice, WEEK);
    const added = await addRow(rows, WEEK, c1, null, 'Accueil');
    typeInto(rows, added, { 0: '1h' });
    const twice = await Promise.all([save(rows), save(rows)]);
    expect(twice.map((result) => result.created).sort()).toEqual([0, 1]);
    expect(await db().contribution.count({ where: { personId: alice.id } })).toBe(1);

    const page = await openGrid(alice, WEEK);
    const [tab1, tab2] = [structuredClone(page), structuredClone(page)];
    typeInto(tab1, 0, { 0: '2h' });
    typeInto(tab2, 0, { 0: '3h' });
    const results = await Promise.allSettled([save(tab1), save(tab2)]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const refused = results.find((result) => result.status === 'rejected') as PromiseRejectedResult;
    expect(refused.reason.fields).toEqual({ 'rows.0.cells.0': 'week.errors.stale' });
    const [stored] = await db().contribution.findMany({ where: { personId: alice.id } });
    expect(stored).toMatchObject({ minutes: results[0].status === 'fulfilled' ? 120 : 180, version: 2 });
  });
});
