// The plan of a period (docs/plans.md): read against what is realised, and replaced a chantier at
// a time by a treasurer or a referent of that chantier while the period is open.
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hasRole, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { getSettings } from '@/lib/settings/settings';
import { todayIn } from '@/lib/contributions/server/periods';
import { fromIsoDate } from '@/lib/format/date';
import { loadPeriodSettings } from '@/lib/periods/payouts';
import { seesEveryone } from '@/lib/periods/periods';
import { computeDashboard, periodDays, type CommittedFee } from '@/lib/plans/dashboard';
import { loadPreviewClaims, priceableClaims } from '@/lib/periods/claims-input';
import { paceOf, type Pace } from '@/lib/plans/pace';
import { burnUpSeries, type BurnUp, type BurnUpDay } from '@/lib/plans/burn-up';
import type { ApprovedContribution } from '@/lib/pricing';
import type { TChantierPlanInput, TChantierPlanOut, TPlanCopyOut, TPlanOut } from '@/lib/plans/schemas';

/** Who may write a chantier's plan: a treasurer, or a referent of that chantier. */
export function canPlanChantier(actor: Pick<Actor, 'roles' | 'referentOf'>, chantierId: string): boolean {
  return hasRole(actor, 'TREASURER') || actor.referentOf.includes(chantierId);
}

type Group = {
  person_id: string;
  chantier_id: string;
  volunteer: boolean;
  declared_paid: number;
  declared_capped: number;
  approved_paid: number;
  approved_capped: number;
};

// Dates of the stand-ins below: every paid part sorts before every capped part.
const PAID_PART_DATE = '2000-01-01';
const CAPPED_PART_DATE = '2000-01-02';
const PART_CREATED_AT = '2000-01-01T00:00:00.000Z';

/**
 * The approved and the declared (approved and submitted) contributions of a period as the
 * dashboard prices them, summed by the database per person × chantier × bénévole after splitting
 * each person's minutes at the cap in the funding order (date, creation time, id bytewise) — once
 * among the approved ones, once among all declared ones. Each group becomes at most two stand-ins,
 * its paid minutes dated before every capped part: pricing's cap then pays and caps the same
 * minutes as from the contributions themselves (as `loadPreviewPricingInput` does for payouts).
 */
export async function loadDeclaredForDashboard(periodId: string, capMinutes: number | null) {
  const groups = await db().$queryRaw<Group[]>`
    WITH split AS (
      SELECT person_id, chantier_id, volunteer, minutes, status = 'APPROVED' AS approved,
             CASE WHEN volunteer OR ${capMinutes}::int IS NULL THEN minutes
                  ELSE LEAST(minutes, GREATEST(0, ${capMinutes}::int - (
                         sum(minutes) FILTER (WHERE NOT volunteer) OVER funding - minutes)))
             END AS declared_paid,
             CASE WHEN status <> 'APPROVED' THEN 0
                  WHEN volunteer OR ${capMinutes}::int IS NULL THEN minutes
                  ELSE LEAST(minutes, GREATEST(0, ${capMinutes}::int - (
                         sum(minutes) FILTER (WHERE NOT volunteer AND status = 'APPROVED') OVER funding - minutes)))
             END AS approved_paid
        FROM contributions
       WHERE period_id = ${periodId} AND status IN ('SUBMITTED', 'APPROVED') AND deleted_at IS NULL
      WINDOW funding AS (PARTITION BY person_id ORDER BY date, created_at, id COLLATE "C" ROWS UNBOUNDED PRECEDING)
    )
    SELECT person_id, chantier_id, volunteer,
           sum(declared_paid)::int AS declared_paid, sum(minutes - declared_paid)::int AS declared_capped,
           sum(approved_paid)::int AS approved_paid,
           (sum(minutes) FILTER (WHERE approved) - coalesce(sum(approved_paid) FILTER (WHERE approved), 0))::int
             AS approved_capped
      FROM split
     GROUP BY person_id, chantier_id, volunteer`;
  const approved: ApprovedContribution[] = [];
  const declared: ApprovedContribution[] = [];
  const push = (into: ApprovedContribution[], group: Group, paid: number, capped: number | null) => {
    const key = `${group.person_id}:${group.chantier_id}:${group.volunteer ? 'v' : 'p'}`;
    const part = {
      personId: group.person_id,
      chantierId: group.chantier_id,
      createdAt: PART_CREATED_AT,
      volunteer: group.volunteer,
      placeId: null,
    };
    if (paid > 0) into.push({ ...part, id: `paid:${key}`, date: PAID_PART_DATE, minutes: paid });
    if (capped) into.push({ ...part, id: `capped:${key}`, date: CAPPED_PART_DATE, minutes: capped });
  };
  for (const group of groups) {
    push(declared, group, group.declared_paid, group.declared_capped);
    push(approved, group, group.approved_paid, group.approved_capped);
  }
  return { approved, declared };
}

