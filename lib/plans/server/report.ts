// The compte rendu financier of a period (docs/plans.md): read for the exports (a treasurer, like
// the funder report it builds on), and the explanation of each chantier's gap, written by a
// treasurer or a referent of that chantier, whatever the period's state — the report is written
// once the period is over.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { loadFunderReport } from '@/lib/exports/load-funder-report';
import type { ExportPeriod } from '@/lib/exports/export-period';
import { buildCompteRendu, type CompteRendu, type ReportChantierInput } from '@/lib/plans/report';
import type { TPlanExplanationInput, TPlanExplanationOut } from '@/lib/plans/report-schemas';
import { canPlanChantier, loadPeriodDashboard } from '@/lib/plans/server/plan';

/** In-kind value per chantier: its approved IN_KIND claims (docs/claims.md), valued, never paid. */
async function inKindCentsByChantier(periodId: string): Promise<Map<string, number>> {
  const rows = await db().$queryRaw<{ chantier_id: string; cents: string }[]>`
    SELECT chantier_id, sum(amount_cents)::text AS cents
      FROM claims
     WHERE period_id = ${periodId} AND kind = 'IN_KIND' AND status = 'APPROVED' AND deleted_at IS NULL
     GROUP BY chantier_id`;
  return new Map(rows.map((row) => [row.chantier_id, Number(row.cents)]));
}

export async function loadCompteRendu(options: {
  actor: Actor;
  periodId: string;
}): Promise<{ period: ExportPeriod & { frozen: boolean }; report: CompteRendu }> {
  // The funder report checks the permission (exports.read) and gives what the payouts pay.
  const { period, report: funder } = await loadFunderReport(options);
  const [dashboard, explanations, inKind, chantiers] = await Promise.all([
    loadPeriodDashboard({ periodId: period.id }),
    db().planExplanation.findMany({ where: { periodId: period.id }, select: { chantierId: true, text: true } }),
    inKindCentsByChantier(period.id),
    db().chantier.findMany({ select: { id: true, code: true, name: true } }),
  ]);
  const inputs = new Map<string, ReportChantierInput>();
  const entry = (chantierId: string) => {
    let found = inputs.get(chantierId);
    if (!found) {
      const chantier = chantiers.find((candidate) => candidate.id === chantierId);
      found = {
        chantierId,
        code: chantier?.code ?? '',
        name: chantier?.name ?? chantierId,
        plannedCents: 0,
        realisedCents: 0,
        volunteerMinutes: 0,
        volunteerValueCents: 0,
        inKindCents: inKind.get(chantierId) ?? 0,
        explanation: null,
      };
      inputs.set(chantierId, found);
    }
    return found;
  };
  for (const chantier of dashboard.chantiers) entry(chantier.chantierId).plannedCents = chantier.plannedCents;
  for (const row of funder.chantiers) {
    const target = entry(row.chantierId);
    target.realisedCents = row.figures.amountCents;
    target.volunteerMinutes = row.figures.volunteerMinutes;
    target.volunteerValueCents = row.figures.volunteerValueCents;
  }
  for (const explanation of explanations) entry(explanation.chantierId).explanation = explanation.text;
  for (const [chantierId] of inKind) entry(chantierId);
  return { period, report: buildCompteRendu([...inputs.values()]) };
}

/** The explanations of a period this person may write: every chantier for a treasurer, else their own. */
export async function listWritableExplanations(options: { actor: Actor; periodId: string }) {
  const chantiers = await db().chantier.findMany({
    where: { OR: [{ active: true }, { planLines: { some: { periodId: options.periodId } } }] },
    select: { id: true, code: true, name: true, planExplanations: { where: { periodId: options.periodId } } },
    orderBy: { name: 'asc' },
  });
  return chantiers
    .filter((chantier) => canPlanChantier(options.actor, chantier.id))
    .map((chantier) => ({
      chantierId: chantier.id,
      code: chantier.code,
      name: chantier.name,
      text: chantier.planExplanations[0]?.text ?? '',
    }));
}

/** Writes (or, with an empty text, removes) the explanation of a chantier's gap on a period. */
export async function setPlanExplanation(options: {
  actor: Actor;
  periodId: string;
  chantierId: string;
  input: TPlanExplanationInput;
}): Promise<TPlanExplanationOut> {
  const { actor, periodId, chantierId, input } = options;
  if (!canPlanChantier(actor, chantierId))
    throw new AppError('FORBIDDEN', 'Only a treasurer or a referent of this chantier may explain its gap');
  return db().$transaction(async (tx) => {
    const [period, chantier] = await Promise.all([
      tx.fundingPeriod.findUnique({ where: { id: periodId }, select: { id: true } }),
      tx.chantier.findUnique({ where: { id: chantierId }, select: { id: true } }),
    ]);
    if (!period) throw new AppError('NOT_FOUND', 'Period not found');
    if (!chantier) throw new AppError('NOT_FOUND', 'Chantier not found');
    const key = { periodId_chantierId: { periodId, chantierId } };
    let updatedAt: Date | null = null;
    if (input.text === '') await tx.planExplanation.deleteMany({ where: { periodId, chantierId } });
    else {
      const saved = await tx.planExplanation.upsert({
        where: key,
        create: { periodId, chantierId, text: input.text, updatedById: actor.id },
        update: { text: input.text, updatedById: actor.id, updatedAt: new Date() },
      });
      updatedAt = saved.updatedAt;
    }
    await writeAudit(tx, {
      actorId: actor.id,
      action: 'plan.explain',
      entityType: 'FundingPeriod',
      entityId: periodId,
      data: { chantierId, length: input.text.length },
    });
    return { periodId, chantierId, text: input.text, updatedAt: updatedAt?.toISOString() ?? null };
  });
}
