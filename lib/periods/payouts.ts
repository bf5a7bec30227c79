// Payouts of a period: gathers the pricing module's input in one query for the approved
// contributions (never one by one), runs the pure module, and freezes the result on close.
import 'server-only';
import type { Tx } from '@/lib/db';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import {
  computePayoutsWithClaims,
  overdrawnChantiers,
  type ApprovedContribution,
  type ClaimsPricingInput,
} from '@/lib/pricing';
import { writeAudit } from '@/lib/audit';
import { loadApprovedClaims, loadPreviewClaims, priceableClaims } from './claims-input';

type Reader = Pick<Tx, '$queryRaw' | 'fundingPeriod'>;

export async function loadPeriodSettings(client: Reader, periodId: string): Promise<ClaimsPricingInput['settings']> {
  const period = await client.fundingPeriod.findUnique({
    where: { id: periodId },
    include: { envelopes: true, rateOverrides: true },
  });
  if (!period) throw new AppError('NOT_FOUND', 'Period not found');
  return {
    defaultRateCents: period.defaultRateCents,
    capMinutes: period.capMinutes,
    overflowPolicy: period.overflowPolicy,
    mileageRateCents: period.mileageRateCents,
    envelopes: period.envelopes.map((envelope) => ({
      chantierId: envelope.chantierId,
      amountCents: envelope.amountCents,
    })),
    rates: period.rateOverrides.map((rate) => ({
      personId: rate.personId,
      chantierId: rate.chantierId,
      rateCents: rate.rateCents,
    })),
  };
}

/** Every approved contribution of the period, as the pricing module takes them. */
async function loadApprovedContributions(client: Reader, periodId: string): Promise<ApprovedContribution[]> {
  const rows = await client.$queryRaw<
    {
      id: string;
      person_id: string;
      chantier_id: string;
      place_id: string | null;
      date: string;
      created_at: Date;
      minutes: number;
      volunteer: boolean;
    }[]
  >`SELECT id, person_id, chantier_id, place_id, to_char(date, 'YYYY-MM-DD') AS date, created_at, minutes, volunteer
      FROM contributions
     WHERE period_id = ${periodId} AND status = 'APPROVED' AND deleted_at IS NULL`;
  return rows.map((row) => ({
    id: row.id,
    personId: row.person_id,
    chantierId: row.chantier_id,
    placeId: row.place_id,
    date: row.date,
    createdAt: row.created_at.toISOString(),
    minutes: row.minutes,
    volunteer: row.volunteer,
  }));
}

/**
 * The pricing module's input with every approved contribution and claim: what a close freezes.
 * Trips of a period without a mileage rate are left out (a close refuses them first).
 */
export async function loadPricingInput(client: Reader, periodId: string): Promise<ClaimsPricingInput> {
  const settings = await loadPeriodSettings(client, periodId);
  const claims = priceableClaims(await loadApprovedClaims(client, periodId), settings.mileageRateCents ?? null);
  return { settings, contributions: await loadApprovedContributions(client, periodId), claims };
}

// Dates of the stand-in contributions below: every paid part sorts before every capped part.
const PAID_PART_DATE = '2000-01-01';
const CAPPED_PART_DATE = '2000-01-02';
const PART_CREATED_AT = '2000-01-01T00:00:00.000Z';

/**
 * A pricing input that prices to exactly the same lines as `loadPricingInput`'s, with a few
 * thousand rows instead of every contribution: for the live preview of a large open period.
 *
 * Under PRORATA, the order of contributions matters only for the per-person cap, so the database
 * sums them per person × chantier × bénévole, after splitting each person's minutes at the cap in
 * the funding order (date, creation time, id — ids compared bytewise, as the module does). Each
 * group becomes at most two stand-in contributions: its paid minutes, dated before every capped
 * part, and its capped minutes, dated after. A person's paid parts add up to at most the cap and
 * come first, so the module's own cap (step 3) pays them whole and caps the rest whole — the same
 * minutes per line as from the contributions themselves, hence the same cents. FIRST_COME funds
 * contributions one by one in that order, so it keeps every contribution. Approved claims are
 * summed per person × chantier × kind (loadPreviewClaims): the same cents, whatever the policy.
 */
