// The committed migrations apply to an empty database and build what the database itself must
// refuse (overlaps, out-of-range minutes, negative money, duplicate links, edits of append-only
// history, changes to a closed period); running them again applies nothing; the Monscobar demo
// seed gives the demo collective the README describes, and seeding twice changes nothing.
import path from 'node:path';
import { format } from 'date-fns';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe, expect, inject, it } from 'vitest';
import { db } from '@/lib/db';
import { listMigrations, migrate } from '@/lib/db/migrate';
import { DEMO_DEBTOR, DEMO_PASSWORD, DEMO_PEOPLE, seedDemo } from '@/lib/demo/seed-demo';
import { loadPeriodDashboard } from '@/lib/plans/server/plan';
import { authenticate } from '@/lib/auth/options';
import { loadActor } from '@/lib/auth/load-actor';
import { exportSepa } from '@/lib/treasury/export-sepa';
import { isSepaIban } from '@/lib/payees/validate';
import { createChantier, createPerson, resetDatabase, sql, sqlError, tableCounts } from '../support/database';

const migrationsDir = path.resolve(import.meta.dirname, '../../prisma/migrations');

const EXPECTED_TABLES = [
  'api_tokens',
  'audit_log',
  'auth_attempts',
  'chantiers',
  'collective_settings',
  'contribution_events',
  'contributions',
  'envelopes',
  'funding_periods',
  'invitations',
  'notifications',
  'payments',
  'payout_lines',
  'payout_profiles',
  'payout_runs',
  'people',
  'places',
  'rate_overrides',
  'referent_links',
];

describe('migrations on an empty database', () => {
  let emptyUrl: string;
  const emptyName = `butin_it_empty_${process.pid}`;

  async function admin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
    const client = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
    await client.connect();
    try {
      return await work(client);
    } finally {
      await client.end();
    }
  }

  beforeAll(async () => {
    await admin(async (client) => {
      await client.query(`DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`);
      await client.query(`CREATE DATABASE ${emptyName}`);
    });
    const url = new URL(inject('adminDatabaseUrl'));
    url.pathname = `/${emptyName}`;
    emptyUrl = url.toString();
  });

  afterAll(async () => {
    await admin((client) => client.query(`DROP DATABASE IF EXISTS ${emptyName} WITH (FORCE)`));
  });

  it('applies every committed migration, records it as Prisma does, then applies nothing more', async () => {
    const committed = listMigrations(migrationsDir);
    expect(committed.length).toBeGreaterThan(0);

    const first = await migrate({ databaseUrl: emptyUrl, migrationsDir });
    expect(first.applied).toEqual(committed.map((migration) => migration.name));
    expect(first.alreadyApplied).toBe(0);

    const client = new pg.Client({ connectionString: emptyUrl });
    await client.connect();
    try {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining([...EXPECTED_TABLES, '_prisma_migrations']),
      );
      const bookkeeping = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      );
      expect(bookkeeping.rows.map((row) => [row.migration_name, row.checksum])).toEqual(
        committed.map((m) => [m.name, m.checksum]),
      );
      expect(bookkeeping.rows.every((row) => row.finished_at !== null)).toBe(true);
    } finally {
      await client.end();
    }

    const second = await migrate({ databaseUrl: emptyUrl, migrationsDir });
    expect(second).toEqual({ applied: [], alreadyApplied: committed.length });
  });

  it('applies nothing to the test database, which the global setup already migrated', async () => {
    const result = await migrate({ databaseUrl: process.env.DATABASE_URL!, migrationsDir });
    expect(result).toEqual({ applied: [], alreadyApplied: listMigrations(migrationsDir).length });
  });

  it('names every constraint and trigger the data model relies on', async () => {
    const constraints = await sql<{ conname: string }>(
      "SELECT conname FROM pg_constraint JOIN pg_namespace n ON n.oid = connamespace WHERE n.nspname = 'public'",
    );
    expect(constraints.map((row) => row.conname)).toEqual(
      expect.arrayContaining([
        'funding_periods_no_overlap',
        'funding_periods_dates',
        'funding_periods_default_rate_nonnegative',
        'envelopes_amount_nonnegative',
        'rate_overrides_rate_nonnegative',
        'contributions_minutes_range',
        'referent_links_pkey',
        'people_email_lowercase',
        'payments_amount_positive',
        'payout_lines_nonnegative',
      ]),
    );
    const triggers = await sql<{ tgname: string }>('SELECT tgname FROM pg_trigger WHERE NOT tgisinternal');
    expect(triggers.map((row) => row.tgname)).toEqual(
      expect.arrayContaining([
        'contribution_events_append_only',
        'audit_log_append_only',
        'payments_append_only',
        'payout_lines_append_only',
        'contributions_guard',
      ]),
    );
  });
});

