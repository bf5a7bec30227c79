// Claims in the plan's figures (docs/plans.md, "Claims in the figures"): the approved claims are
// the chantier's fixed amounts F in the demand and the forecast, the fees committed and not yet
// approved count in the forecast only, and the compte rendu gives the approved in-kind value.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { loadPeriodDashboard } from '@/lib/plans/server/plan';
import { loadCompteRendu } from '@/lib/plans/server/report';
import { createChantier, createPerson, resetDatabase, sql } from '../support/database';

let periodId = '';
let chantierId = '';
let treasurer: Awaited<ReturnType<typeof createPerson>>;

async function claim(values: {
  id: string;
  personId: string;
  createdById?: string;
  kind: 'EXPENSE' | 'MILEAGE' | 'FIXED_FEE' | 'IN_KIND';
  status: 'COMMITTED' | 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'REJECTED' | 'CHANGES_REQUESTED';
  amountCents?: number | null;
  distanceKm?: number | null;
  deleted?: boolean;
}) {
  await sql(
    `INSERT INTO claims (id, person_id, chantier_id, period_id, kind, date, description, amount_cents, distance_km,
                         status, created_by_id, deleted_at, updated_at)
     VALUES ($1, $2, $3, $4, $5::"ClaimKind", '2031-03-10', 'essai', $6, $7, $8::"ClaimStatus", $9,
             CASE WHEN $10 THEN now() END, now())`,
    [
      values.id,
      values.personId,
      chantierId,
      periodId,
      values.kind,
      values.amountCents ?? null,
      values.distanceKm ?? null,
      values.status,
      values.createdById ?? values.personId,
      values.deleted ?? false,
    ],
  );
}

beforeAll(async () => {
  await resetDatabase();
  const chantier = await createChantier({ name: 'Ateliers' });
  chantierId = chantier.id;
  treasurer = await createPerson({ roles: ['TREASURER'] });
  const alice = await createPerson({ name: 'Alice' });
  const bob = await createPerson({ name: 'Bob' });
  const period = await db().fundingPeriod.create({
    data: {
      name: 'Printemps 2031',
      startDate: new Date('2031-03-01T00:00:00Z'),
      endDate: new Date('2031-03-31T00:00:00Z'),
      defaultRateCents: 2_000,
      mileageRateCents: 50,
      envelopes: { create: [{ chantierId, amountCents: 100_000 }] },
    },
  });
  periodId = period.id;
  // F = 12 000 (expense) + 40 km × 50 = 2 000 (trip) + 30 000 (an approved fee) = 44 000.
  await claim({ id: 'c-expense', personId: alice.id, kind: 'EXPENSE', status: 'APPROVED', amountCents: 12_000 });
  await claim({ id: 'c-trip', personId: alice.id, kind: 'MILEAGE', status: 'APPROVED', distanceKm: 40 });
  await claim({
    id: 'c-fee',
    personId: bob.id,
    createdById: treasurer.id,
    kind: 'FIXED_FEE',
    status: 'APPROVED',
    amountCents: 30_000,
  });
  // In-kind: valued for the funder, never in F.
  await claim({ id: 'c-gift', personId: bob.id, kind: 'IN_KIND', status: 'APPROVED', amountCents: 7_500 });
  // Committed and not approved: 20 000 still COMMITTED, 5 000 submitted by its person.
  await claim({
    id: 'c-committed',
    personId: alice.id,
    createdById: treasurer.id,
    kind: 'FIXED_FEE',
    status: 'COMMITTED',
    amountCents: 20_000,
  });
  await claim({
    id: 'c-committed-done',
    personId: bob.id,
    createdById: treasurer.id,
    kind: 'FIXED_FEE',
    status: 'SUBMITTED',
    amountCents: 5_000,
  });
  // Nothing else counts: a draft, a submitted expense, a rejected fee, a deleted approved expense,
  // a fee the person declared herself and submitted (not committed by anyone).
  await claim({ id: 'c-draft', personId: alice.id, kind: 'EXPENSE', status: 'DRAFT', amountCents: 900 });
  await claim({ id: 'c-waiting', personId: alice.id, kind: 'EXPENSE', status: 'SUBMITTED', amountCents: 800 });
  await claim({
    id: 'c-refused',
    personId: bob.id,
    createdById: treasurer.id,
    kind: 'FIXED_FEE',
    status: 'REJECTED',
    amountCents: 700,
  });
  await claim({ id: 'c-own-fee', personId: bob.id, kind: 'FIXED_FEE', status: 'SUBMITTED', amountCents: 600 });
  await claim({
    id: 'c-deleted',
    personId: alice.id,
    kind: 'EXPENSE',
    status: 'APPROVED',
    amountCents: 500,
    deleted: true,
  });
});

describe('claims in the plan', () => {
  it('counts the approved claims as F in the demand, and the committed fees in the forecast only', async () => {
    const dashboard = await loadPeriodDashboard({ periodId, today: '2031-03-16' });
    const chantier = dashboard.chantiers.find((row) => row.chantierId === chantierId)!;
    expect(chantier.fixedCents).toBe(44_000);
    // No hours: the demand is F alone; the forecast adds 20 000 + 5 000 committed.
    expect(chantier.demandCents).toBe(44_000);
    expect(chantier.forecastCents).toBe(69_000);
    expect(chantier.envelopeCents).toBe(100_000);
    expect(chantier.alert).toBe('NONE');
  });

  it('warns once the forecast with the committed fees reaches 80 % of the envelope', async () => {
    await sql(`UPDATE envelopes SET amount_cents = 85000 WHERE period_id = $1`, [periodId]);
    try {
      const dashboard = await loadPeriodDashboard({ periodId, today: '2031-03-16' });
      const chantier = dashboard.chantiers.find((row) => row.chantierId === chantierId)!;
      expect(chantier.forecastCents).toBe(69_000);
      expect(chantier.alert).toBe('WARN');
    } finally {
      await sql(`UPDATE envelopes SET amount_cents = 100000 WHERE period_id = $1`, [periodId]);
    }
  });

  it('leaves the trips out while the period has no mileage rate', async () => {
    await sql(`UPDATE funding_periods SET mileage_rate_cents = NULL WHERE id = $1`, [periodId]);
    try {
      const dashboard = await loadPeriodDashboard({ periodId, today: '2031-03-16' });
      expect(dashboard.chantiers.find((row) => row.chantierId === chantierId)!.fixedCents).toBe(42_000);
    } finally {
      await sql(`UPDATE funding_periods SET mileage_rate_cents = 50 WHERE id = $1`, [periodId]);
    }
  });

  it('gives the approved in-kind value of each chantier in the compte rendu', async () => {
    const { report } = await loadCompteRendu({ actor: treasurer, periodId });
    const row = report.rows.find((candidate) => candidate.chantierId === chantierId)!;
    expect(row.inKindCents).toBe(7_500);
    expect(report.totals.inKindCents).toBe(7_500);
  });
});