export async function loadPreviewPricingInput(periodId: string): Promise<ClaimsPricingInput> {
  const settings = await loadPeriodSettings(db(), periodId);
  const claims = priceableClaims(await loadPreviewClaims(db(), periodId), settings.mileageRateCents ?? null);
  if (settings.overflowPolicy !== 'PRORATA')
    return { settings, contributions: await loadApprovedContributions(db(), periodId), claims };
  type Group = { person_id: string; chantier_id: string; volunteer: boolean; paid: number; capped: number };
  const cap = settings.capMinutes ?? null;
  const groups =
    cap === null
      ? await db().$queryRaw<Group[]>`
          SELECT person_id, chantier_id, volunteer, sum(minutes)::int AS paid, 0 AS capped
            FROM contributions
           WHERE period_id = ${periodId} AND status = 'APPROVED' AND deleted_at IS NULL
           GROUP BY person_id, chantier_id, volunteer`
      : await db().$queryRaw<Group[]>`
          WITH split AS (
            SELECT person_id, chantier_id, volunteer, minutes,
                   CASE WHEN volunteer THEN minutes
                        ELSE LEAST(minutes, GREATEST(0, ${cap}::int - (
                               sum(minutes) FILTER (WHERE NOT volunteer)
                                 OVER (PARTITION BY person_id ORDER BY date, created_at, id COLLATE "C" ROWS UNBOUNDED PRECEDING)
                               - minutes)))
                   END AS paid
              FROM contributions
             WHERE period_id = ${periodId} AND status = 'APPROVED' AND deleted_at IS NULL
          )
          SELECT person_id, chantier_id, volunteer, sum(paid)::int AS paid, sum(minutes - paid)::int AS capped
            FROM split
           GROUP BY person_id, chantier_id, volunteer`;
  const contributions: ApprovedContribution[] = [];
  for (const group of groups) {
    const key = `${group.person_id}:${group.chantier_id}:${group.volunteer ? 'v' : 'p'}`;
    const part = {
      personId: group.person_id,
      chantierId: group.chantier_id,
      createdAt: PART_CREATED_AT,
      volunteer: group.volunteer,
      placeId: null,
    };
    if (group.paid > 0) contributions.push({ ...part, id: `paid:${key}`, date: PAID_PART_DATE, minutes: group.paid });
    if (group.capped > 0)
      contributions.push({ ...part, id: `capped:${key}`, date: CAPPED_PART_DATE, minutes: group.capped });
  }
  return { settings, contributions, claims };
}

async function chantierNames(client: Pick<Tx, '$queryRaw'>, ids: string[]): Promise<Map<string, string>> {
  const rows = await client.$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM chantiers WHERE id = ANY(${ids}::text[])`;
  return new Map(rows.map((row) => [row.id, row.name]));
}

/** A period whose mileage rate was removed after trips were approved cannot price them: say so. */
async function refuseUnpricedTrips(client: Pick<Tx, '$queryRaw'>, periodId: string) {
  const [row] = await client.$queryRaw<{ trips: number }[]>`
    SELECT count(*)::int AS trips
      FROM claims c JOIN funding_periods f ON f.id = c.period_id
     WHERE c.period_id = ${periodId} AND c.status = 'APPROVED' AND c.deleted_at IS NULL
       AND c.kind = 'MILEAGE' AND f.mileage_rate_cents IS NULL`;
  if (row && row.trips > 0) {
    throw new AppError('CONFLICT', `${row.trips} approved trip(s) need the period's mileage rate`, {
      messageKey: 'claimsPay.errors.mileageRateMissing',
      values: { count: row.trips },
    });
  }
}

/** A contribution that blocks a close: still waiting for a referent (submitted, or sent back for changes). */
export type PendingContribution = {
  id: string;
  personId: string;
  personName: string;
  chantierId: string;
  chantierName: string;
  date: string;
  minutes: number;
  status: 'SUBMITTED' | 'CHANGES_REQUESTED';
};

/** The contributions of a period still waiting for a referent: what a close would be refused for. */
export async function listPendingContributions(options: {
  actor: Actor;
  periodId: string;
}): Promise<PendingContribution[]> {
  assertCan(options.actor, 'periods.close');
  return pendingContributions(db(), options.periodId);
}

async function pendingContributions(client: Pick<Tx, '$queryRaw'>, periodId: string): Promise<PendingContribution[]> {
  return client.$queryRaw<PendingContribution[]>`
      SELECT c.id, c.person_id AS "personId", p.name AS "personName", c.chantier_id AS "chantierId", ch.name AS "chantierName",
             to_char(c.date, 'YYYY-MM-DD') AS date, c.minutes, c.status::text AS status
        FROM contributions c JOIN people p ON p.id = c.person_id JOIN chantiers ch ON ch.id = c.chantier_id
       WHERE c.period_id = ${periodId} AND c.deleted_at IS NULL AND c.status IN ('SUBMITTED', 'CHANGES_REQUESTED')
       ORDER BY c.date, c.id`;
}

/** A claim that blocks a close, like a pending contribution: what it is and for how much. */
export type PendingClaim = Omit<PendingContribution, 'minutes'> & {
  kind: 'EXPENSE' | 'MILEAGE' | 'FIXED_FEE' | 'IN_KIND';
  description: string;
  amountCents: number | null;
  distanceKm: number | null;
};