/**
 * The fixed fees committed for someone and not approved yet (docs/claims.md): still COMMITTED, or
 * submitted by their person and waiting for review. They count in the forecast, not the demand.
 */
async function loadCommittedFees(periodId: string): Promise<CommittedFee[]> {
  const rows = await db().$queryRaw<{ chantier_id: string; person_id: string; amount_cents: number }[]>`
    SELECT chantier_id, person_id, amount_cents
      FROM claims
     WHERE period_id = ${periodId} AND kind = 'FIXED_FEE' AND deleted_at IS NULL AND amount_cents IS NOT NULL
       AND (status = 'COMMITTED'
            OR (created_by_id <> person_id AND status IN ('SUBMITTED', 'CHANGES_REQUESTED')))`;
  return rows.map((row) => ({ chantierId: row.chantier_id, personId: row.person_id, amountCents: row.amount_cents }));
}

/**
 * The period's dashboard for the whole collective, read in a few queries whatever its size (no
 * caller's view: getPeriodPlan filters it; the alerts and the compte rendu use it whole).
 */
export async function loadPeriodDashboard(options: { periodId: string; today?: string }) {
  const period = await db().fundingPeriod.findUnique({
    where: { id: options.periodId },
    select: { id: true, startDate: true, endDate: true },
  });
  if (!period) throw new AppError('NOT_FOUND', 'Period not found');
  const settings = await loadPeriodSettings(db(), period.id);
  const [collective, planLines, declared, approvedClaims, committedFees] = await Promise.all([
    getSettings(),
    db().planLine.findMany({
      where: { periodId: period.id },
      select: { chantierId: true, personId: true, plannedMinutes: true, plannedFixedCents: true },
    }),
    loadDeclaredForDashboard(period.id, settings.capMinutes ?? null),
    loadPreviewClaims(db(), period.id),
    loadCommittedFees(period.id),
  ]);
  const chantierIds = new Set<string>([
    ...settings.envelopes.map((envelope) => envelope.chantierId),
    ...planLines.map((line) => line.chantierId),
    ...declared.declared.map((row) => row.chantierId),
  ]);
  const active = await db().chantier.findMany({ where: { active: true }, select: { id: true } });
  for (const chantier of active) chantierIds.add(chantier.id);

  return computeDashboard({
    settings,
    startDate: period.startDate.toISOString().slice(0, 10),
    endDate: period.endDate.toISOString().slice(0, 10),
    today: options.today ?? todayIn(collective.timeZone),
    chantierIds: [...chantierIds],
    plan: planLines,
    ...declared,
    // The approved claims are the fixed amounts F (pricing's step 0, summed per person × chantier
    // × kind as the preview does); trips wait for the period's mileage rate.
    approvedClaims: priceableClaims(approvedClaims, settings.mileageRateCents ?? null),
    committedFees,
  });
}

/** The plan of a period against its realised and forecast figures, as this caller may see it. */
export async function getPeriodPlan(options: { actor: Actor; periodId: string; today?: string }): Promise<TPlanOut> {
  const dashboard = await loadPeriodDashboard(options);
  // Chantier figures are the collective's; per-person lines follow the payouts' transparency rule
  // (everyone's with transparency on or for a treasurer; a referent sees their chantiers' lines).
  const everyone = await seesEveryone(options.actor);
  const chantiers = dashboard.chantiers.map((chantier) =>
    everyone || options.actor.referentOf.includes(chantier.chantierId)
      ? chantier
      : {
          ...chantier,
          lines: chantier.lines.filter((line) => line.personId === null || line.personId === options.actor.id),
        },
  );
  return { periodId: options.periodId, ...dashboard, chantiers };
}

