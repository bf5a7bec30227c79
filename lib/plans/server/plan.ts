// The plan of a period (docs/plans.md): read against what is realised, and replaced a chantier at
// a time by a treasurer or a referent of that chantier while the period is open.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hasRole, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { getSettings } from '@/lib/settings/settings';
import { todayIn } from '@/lib/contributions/server/periods';
import { loadPeriodSettings } from '@/lib/periods/payouts';
import { seesEveryone } from '@/lib/periods/periods';
import { computeDashboard, type DeclaredContribution } from '@/lib/plans/dashboard';
import type { TChantierPlanInput, TChantierPlanOut, TPlanOut } from '@/lib/plans/schemas';

/** Who may write a chantier's plan: a treasurer, or a referent of that chantier. */
export function canPlanChantier(actor: Pick<Actor, 'roles' | 'referentOf'>, chantierId: string): boolean {
  return hasRole(actor, 'TREASURER') || actor.referentOf.includes(chantierId);
}

type DeclaredRow = {
  id: string;
  person_id: string;
  chantier_id: string;
  date: string;
  created_at: Date;
  minutes: number;
  volunteer: boolean;
  status: 'SUBMITTED' | 'APPROVED';
};

/**
 * The period's dashboard for the whole collective, read in four queries whatever its size (no
 * caller's view: getPeriodPlan filters it; the alerts and the compte rendu use it whole).
 */
export async function loadPeriodDashboard(options: { periodId: string; today?: string }) {
  const period = await db().fundingPeriod.findUnique({
    where: { id: options.periodId },
    select: { id: true, startDate: true, endDate: true },
  });
  if (!period) throw new AppError('NOT_FOUND', 'Period not found');
  const [settings, collective, planLines, declared] = await Promise.all([
    loadPeriodSettings(db(), period.id),
    getSettings(),
    db().planLine.findMany({
      where: { periodId: period.id },
      select: { chantierId: true, personId: true, plannedMinutes: true, plannedFixedCents: true },
    }),
    db().$queryRaw<DeclaredRow[]>`
      SELECT id, person_id, chantier_id, to_char(date, 'YYYY-MM-DD') AS date, created_at, minutes, volunteer,
             status::text AS status
        FROM contributions
       WHERE period_id = ${period.id} AND status IN ('SUBMITTED', 'APPROVED') AND deleted_at IS NULL`,
  ]);
  const chantierIds = new Set<string>([
    ...settings.envelopes.map((envelope) => envelope.chantierId),
    ...planLines.map((line) => line.chantierId),
    ...declared.map((row) => row.chantier_id),
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
    contributions: declared.map((row): DeclaredContribution => ({
      id: row.id,
      personId: row.person_id,
      chantierId: row.chantier_id,
      date: row.date,
      createdAt: row.created_at.toISOString(),
      minutes: row.minutes,
      volunteer: row.volunteer,
      status: row.status,
    })),
    // Claims are priced by the pricing module (step 0) but not stored yet.
    approvedClaims: [],
    committedFees: [],
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
  const { actor, periodId, chantierId, input } = options;
  if (!canPlanChantier(actor, chantierId))
    throw new AppError('FORBIDDEN', 'Only a treasurer or a referent of this chantier may plan it');
  await db().$transaction(async (tx) => {
    const locked = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM funding_periods WHERE id = ${periodId} FOR UPDATE`;
    if (locked.length === 0) throw new AppError('NOT_FOUND', 'Period not found');
    if (locked[0]!.status !== 'OPEN')
      throw new AppError('PERIOD_NOT_OPEN', `The period is ${locked[0]!.status.toLowerCase()}: its plan is frozen`);
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
  });
  const plan = await getPeriodPlan({ actor, periodId });
  const part = plan.chantiers.find((candidate) => candidate.chantierId === chantierId);
  if (!part) throw new AppError('NOT_FOUND', 'Chantier not found');
  return part;
}