/** The claims of a period still waiting for a referent, listed by the close form as its contributions are. */
export async function listPendingClaims(options: { actor: Actor; periodId: string }): Promise<PendingClaim[]> {
  assertCan(options.actor, 'periods.close');
  return pendingClaimsOf(db(), options.periodId);
}

async function pendingClaimsOf(client: Pick<Tx, '$queryRaw'>, periodId: string): Promise<PendingClaim[]> {
  return client.$queryRaw<PendingClaim[]>`
      SELECT c.id, c.person_id AS "personId", p.name AS "personName", c.chantier_id AS "chantierId", ch.name AS "chantierName",
             to_char(c.date, 'YYYY-MM-DD') AS date, c.kind::text AS kind, c.status::text AS status,
             c.description, c.amount_cents AS "amountCents", c.distance_km AS "distanceKm"
        FROM claims c JOIN people p ON p.id = c.person_id JOIN chantiers ch ON ch.id = c.chantier_id
       WHERE c.period_id = ${periodId} AND c.deleted_at IS NULL AND c.status IN ('SUBMITTED', 'CHANGES_REQUESTED')
       ORDER BY c.date, c.id`;
}

/**
 * Closes a period: refused while contributions or claims still wait for review, while a chantier
 * is overdrawn (its fixed amounts exceed its envelope: ENVELOPE_OVERDRAWN lists them) or approved
 * trips lack the mileage rate; otherwise freezes a payout run (every input and every line) in the same transaction as the status change. The period row
 * is locked first, so two treasurers closing at once produce one run.
 */
export async function closePeriod(options: { actor: Actor; periodId: string }) {
  assertCan(options.actor, 'periods.close');
  return db().$transaction((tx) => closePeriodInTx(tx, options));
}

/** The close itself, inside a transaction the caller holds (the demo seed closes in its own). */
export async function closePeriodInTx(tx: Tx, options: { actor: Actor; periodId: string }) {
  assertCan(options.actor, 'periods.close');
  const locked = await tx.$queryRaw<
    { status: string }[]
  >`SELECT status FROM funding_periods WHERE id = ${options.periodId} FOR UPDATE`;
  if (locked.length === 0) throw new AppError('NOT_FOUND', 'Period not found');
  if (locked[0].status !== 'OPEN')
    throw new AppError('PERIOD_NOT_OPEN', `The period is ${locked[0].status.toLowerCase()}, not open`);
  const pending = await pendingContributions(tx, options.periodId);
  const pendingClaims = await pendingClaimsOf(tx, options.periodId);
  if (pending.length + pendingClaims.length > 0) {
    throw new AppError(
      'PENDING_CONTRIBUTIONS',
      `${pending.length} contribution(s) and ${pendingClaims.length} claim(s) still wait for review`,
      { details: { pending, pendingClaims } },
    );
  }
  await refuseUnpricedTrips(tx, options.periodId);
  const input = await loadPricingInput(tx, options.periodId);
  const result = computePayoutsWithClaims(input);
  const overdrawn = overdrawnChantiers(result);
  if (overdrawn.length > 0) {
    const names = await chantierNames(
      tx,
      overdrawn.map((chantier) => chantier.chantierId),
    );
    const listed = overdrawn.map((chantier) => ({
      ...chantier,
      chantierName: names.get(chantier.chantierId) ?? chantier.chantierId,
    }));
    const chantiers = listed.map((chantier) => chantier.chantierName).join(', ');
    throw new AppError(
      'ENVELOPE_OVERDRAWN',
      `The fixed amounts exceed the envelope of ${chantiers}: raise the envelope or un-approve a claim`,
      { messageKey: 'claimsPay.errors.envelopeOverdrawn', values: { chantiers }, details: { overdrawn: listed } },
    );
  }
  const run = await tx.payoutRun.create({
    data: {
      periodId: options.periodId,
      inputs: JSON.parse(JSON.stringify(input)),
      totalAmountCents: result.totals.amountCents,
      createdById: options.actor.id,
      lines: {
        // Each line is stored as the module computed it; the explanation as plain JSON.
        // (The claims priced into each line are in the run's frozen inputs.)
        create: result.lines.map(({ explanation, claims: _claims, ...line }) => ({
          ...line,
          explanation: JSON.parse(JSON.stringify(explanation)),
        })),
      },
    },
  });
  await tx.fundingPeriod.update({
    where: { id: options.periodId },
    data: { status: 'CLOSED', closedAt: new Date(), closedById: options.actor.id, version: { increment: 1 } },
  });
  await writeAudit(tx, {
    actorId: options.actor.id,
    action: 'period.closed',
    entityType: 'period',
    entityId: options.periodId,
    data: { runId: run.id, totalAmountCents: result.totals.amountCents },
  });
  return { status: 'CLOSED' as const, runId: run.id, totals: result.totals };
}