describe('what the database refuses', () => {
  let personId: string;
  let chantierId: string;
  let periodId: string;

  /** A period row through plain SQL, so nothing but the database judges it. */
  async function insertPeriod(start: string, end: string, options: { rate?: number; status?: string } = {}) {
    const [row] = await sql<{ id: string }>(
      `INSERT INTO funding_periods (id, name, start_date, end_date, default_rate_cents, status, updated_at)
       VALUES (gen_random_uuid()::text, $1, $2, $3, $4, $5::"PeriodStatus", now()) RETURNING id`,
      [`${start} – ${end}`, start, end, options.rate ?? 3000, options.status ?? 'OPEN'],
    );
    return row.id;
  }

  const insertContribution = (values: { date?: string; minutes?: number; period?: string } = {}) =>
    `INSERT INTO contributions (id, person_id, chantier_id, period_id, date, minutes, description, updated_at)
     VALUES (gen_random_uuid()::text, '${personId}', '${chantierId}', '${values.period ?? periodId}', '${values.date ?? '2026-03-10'}', ${values.minutes ?? 60}, 'test', now())
     RETURNING id`;

  beforeEach(async () => {
    await resetDatabase();
    personId = (await createPerson()).id;
    chantierId = (await createChantier()).id;
    periodId = await insertPeriod('2026-01-01', '2026-06-30');
  });

  it('refuses a period that overlaps another one (exclusion constraint), even by one day', async () => {
    const overlap = await sqlError(
      `INSERT INTO funding_periods (id, name, start_date, end_date, default_rate_cents, updated_at)
       VALUES ('p2', 'overlap', '2026-06-30', '2026-12-31', 3000, now())`,
    );
    expect(overlap.code).toBe('23P01');
    expect(overlap.constraint).toBe('funding_periods_no_overlap');
    const inside = await sqlError(
      `INSERT INTO funding_periods (id, name, start_date, end_date, default_rate_cents, updated_at)
       VALUES ('p3', 'inside', '2026-02-01', '2026-02-28', 3000, now())`,
    );
    expect(inside.constraint).toBe('funding_periods_no_overlap');
    // The day after is free; an update that would overlap is refused as well.
    const next = await insertPeriod('2026-07-01', '2026-12-31');
    const stretched = await sqlError(`UPDATE funding_periods SET start_date = '2026-06-15' WHERE id = $1`, [next]);
    expect(stretched.constraint).toBe('funding_periods_no_overlap');
    // Through Prisma as the app writes, the same refusal.
    await expect(
      db().fundingPeriod.create({
        data: { name: 'x', startDate: new Date('2026-05-01'), endDate: new Date('2026-07-15'), defaultRateCents: 1 },
      }),
    ).rejects.toThrow(/funding_periods_no_overlap|exclusion constraint/);
    expect(await db().fundingPeriod.count()).toBe(2);
  });

  it('refuses a period that ends before it starts, and a negative rate', async () => {
    expect(
      (
        await sqlError(
          `INSERT INTO funding_periods (id, name, start_date, end_date, default_rate_cents, updated_at) VALUES ('p', 'x', '2027-02-01', '2027-01-31', 1, now())`,
        )
      ).constraint,
    ).toBe('funding_periods_dates');
    expect(
      (
        await sqlError(
          `INSERT INTO funding_periods (id, name, start_date, end_date, default_rate_cents, updated_at) VALUES ('p', 'x', '2027-01-01', '2027-01-31', -1, now())`,
        )
      ).constraint,
    ).toBe('funding_periods_default_rate_nonnegative');
  });

  it('accepts 1 to 1440 minutes and refuses 0, 1441 and negatives', async () => {
    await sql(insertContribution({ minutes: 1 }));
    await sql(insertContribution({ minutes: 1440 }));
    for (const minutes of [0, 1441, -30]) {
      const error = await sqlError(insertContribution({ minutes }));
      expect(error.code, `minutes ${minutes}`).toBe('23514');
      expect(error.constraint).toBe('contributions_minutes_range');
    }
    const [{ id }] = await sql<{ id: string }>(`SELECT id FROM contributions WHERE minutes = 1`);
    expect((await sqlError(`UPDATE contributions SET minutes = 1441 WHERE id = $1`, [id])).constraint).toBe(
      'contributions_minutes_range',
    );
    expect(await db().contribution.count()).toBe(2);
  });

  it('refuses negative money: envelopes and rate overrides', async () => {
    await sql(`INSERT INTO envelopes (period_id, chantier_id, amount_cents) VALUES ($1, $2, 0)`, [
      periodId,
      chantierId,
    ]);
    const envelope = await sqlError(`UPDATE envelopes SET amount_cents = -1 WHERE period_id = $1`, [periodId]);
    expect(envelope.code).toBe('23514');
    expect(envelope.constraint).toBe('envelopes_amount_nonnegative');
    await expect(
      db().envelope.update({ where: { periodId_chantierId: { periodId, chantierId } }, data: { amountCents: -100 } }),
    ).rejects.toThrow(/envelopes_amount_nonnegative/);
    const rate = await sqlError(
      `INSERT INTO rate_overrides (id, period_id, chantier_id, rate_cents) VALUES ('r', $1, $2, -5)`,
      [periodId, chantierId],
    );
    expect(rate.constraint).toBe('rate_overrides_rate_nonnegative');
    const [{ amount_cents }] = await sql<{ amount_cents: number }>(
      `SELECT amount_cents FROM envelopes WHERE period_id = $1`,
      [periodId],
    );
    expect(amount_cents).toBe(0);
  });

  it('refuses a duplicate referent link', async () => {
    await sql(`INSERT INTO referent_links (person_id, chantier_id) VALUES ($1, $2)`, [personId, chantierId]);
    const duplicate = await sqlError(`INSERT INTO referent_links (person_id, chantier_id) VALUES ($1, $2)`, [
      personId,
      chantierId,
    ]);
    expect(duplicate.code).toBe('23505');
    expect(duplicate.constraint).toBe('referent_links_pkey');
    expect(await db().referentLink.count({ where: { personId } })).toBe(1);
  });

  it('refuses an email that is not lower case', async () => {
    const error = await sqlError(
      `INSERT INTO people (id, email, name, updated_at) VALUES ('x', 'Someone@Test.local', 'x', now())`,
    );
    expect(error.constraint).toBe('people_email_lowercase');
  });

  it('keeps the contribution history and the audit log append-only: no UPDATE, no DELETE', async () => {
    const [{ id: contributionId }] = await sql<{ id: string }>(insertContribution());
    await sql(
      `INSERT INTO contribution_events (contribution_id, actor_id, kind, to_status) VALUES ($1, $2, 'CREATED', 'DRAFT')`,
      [contributionId, personId],
    );
    await sql(`INSERT INTO audit_log (actor_id, action, entity_type) VALUES ($1, 'test.action', 'test')`, [personId]);

    for (const statement of [
      `UPDATE contribution_events SET comment = 'rewritten'`,
      `DELETE FROM contribution_events`,
      `UPDATE audit_log SET action = 'rewritten'`,
      `DELETE FROM audit_log`,
    ]) {
      const error = await sqlError(statement);
      expect(error.code, statement).toBe('23001'); // restrict_violation
      expect(error.message).toMatch(/is append-only/);
    }
    const [events] = await sql<{ count: string; comment: string | null }>(
      `SELECT count(*)::text AS count, max(comment) AS comment FROM contribution_events`,
    );
    expect(events).toEqual({ count: '1', comment: null });
    const [audit] = await sql<{ count: string; action: string }>(
      `SELECT count(*)::text AS count, max(action) AS action FROM audit_log`,
    );
    expect(audit).toEqual({ count: '1', action: 'test.action' });
    // Prisma's way in is refused the same (Prisma reports restrict_violation as a foreign key error).
    await expect(db().auditLog.deleteMany({})).rejects.toThrow();
    expect(await db().auditLog.count()).toBe(1);
  });

  it('refuses a contribution dated outside its period, on insert and on update', async () => {
    for (const date of ['2025-12-31', '2026-07-01']) {
      const error = await sqlError(insertContribution({ date }));
      expect(error.code, date).toBe('23514');
      expect(error.message).toMatch(/contribution_outside_period/);
    }
    const [{ id }] = await sql<{ id: string }>(insertContribution({ date: '2026-06-30' }));
    expect((await sqlError(`UPDATE contributions SET date = '2026-07-02' WHERE id = $1`, [id])).message).toMatch(
      /contribution_outside_period/,
    );
    const [row] = await sql<{ date: string }>(
      `SELECT to_char(date, 'YYYY-MM-DD') AS date FROM contributions WHERE id = $1`,
      [id],
    );
    expect(row.date).toBe('2026-06-30');
  });

  it('freezes the contributions of a closed period: no update, no delete, no insert', async () => {
    const [{ id }] = await sql<{ id: string }>(insertContribution({ minutes: 90 }));
    await sql(`UPDATE funding_periods SET status = 'CLOSED' WHERE id = $1`, [periodId]);

    for (const statement of [
      `UPDATE contributions SET minutes = 120 WHERE id = '${id}'`,
      `UPDATE contributions SET status = 'APPROVED' WHERE id = '${id}'`,
      `DELETE FROM contributions WHERE id = '${id}'`,
      insertContribution(),
    ]) {
      const error = await sqlError(statement);
      expect(error.code, statement).toBe('23514');
      expect(error.message).toMatch(/period_closed/);
    }
    // Nor can it be moved into an open period.
    const open = await insertPeriod('2026-07-01', '2026-12-31');
    expect(
      (await sqlError(`UPDATE contributions SET period_id = $1, date = '2026-07-10' WHERE id = $2`, [open, id]))
        .message,
    ).toMatch(/period_closed/);
    await expect(db().contribution.update({ where: { id }, data: { minutes: 30 } })).rejects.toThrow(/period_closed/);

    const [row] = await sql<{ minutes: number; status: string; period_id: string }>(
      `SELECT minutes, status, period_id FROM contributions WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ minutes: 90, status: 'DRAFT', period_id: periodId });
  });

  it('keeps one current payout run per period', async () => {
    const insertRun = (id: string) =>
      `INSERT INTO payout_runs (id, period_id, inputs, total_amount_cents, created_by_id) VALUES ('${id}', '${periodId}', '{}', 0, '${personId}')`;
    await sql(insertRun('run1'));
    expect((await sqlError(insertRun('run2'))).constraint).toBe('payout_runs_one_current_per_period');
  });
});

describe('the Monscobar demo seed', () => {
  let firstResult: Awaited<ReturnType<typeof seedDemo>>;
  let countsAfterFirstSeed: Record<string, number>;

  beforeAll(async () => {
    await resetDatabase();
    firstResult = await seedDemo();
    countsAfterFirstSeed = await tableCounts();
  });

  it('seeds the collective, its three chantiers and three places', async () => {
    expect(firstResult.seeded).toBe(true);
    expect((await db().collectiveSettings.findUniqueOrThrow({ where: { id: 1 } })).name).toBe('Monscobar');
    const chantiers = await db().chantier.findMany({ orderBy: { position: 'asc' } });
    expect(chantiers.map((chantier) => chantier.name)).toEqual([
      'Gestion et animation des tiers-lieux',
      'Accompagnement des collectifs aux pratiques contributives et collaboratives',
      'Développement de nouveaux services',
    ]);
    const places = await db().place.findMany({ orderBy: { name: 'asc' } });
    expect(places.map((place) => place.name)).toEqual(['La Baraka', 'La Coroutine', 'MonsFabrica']);
  });

  it('gives the open and the closed periods a plan, so the dashboard is alive on the first start', async () => {
    const periods = await db().fundingPeriod.findMany({
      select: { id: true, status: true },
      orderBy: { startDate: 'asc' },
    });
    const open = periods.find((period) => period.status === 'OPEN')!;
    const closed = periods.find((period) => period.status === 'CLOSED')!;
    for (const period of [open, closed]) {
      const plan = await loadPeriodDashboard({ periodId: period.id });
      expect(plan.chantiers.filter((chantier) => chantier.plannedCents > 0)).toHaveLength(3);
      expect(plan.chantiers.every((chantier) => chantier.lines.some((line) => line.personId === null))).toBe(true);
    }
    expect(await db().planLine.count({ where: { periodId: periods.find((p) => p.status === 'PAID')!.id } })).toBe(0);
    expect(await db().planExplanation.count({ where: { periodId: closed.id } })).toBe(2);
  });

  it('seeds an admin, a treasurer, one referent per chantier and at least five contributors, all with the demo password', async () => {
    const people = await db().person.findMany({ include: { referentOf: true } });
    expect(people).toHaveLength(DEMO_PEOPLE.length);
    expect(people.every((person) => person.active && person.roles.includes('CONTRIBUTOR'))).toBe(true);
    const admin = people.find((person) => person.email === 'admin@monscobar.test');
    expect(admin?.roles).toContain('ADMIN');
    expect(people.filter((person) => person.roles.includes('TREASURER'))).toHaveLength(1);

    const chantiers = await db().chantier.findMany({ include: { referents: true } });
    for (const chantier of chantiers) {
      expect(chantier.referents, chantier.name).toHaveLength(1);
      const referent = people.find((person) => person.id === chantier.referents[0].personId);
      expect(referent?.roles).toContain('REFERENT');
    }
    const plainContributors = people.filter((person) => person.roles.length === 1 && person.roles[0] === 'CONTRIBUTOR');
    expect(plainContributors.length).toBeGreaterThanOrEqual(5);

    for (const email of ['admin@monscobar.test', 'tresorerie@monscobar.test', plainContributors[0].email]) {
      const signedIn = await authenticate(email, DEMO_PASSWORD, '127.0.0.1');
      expect(signedIn?.email, email).toBe(email);
    }
  });

  it("gives most people a payout profile with a valid test IBAN, one contributor none, and sets the collective's account", async () => {
    const people = await db().person.findMany({ include: { payoutProfile: true } });
    const withIban = people.filter((person) => isSepaIban(person.payoutProfile?.iban));
    const without = people.filter((person) => !person.payoutProfile);
    expect(withIban.length).toBe(people.length - 1);
    expect(without.map((person) => person.email)).toEqual(['fatou@monscobar.test']);
    const settings = await db().collectiveSettings.findUniqueOrThrow({ where: { id: 1 } });
    expect({ name: settings.debtorName, iban: settings.debtorIban, bic: settings.debtorBic }).toEqual(DEMO_DEBTOR);
    expect(isSepaIban(settings.debtorIban)).toBe(true);
  });

  it('has a PAID period whose every payee was paid, to the cent, through recorded payments', async () => {
    const paid = await db().fundingPeriod.findMany({ where: { status: 'PAID' } });
    expect(paid).toHaveLength(1);
    const run = await db().payoutRun.findFirstOrThrow({ where: { periodId: paid[0].id, status: 'CURRENT' } });
    const payments = await db().payment.findMany({ where: { periodId: paid[0].id } });
    expect(payments.length).toBeGreaterThan(0);
    expect(payments.reduce((sum, payment) => sum + payment.amountCents, 0)).toBe(run.totalAmountCents);
    expect(
      paid[0].endDate < (await db().fundingPeriod.findFirstOrThrow({ where: { status: 'CLOSED' } })).startDate,
    ).toBe(true);
  });

  it('has a closed period ready for a SEPA file, which lists the person without an IBAN as excluded', async () => {
    const [closed] = await db().fundingPeriod.findMany({ where: { status: 'CLOSED' } });
    const treasurer = await db().person.findUniqueOrThrow({ where: { email: 'tresorerie@monscobar.test' } });
    const sepa = await exportSepa({ actor: (await loadActor(treasurer.id, 'session'))!, periodId: closed.id });
    expect(sepa.transfers.length).toBeGreaterThan(3);
    expect(sepa.xml).toContain(DEMO_DEBTOR.iban);
    expect(sepa.excluded.map((payee) => payee.payeeName)).toEqual(['Fatou Diallo']);
    expect(await db().payment.count({ where: { periodId: closed.id } })).toBe(0);
  });

  it('has one closed period whose current payout run adds up to its total', async () => {
    const closed = await db().fundingPeriod.findMany({ where: { status: 'CLOSED' }, include: { envelopes: true } });
    expect(closed).toHaveLength(1);
    const runs = await db().payoutRun.findMany({ where: { periodId: closed[0].id }, include: { lines: true } });
    expect(runs).toHaveLength(1);
    const [run] = runs;
    expect(run.status).toBe('CURRENT');
    expect(run.lines.length).toBeGreaterThan(0);
    expect(run.totalAmountCents).toBeGreaterThan(0);
    expect(run.lines.reduce((sum, line) => sum + line.amountCents, 0)).toBe(run.totalAmountCents);

    // Never more than an envelope per chantier; every approved contribution is accounted for.
    for (const envelope of closed[0].envelopes) {
      const paid = run.lines
        .filter((line) => line.chantierId === envelope.chantierId)
        .reduce((sum, line) => sum + line.amountCents, 0);
      expect(paid).toBeLessThanOrEqual(envelope.amountCents);
    }
    const approved = await db().contribution.aggregate({
      where: { periodId: closed[0].id, status: 'APPROVED' },
      _sum: { minutes: true },
    });
    const lineMinutes = run.lines.reduce((sum, line) => sum + line.approvedMinutes + line.volunteerMinutes, 0);
    expect(lineMinutes).toBe(approved._sum.minutes);
    const statuses = await db().contribution.groupBy({ by: ['status'], where: { periodId: closed[0].id } });
    expect(statuses.map((group) => group.status)).toEqual(['APPROVED']);
  });

  it("is one transaction: slower than Prisma's 5 s default it still completes, and a crash half-way leaves nothing", async () => {
    // A crash after the people and periods were written: nothing of it stays, the next run seeds it all.
    await resetDatabase();
    await expect(
      seedDemo({
        betweenSteps: async (step) => {
          if (step === 'contributions') throw new Error('simulated crash');
        },
      }),
    ).rejects.toThrow('simulated crash');
    expect(await tableCounts()).toEqual(Object.fromEntries(Object.keys(await tableCounts()).map((t) => [t, 0])));

    // A slow machine: 1.5 s between each of the five steps, 7.5 s in all, over the 5 s default.
    const started = Date.now();
    const slow = await seedDemo({ betweenSteps: () => new Promise((resolve) => setTimeout(resolve, 1_500)) });
    expect(Date.now() - started).toBeGreaterThan(7_000);
    expect(slow).toEqual(firstResult);
    expect({ ...(await tableCounts()), auth_attempts: 0 }).toEqual({ ...countsAfterFirstSeed, auth_attempts: 0 });
  }, 60_000);

  it('has one open period covering today, with contributions in every status, each with its history', async () => {
    const today = format(new Date(), 'yyyy-MM-dd');
    const open = await db().fundingPeriod.findMany({ where: { status: 'OPEN' } });
    expect(open).toHaveLength(1);
    expect(open[0].startDate.toISOString().slice(0, 10) <= today).toBe(true);
    expect(open[0].endDate.toISOString().slice(0, 10) >= today).toBe(true);

    const statuses = await db().contribution.groupBy({ by: ['status'], where: { periodId: open[0].id }, _count: true });
    expect(statuses.map((group) => group.status).sort()).toEqual([
      'APPROVED',
      'CHANGES_REQUESTED',
      'DRAFT',
      'REJECTED',
      'SUBMITTED',
    ]);

    const withoutHistory = await db().contribution.count({ where: { events: { none: {} } } });
    expect(withoutHistory).toBe(0);
    // Nobody reviewed their own work.
    const selfReviewed = await db().contribution.findMany({
      where: { reviewedById: { not: null } },
      select: { personId: true, reviewedById: true },
    });
    expect(selfReviewed.length).toBeGreaterThan(0);
    expect(selfReviewed.filter((row) => row.personId === row.reviewedById)).toEqual([]);
  });

  it('changes nothing when run a second time', async () => {
    const again = await seedDemo();
    expect(again.seeded).toBe(false);
    expect(again.people).toBe(DEMO_PEOPLE.length);
    expect(again.contributions).toBe(firstResult.contributions);
    const counts = await tableCounts();
    // Sign-in attempts and the SEPA export's audit entry of the tests above are the only new rows.
    expect({ ...counts, auth_attempts: 0, audit_log: 0 }).toEqual({
      ...countsAfterFirstSeed,
      auth_attempts: 0,
      audit_log: 0,
    });
  });
});
