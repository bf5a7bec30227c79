// The plan's dashboard and burn-up read a period's submitted and approved contributions as a few sums
// computed by the database (split at the cap in the funding order) instead of row by row. It must
// give exactly the figures the contributions themselves give: compared on random periods — ties on
// date and creation time, ids whose order differs between bytes and a collation, caps cutting
// inside a contribution, both statuses, both overflow policies.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadPeriodSettings } from '@/lib/periods/payouts';
import { computeDashboard, splitDeclared, type DeclaredContribution } from '@/lib/plans/dashboard';
import { loadBurnUpDays, loadDeclaredForDashboard } from '@/lib/plans/server/plan';
import { burnUpSeries } from '@/lib/plans/burn-up';
import { createChantier, createPerson, resetDatabase, sql } from '../support/database';

type Generated = {
  capMinutes: number | null;
  personRate: number | null;
  policy: 'PRORATA' | 'FIRST_COME';
  contributions: {
    person: number;
    chantier: number;
    day: number;
    second: number;
    id: string;
    minutes: number;
    volunteer: boolean;
    approved: boolean;
  }[];
};

const PEOPLE = 4;
const CHANTIERS = 3;
const idArb = fc.stringMatching(/^[aAbB][0-9]{1,3}$/);

const generated: fc.Arbitrary<Generated> = fc.record({
  capMinutes: fc.option(fc.integer({ min: 0, max: 1_500 }), { nil: null }),
  personRate: fc.option(fc.integer({ min: 0, max: 6_000 }), { nil: null }),
  policy: fc.constantFrom('PRORATA' as const, 'FIRST_COME' as const),
  contributions: fc.uniqueArray(
    fc.record({
      person: fc.integer({ min: 0, max: PEOPLE - 1 }),
      chantier: fc.integer({ min: 0, max: CHANTIERS - 1 }),
      day: fc.integer({ min: 1, max: 3 }),
      second: fc.integer({ min: 0, max: 2 }),
      id: idArb,
      minutes: fc.integer({ min: 1, max: 600 }),
      volunteer: fc.boolean(),
      approved: fc.boolean(),
    }),
    { selector: (contribution) => contribution.id, minLength: 0, maxLength: 40 },
  ),
});

let people: string[] = [];
let chantiers: string[] = [];
let month = 0;

/** Stores a generated open period with its submitted and approved contributions; returns it. */
async function storePeriod(data: Generated) {
  month += 1;
  const start = new Date(Date.UTC(2031, month, 1));
  const end = new Date(Date.UTC(2031, month + 1, 0));
  const period = await db().fundingPeriod.create({
    data: {
      name: `Période ${month}`,
      startDate: start,
      endDate: end,
      defaultRateCents: 2_500,
      capMinutes: data.capMinutes,
      overflowPolicy: data.policy,
      envelopes: { create: [{ chantierId: chantiers[0]!, amountCents: 10_000 }] },
      rateOverrides: { create: data.personRate === null ? [] : [{ personId: people[1]!, rateCents: data.personRate }] },
    },
  });
  const iso = (date: Date) => date.toISOString().slice(0, 10);
  // One statement for all of them: a connection per row is slow on a loaded machine.
  const values: unknown[] = [];
  const tuples = data.contributions.map((contribution) => {
    const day = new Date(start.getTime() + (contribution.day - 1) * 86_400_000);
    values.push(
      `p${month}-${contribution.id}`,
      people[contribution.person],
      chantiers[contribution.chantier],
      period.id,
      iso(day),
      contribution.minutes,
      contribution.volunteer,
      contribution.approved ? 'APPROVED' : 'SUBMITTED',
      new Date(Date.UTC(2031, 0, 1, 0, 0, contribution.second)).toISOString(),
    );
    const n = values.length - 9;
    return `($${n + 1}, $${n + 2}, $${n + 3}, $${n + 4}, $${n + 5}::date, $${n + 6}, 'généré', $${n + 7}, $${n + 8}::"ContributionStatus", $${n + 9}::timestamptz, now())`;
  });
  if (tuples.length > 0)
    await sql(
      `INSERT INTO contributions (id, person_id, chantier_id, period_id, date, minutes, description, volunteer, status, created_at, updated_at)
       VALUES ${tuples.join(', ')}`,
      values,
    );
  return { id: period.id, startDate: iso(start), endDate: iso(end) };
}

/** Every submitted and approved contribution of the period, row by row. */
async function loadRows(periodId: string): Promise<DeclaredContribution[]> {
  const rows = await sql<{
    id: string;
    person_id: string;
    chantier_id: string;
    date: string;
    created_at: Date;
    minutes: number;
    volunteer: boolean;
    status: 'SUBMITTED' | 'APPROVED';
  }>(
    `SELECT id, person_id, chantier_id, to_char(date, 'YYYY-MM-DD') AS date, created_at, minutes, volunteer, status::text AS status
       FROM contributions WHERE period_id = $1`,
    [periodId],
  );
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    chantierId: row.chantier_id,
    placeId: null,
    date: row.date,
    createdAt: new Date(row.created_at).toISOString(),
    minutes: row.minutes,
    volunteer: row.volunteer,
    status: row.status,
  }));
}

describe('the dashboard’s summed input and the burn-up’s days', () => {
  beforeAll(async () => {
    await resetDatabase();
    people = [];
    for (let index = 0; index < PEOPLE; index++) people.push((await createPerson({ name: `Personne ${index}` })).id);
    chantiers = [];
    for (let index = 0; index < CHANTIERS; index++)
      chantiers.push((await createChantier({ name: `Chantier ${index}` })).id);
  });

  it('give exactly the figures every contribution gives', async () => {
    await fc.assert(
      fc.asyncProperty(generated, async (data) => {
        const period = await storePeriod(data);
        const settings = await loadPeriodSettings(db(), period.id);
        const base = {
          settings,
          startDate: period.startDate,
          endDate: period.endDate,
          today: period.startDate.slice(0, 8) + '02',
          chantierIds: chantiers,
          plan: [],
          approvedClaims: [],
          committedFees: [],
        };
        const compact = await loadDeclaredForDashboard(period.id, settings.capMinutes ?? null);
        const full = splitDeclared(await loadRows(period.id));
        const dashboard = computeDashboard({ ...base, ...full });
        expect(computeDashboard({ ...base, ...compact })).toEqual(dashboard);
        // The burn-up's days, summed by the database, end on each chantier's demand.
        const days = await loadBurnUpDays(period.id, settings.capMinutes ?? null);
        for (const chantier of dashboard.chantiers) {
          const { points } = burnUpSeries({
            settings,
            startDate: period.startDate,
            endDate: period.endDate,
            today: period.endDate,
            chantierIds: [chantier.chantierId],
            days,
            plannedCents: 0,
            envelopeCents: null,
          });
          expect(points.at(-1)!.approvedCents).toBe(chantier.demandCents);
        }
      }),
      { numRuns: 30 },
    );
  }, 240_000);
});