/** The period's rates and cap, for the Prévisionnel screen's live figures. */
export function loadPlanSettings(periodId: string) {
  return loadPeriodSettings(db(), periodId);
}

/** A chantier's name, for the messages that name it. */
export async function chantierName(chantierId: string): Promise<string> {
  const chantier = await db().chantier.findUnique({ where: { id: chantierId }, select: { name: true } });
  return chantier?.name ?? '';
}

/** Locks the period's row and refuses unless it is open: a close waits for the write. */
async function lockOpenPeriod(tx: Tx, periodId: string) {
  const locked = await tx.$queryRaw<{ status: string; start_date: Date }[]>`
    SELECT status::text AS status, start_date FROM funding_periods WHERE id = ${periodId} FOR UPDATE`;
  if (locked.length === 0) throw new AppError('NOT_FOUND', 'Period not found');
  if (locked[0]!.status !== 'OPEN')
    throw new AppError('PERIOD_NOT_OPEN', `The period is ${locked[0]!.status.toLowerCase()}: its plan is frozen`);
  return { startDate: locked[0]!.start_date };
}

/** Writes a chantier's plan inside a transaction that holds the open period's lock. */
async function writeChantierPlan(
  tx: Tx,
  options: { actor: Actor; periodId: string; chantierId: string; input: TChantierPlanInput },
) {
  const { actor, periodId, chantierId, input } = options;
  const chantier = await tx.chantier.findUnique({ where: { id: chantierId }, select: { id: true } });
  if (!chantier) throw new AppError('NOT_FOUND', 'Chantier not found');
  const personIds = input.lines.flatMap((line) => (line.personId === null ? [] : [line.personId]));
  const known = new Set(
    (await tx.person.findMany({ where: { id: { in: personIds } }, select: { id: true } })).map((p) => p.id),
  );
  const fields: Record<string, string> = {};
  input.lines.forEach((line, index) => {
    if (line.personId !== null && !known.has(line.personId)) fields[`lines.${index}.personId`] = 'Unknown person';
  });
  if (Object.keys(fields).length > 0) throw new AppError('VALIDATION', 'Unknown people in the plan', { fields });
  await tx.planLine.deleteMany({ where: { periodId, chantierId } });
  await tx.planLine.createMany({
    data: input.lines.map((line) => ({ ...line, periodId, chantierId, updatedById: actor.id })),
  });
  await writeAudit(tx, {
    actorId: actor.id,
    action: 'plan.replace',
    entityType: 'FundingPeriod',
    entityId: periodId,
    data: { chantierId, lines: input.lines.length },
  });
}

/**
 * Replaces a chantier's plan in one transaction: refused unless the caller is a treasurer or a
 * referent of the chantier, and unless the period is open (its row locked, so a close waits).
 */
export async function replaceChantierPlan(options: {
  actor: Actor;
  periodId: string;
  chantierId: string;
  input: TChantierPlanInput;
}): Promise<TChantierPlanOut> {
  const { actor, periodId, chantierId } = options;
  if (!canPlanChantier(actor, chantierId))
    throw new AppError('FORBIDDEN', 'Only a treasurer or a referent of this chantier may plan it');
  await db().$transaction(async (tx) => {
    await lockOpenPeriod(tx, periodId);
    await writeChantierPlan(tx, options);
  });
  const plan = await getPeriodPlan({ actor, periodId });
  const part = plan.chantiers.find((candidate) => candidate.chantierId === chantierId);
  if (!part) throw new AppError('NOT_FOUND', 'Chantier not found');
  return part;
}

/**
 * Copies the plan of the period before this one (the latest that ends before it starts) onto this
 * open period, in one transaction: every chantier for a treasurer, a referent's own chantiers for
 * a referent (each replaced whole, as `replaceChantierPlan` does). Refused to anyone else, on a
 * period that is not open, and when the previous period has nothing planned that the caller may copy.
 * Answers the period copied from and the chantiers copied.
 */
