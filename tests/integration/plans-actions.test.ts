// The Prévisionnel screen's server actions against the real database: who may save which
// chantier's plan and copy the previous period's (a matrix of roles), what a bad row gets (a French
// message on its field, nothing saved), and the copy — the chantiers the caller manages, replaced
// whole in one transaction, refused on a period that is not open or with nothing to copy. Only
// Next's request context is stood in for (the session, the locale cookie, the cache).
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '@/lib/db';
import type { ActionState } from '@/lib/actions/form-action';
import { copyPreviousPlanAction, savePlanAction } from '@/lib/plans/actions';
import { ANYONE } from '@/lib/plans/form';
import type { Actor } from '@/lib/auth/permissions';
import type * as ActorModule from '@/lib/auth/actor';
import { createChantier, createPeriod, createPerson, resetDatabase, setPeriodStatus } from '../support/database';

const context = vi.hoisted(() => ({ personId: null as string | null }));

vi.mock('next/headers', () => ({ cookies: async () => ({ get: () => undefined }) }));
vi.mock('next/cache', () => ({ revalidatePath: () => undefined }));
vi.mock('@/lib/auth/actor', async (importOriginal) => {
  const actual = await importOriginal<typeof ActorModule>();
  return {
    ...actual,
    sessionActor: async () => (context.personId ? actual.loadActor(context.personId, 'session') : null),
  };
});

type Who = 'admin' | 'treasurer' | 'referent' | 'otherReferent' | 'contributor';
const EVERYONE: Who[] = ['admin', 'treasurer', 'referent', 'otherReferent', 'contributor'];
const people = {} as Record<Who, Actor>;
let chantierId: string;
let otherChantierId: string;
let year = 2050;

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.append(name, value);
  return data;
}

const as = (who: Who) => {
  context.personId = people[who].id;
};
const failed = (state: ActionState) => {
  if (!state || state.ok) throw new Error(`expected a refusal, got ${JSON.stringify(state)}`);
  return state;
};
const linesOf = (periodId: string) =>
  db().planLine.findMany({
    where: { periodId },
    select: { chantierId: true, personId: true, plannedMinutes: true, plannedFixedCents: true },
    orderBy: [{ chantierId: 'asc' }, { personId: 'asc' }],
  });