export async function copyPreviousPlan(options: {
  actor: Actor;
  periodId: string;
}): Promise<{ fromPeriodId: string; chantierIds: string[] }> {
  const { actor, periodId } = options;
  if (!hasRole(actor, 'TREASURER') && actor.referentOf.length === 0)
    throw new AppError('FORBIDDEN', 'Only a treasurer or a referent may plan a period');
  return db().$transaction(async (tx) => {
    const { startDate } = await lockOpenPeriod(tx, periodId);
    const previous = await tx.fundingPeriod.findFirst({
      where: { endDate: { lt: startDate } },
      orderBy: { endDate: 'desc' },
      select: { id: true },
    });
    const lines = previous
      ? await tx.planLine.findMany({
          where: { periodId: previous.id },
          select: { chantierId: true, personId: true, plannedMinutes: true, plannedFixedCents: true },
          orderBy: [{ chantierId: 'asc' }, { personId: 'asc' }],
        })
      : [];
    const byChantier = new Map<string, TChantierPlanInput['lines']>();
    for (const { chantierId, ...line } of lines) {
      if (!canPlanChantier(actor, chantierId)) continue;
      byChantier.set(chantierId, [...(byChantier.get(chantierId) ?? []), line]);
    }
    if (!previous || byChantier.size === 0)
      throw new AppError('CONFLICT', 'The previous period has no plan you may copy', {
        messageKey: 'plans.copy.nothing',
      });
    for (const [chantierId, chantierLines] of byChantier)
      await writeChantierPlan(tx, { actor, periodId, chantierId, input: { lines: chantierLines } });
    return { fromPeriodId: previous.id, chantierIds: [...byChantier.keys()] };
  });
}

/**
 * `POST /api/v1/periods/{id}/plan/copy`: copies the previous period's plan (`copyPreviousPlan`)
 * and answers the copied chantiers' parts, each as `PUT …/plan/{chantierId}` answers it.
 */
export async function copyPreviousPlanParts(options: { actor: Actor; periodId: string }): Promise<TPlanCopyOut> {
  const { fromPeriodId, chantierIds } = await copyPreviousPlan(options);
  const plan = await getPeriodPlan(options);
  const copied = new Set(chantierIds);
  return {
    periodId: options.periodId,
    fromPeriodId,
    chantiers: plan.chantiers.filter((chantier) => copied.has(chantier.chantierId)),
  };
}

type DayRow = { date: string; person_id: string; chantier_id: string; approved: number; declared: number };

/**
 * The minutes per day, person and chantier that the cap leaves paid (bénévole left out), among the
 * approved contributions and among all declared ones: one aggregation by the database, split at
 * the cap in the funding order as `loadDeclaredForDashboard` does.
 */
export async function loadBurnUpDays(periodId: string, capMinutes: number | null): Promise<BurnUpDay[]> {
  const rows = await db().$queryRaw<DayRow[]>`
    WITH split AS (
      SELECT date, person_id, chantier_id, volunteer,
             CASE WHEN ${capMinutes}::int IS NULL THEN minutes
                  ELSE LEAST(minutes, GREATEST(0, ${capMinutes}::int - (
                         sum(minutes) FILTER (WHERE NOT volunteer) OVER funding - minutes)))
             END AS declared_paid,
             CASE WHEN status <> 'APPROVED' THEN 0
                  WHEN ${capMinutes}::int IS NULL THEN minutes
                  ELSE LEAST(minutes, GREATEST(0, ${capMinutes}::int - (
                         sum(minutes) FILTER (WHERE NOT volunteer AND status = 'APPROVED') OVER funding - minutes)))
             END AS approved_paid
        FROM contributions
       WHERE period_id = ${periodId} AND status IN ('SUBMITTED', 'APPROVED') AND deleted_at IS NULL
      WINDOW funding AS (PARTITION BY person_id ORDER BY date, created_at, id COLLATE "C" ROWS UNBOUNDED PRECEDING)
    )
    SELECT to_char(date, 'YYYY-MM-DD') AS date, person_id, chantier_id,
           sum(approved_paid)::int AS approved, sum(declared_paid)::int AS declared
      FROM split
     WHERE NOT volunteer
     GROUP BY date, person_id, chantier_id`;
  return rows.map((row) => ({
    date: row.date,
    personId: row.person_id,
    chantierId: row.chantier_id,
    approvedMinutes: row.approved,
    declaredMinutes: row.declared,
  }));
}

/**
 * The period's dashboard: the plan against the realised (as `getPeriodPlan`, per-person lines by
 * the transparency rule) and the burn-up of one chantier or of all of them.
 */
export async function getPeriodDashboard(options: {
  actor: Actor;
  periodId: string;
  chantierId?: string;
  today?: string;
}): Promise<{ plan: TPlanOut; burnUp: BurnUp }> {
  const plan = await getPeriodPlan(options);
  const [settings, period] = await Promise.all([
    loadPeriodSettings(db(), options.periodId),
    db().fundingPeriod.findUniqueOrThrow({
      where: { id: options.periodId },
      select: { startDate: true, endDate: true },
    }),
  ]);
  const days = await loadBurnUpDays(options.periodId, settings.capMinutes ?? null);
  const drawn = plan.chantiers.filter(
    (chantier) => options.chantierId === undefined || chantier.chantierId === options.chantierId,
  );
  const burnUp = burnUpSeries({
    settings,
    startDate: period.startDate.toISOString().slice(0, 10),
    endDate: period.endDate.toISOString().slice(0, 10),
    today: plan.asOf,
    chantierIds: drawn.map((chantier) => chantier.chantierId),
    days,
    plannedCents: drawn.reduce((sum, chantier) => sum + chantier.plannedCents, 0),
    envelopeCents: drawn.some((chantier) => chantier.envelopeCents === null)
      ? null
      : drawn.reduce((sum, chantier) => sum + (chantier.envelopeCents ?? 0), 0),
  });
  return { plan, burnUp };
}

export type MyPlan = {
  period: { id: string; name: string };
  asOf: string;
  chantiers: { chantierId: string; name: string; plannedMinutes: number; declaredMinutes: number }[];
  plannedMinutes: number;
  declaredMinutes: number;
  expectedMinutes: number;
  pace: Pace;
};

/**
 * One's own plan for the open period under way, against one's submitted and approved minutes,
 * for the home page: two small queries on this person's rows. Null without an open period today
 * or without anything planned for this person.
 */
export async function getMyPlan(options: { actor: Actor; today: string }): Promise<MyPlan | null> {
  const { actor, today } = options;
  const period = await db().fundingPeriod.findFirst({
    where: {
      status: 'OPEN',
      startDate: { lte: fromIsoDate(today) },
      endDate: { gte: fromIsoDate(today) },
    },
    select: { id: true, name: true, startDate: true, endDate: true },
  });
  if (!period) return null;
  const [planned, declared] = await Promise.all([
    db().$queryRaw<{ chantier_id: string; name: string; minutes: number }[]>`
      SELECT p.chantier_id, c.name, p.planned_minutes AS minutes
        FROM plan_lines p JOIN chantiers c ON c.id = p.chantier_id
       WHERE p.period_id = ${period.id} AND p.person_id = ${actor.id} AND p.planned_minutes > 0
       ORDER BY c.name, p.chantier_id`,
    db().$queryRaw<{ chantier_id: string; minutes: number }[]>`
      SELECT chantier_id, sum(minutes)::int AS minutes
        FROM contributions
       WHERE period_id = ${period.id} AND person_id = ${actor.id} AND deleted_at IS NULL
         AND status IN ('SUBMITTED', 'APPROVED')
       GROUP BY chantier_id`,
  ]);
  if (planned.length === 0) return null;
  const declaredOf = new Map(declared.map((row) => [row.chantier_id, row.minutes]));
  const chantiers = planned.map((row) => ({
    chantierId: row.chantier_id,
    name: row.name,
    plannedMinutes: row.minutes,
    declaredMinutes: declaredOf.get(row.chantier_id) ?? 0,
  }));
  const plannedMinutes = chantiers.reduce((sum, row) => sum + row.plannedMinutes, 0);
  const declaredMinutes = chantiers.reduce((sum, row) => sum + row.declaredMinutes, 0);
  const { elapsedDays, totalDays } = periodDays(
    period.startDate.toISOString().slice(0, 10),
    period.endDate.toISOString().slice(0, 10),
    today,
  );
  return {
    period: { id: period.id, name: period.name },
    asOf: today,
    chantiers,
    plannedMinutes,
    declaredMinutes,
    ...paceOf({ plannedMinutes, declaredMinutes, elapsedDays, totalDays }),
  };
}