/** Two periods back to back (a year of their own): the first with a plan on both chantiers. */
async function twoPeriods() {
  year++;
  const previous = await createPeriod({ startDate: `${year}-01-01`, endDate: `${year}-01-31` });
  const current = await createPeriod({ startDate: `${year}-02-01`, endDate: `${year}-02-28` });
  await db().planLine.createMany({
    data: [
      { periodId: previous.id, chantierId, personId: people.contributor.id, plannedMinutes: 600, plannedFixedCents: 0 },
      { periodId: previous.id, chantierId, personId: null, plannedMinutes: 120, plannedFixedCents: 5_000 },
      { periodId: previous.id, chantierId: otherChantierId, personId: null, plannedMinutes: 60, plannedFixedCents: 0 },
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
});

beforeEach(() => {
  context.personId = null;
});

describe('savePlanAction × roles', () => {
  const allowed: Record<Who, boolean> = {
    admin: false,
    treasurer: true,
    referent: true,
    otherReferent: false,
    contributor: false,
  };

  it.each(EVERYONE)('as %s on the referent’s chantier', async (who) => {
    const { current } = await twoPeriods();
    as(who);
    const state = await savePlanAction(
      null,
      form({
        periodId: current.id,
        chantierId,
        'lines.0.personId': people.contributor.id,
        'lines.0.hours': '7h30',
        'lines.1.personId': ANYONE,
        'lines.1.amount': '12,50',
      }),
    );
    if (allowed[who]) {
      expect(state).toEqual({ ok: true, message: 'Prévisionnel enregistré : Animation.' });
      expect(await linesOf(current.id)).toEqual([
        { chantierId, personId: people.contributor.id, plannedMinutes: 450, plannedFixedCents: 0 },
        { chantierId, personId: null, plannedMinutes: 0, plannedFixedCents: 1_250 },
      ]);
    } else {
      expect(failed(state).code).toBe('FORBIDDEN');
      expect(await linesOf(current.id)).toEqual([]);
    }
  });

  it('answers a bad row with a French message on its field and saves nothing', async () => {
    const { current } = await twoPeriods();
    as('treasurer');
    const state = failed(
      await savePlanAction(
        null,
        form({
          periodId: current.id,
          chantierId,
          'lines.0.personId': people.contributor.id,
          'lines.0.hours': '-2',
          'lines.1.personId': people.contributor.id,
          'lines.2.personId': people.referent.id,
          'lines.2.amount': 'cher',
        }),
      ),
    );
    expect(state.code).toBe('VALIDATION');
    expect(state.fields).toEqual({
      'lines.0.hours': "Un nombre d'heures ne peut pas être négatif.",
      'lines.1.personId': 'Cette personne a déjà une ligne dans ce chantier.',
      'lines.2.amount': 'Montant non compris : écrivez par exemple 30 ou 30,50.',
    });
    expect(await linesOf(current.id)).toEqual([]);
  });

  it('refuses a period that is not open', async () => {
    const { previous } = await twoPeriods();
    as('treasurer');
    const state = failed(
      await savePlanAction(null, form({ periodId: previous.id, chantierId, 'lines.0.personId': ANYONE })),
    );
    expect(state.code).toBe('PERIOD_NOT_OPEN');
  });
});

describe('copyPreviousPlanAction × roles', () => {
  const copied: Record<Who, string[] | null> = {
    admin: null,
    treasurer: ['both'],
    referent: ['mine'],
    otherReferent: ['other'],
    contributor: null,
  };

  it.each(EVERYONE)('as %s', async (who) => {
    const { current } = await twoPeriods();
    // What was planned already on the referent's chantier is replaced whole by a copy.
    await db().planLine.create({
      data: {
        periodId: current.id,
        chantierId,
        personId: people.referent.id,
        plannedMinutes: 1,
        plannedFixedCents: 0,
        updatedById: people.treasurer.id,
      },
    });
    as(who);
    const state = await copyPreviousPlanAction(null, form({ periodId: current.id }));
    const mine = [
      { chantierId, personId: people.contributor.id, plannedMinutes: 600, plannedFixedCents: 0 },
      { chantierId, personId: null, plannedMinutes: 120, plannedFixedCents: 5_000 },
    ];
    const untouchedMine = [{ chantierId, personId: people.referent.id, plannedMinutes: 1, plannedFixedCents: 0 }];
    const other = [{ chantierId: otherChantierId, personId: null, plannedMinutes: 60, plannedFixedCents: 0 }];
    const sorted = (lines: typeof mine) =>
      [...lines].sort((a, b) =>
        a.chantierId === b.chantierId
          ? String(a.personId ?? '~').localeCompare(String(b.personId ?? '~'))
          : a.chantierId < b.chantierId
            ? -1
            : 1,
      );
    const stored = sorted(await linesOf(current.id));
    switch (copied[who]?.[0]) {
      case 'both':
        expect(state).toEqual({ ok: true, message: '2 chantiers copiés depuis la période précédente.' });
        expect(stored).toEqual(sorted([...mine, ...other]));
        break;
      case 'mine':
        expect(state).toEqual({ ok: true, message: '1 chantier copié depuis la période précédente.' });
        expect(stored).toEqual(sorted(mine));
        break;
      case 'other':
        expect(state).toEqual({ ok: true, message: '1 chantier copié depuis la période précédente.' });
        expect(stored).toEqual(sorted([...untouchedMine, ...other]));
        break;
      default:
        expect(failed(state).code).toBe('FORBIDDEN');
        expect(stored).toEqual(untouchedMine);
    }
  });

  it('refuses a period that is not open, and changes nothing', async () => {
    const { current } = await twoPeriods();
    await setPeriodStatus(current.id, 'CLOSED');
    as('treasurer');
    const state = failed(await copyPreviousPlanAction(null, form({ periodId: current.id })));
    expect(state.code).toBe('PERIOD_NOT_OPEN');
    expect(await linesOf(current.id)).toEqual([]);
  });

  it('says so when the previous period has nothing to copy', async () => {
    year++;
    const lonely = await createPeriod({ startDate: `${year}-06-01`, endDate: `${year}-06-30` });
    as('treasurer');
    const state = failed(await copyPreviousPlanAction(null, form({ periodId: lonely.id })));
    expect([state.code, state.message]).toEqual([
      'CONFLICT',
      "La période précédente n'a pas de prévisionnel que vous puissiez copier.",
    ]);
  });

  it('copies every chantier or none: a plan line the database refuses undoes the whole copy', async () => {
    const { current } = await twoPeriods();
    // The chantier copied last (they are copied in id order) cannot be written: a trigger refuses
    // its lines, after the first chantier's were written in the same transaction.
    const last = [chantierId, otherChantierId].sort().at(-1);
    await db().$executeRawUnsafe(`
      CREATE OR REPLACE FUNCTION plans_test_refuse() RETURNS trigger AS $$
      BEGIN
        IF NEW.chantier_id = '${last}' AND NEW.period_id = '${current.id}' THEN
          RAISE EXCEPTION 'refused for the test';
        END IF;
        RETURN NEW;
      END $$ LANGUAGE plpgsql`);
    await db().$executeRawUnsafe(
      `CREATE TRIGGER plans_test_refuse BEFORE INSERT ON plan_lines FOR EACH ROW EXECUTE FUNCTION plans_test_refuse()`,
    );
    try {
      as('treasurer');
      const state = failed(await copyPreviousPlanAction(null, form({ periodId: current.id })));
      expect(state.code).toBe('INTERNAL');
      expect(await linesOf(current.id)).toEqual([]);
    } finally {
      await db().$executeRawUnsafe(`DROP TRIGGER plans_test_refuse ON plan_lines`);
      await db().$executeRawUnsafe(`DROP FUNCTION plans_test_refuse()`);
    }
  });
});
