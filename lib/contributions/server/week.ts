// The weekly timesheet on the server: loading a person's week as a grid, and saving a typed grid
// in ONE transaction — the person's week is locked, the pure planner (week-plan.ts) decides what
// the grid means against what is stored now, every change is re-checked by the lifecycle policy,
// and the history is written as mutations.ts writes it (CREATED, EDITED with the previous values,
// DELETED, TRANSITION to SUBMITTED). Any refusal leaves the week exactly as it was, with each
// error keyed by its cell ("rows.2.cells.4") or field.
//
// Two saves of the same person's week run one after the other (their person row is locked FOR NO
// KEY UPDATE, which leaves foreign-key checks of other writers alone), so the second always plans
// against what the first wrote: a double click creates a cell's draft once (the second finds it
// already says the same), and two tabs typing different values in one cell cannot both win (the
// second is refused as stale).
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import type { ContributionAction } from '@/lib/contributions/lifecycle';
import { decideOrThrow, changeEvent, type StoredRow } from '@/lib/contributions/server/load';
import { periodsOfDays, type PeriodRef } from '@/lib/contributions/server/periods';
import { collectiveToday, lockPeople } from '@/lib/contributions/server/day-rules';
import { inactiveTargets } from '@/lib/contributions/server/targets';
import { fromIsoDate, toIsoDate } from '@/lib/format/date';
import { chantierLabel } from '@/lib/format/chantier';
import { byName } from '@/lib/format/compare';
import { weekDays } from '@/lib/contributions/week-dates';
import { checkPlanAlertsAfterChange } from '@/lib/plans/server/alerts';
import {
  buildWeekRows,
  cellFingerprint,
  type WeekContribution,
  type WeekDay,
  type WeekRowView,
} from '@/lib/contributions/week-grid';
import {
  isEmptyPlan,
  planWeek,
  weekErrorMessageKey,
  type WeekError,
  type WeekPlan,
  type WeekRowInput,
} from '@/lib/contributions/week-plan';

export function toWeekDays(days: readonly string[], periods: readonly (PeriodRef | null)[]): WeekDay[] {
  return days.map((date, index) => ({ date, open: periods[index]?.status === 'OPEN' }));
}

/** The person's contributions of the week, locked until the transaction ends, in a fixed order. */
async function lockWeek(tx: Tx, personId: string, days: readonly string[]): Promise<StoredRow[]> {
  await lockPeople(tx, [personId]);
  return tx.$queryRaw<StoredRow[]>`
    SELECT c.id, c.person_id, c.chantier_id, c.place_id, c.period_id, c.date, c.minutes, c.description, c.link,
           c.volunteer, c.status, c.version, c.reviewed_by_id, c.created_at, c.updated_at,
           p.status AS period_status, p.name AS period_name
      FROM contributions c JOIN funding_periods p ON p.id = c.period_id
     WHERE c.person_id = ${personId} AND c.deleted_at IS NULL
       AND c.date BETWEEN ${days[0]}::date AND ${days[days.length - 1]}::date
     ORDER BY c.id
       FOR UPDATE OF c`;
}

function toWeekContribution(row: StoredRow): WeekContribution {
  return {
    id: row.id,
    chantierId: row.chantier_id,
    placeId: row.place_id,
    date: toIsoDate(row.date),
    minutes: row.minutes,
    description: row.description,
    status: row.status,
    version: row.version,
  };
}

export function weekRefusal(errors: readonly WeekError[]): AppError {
  const fields = Object.fromEntries(errors.map((error) => [error.path, weekErrorMessageKey(error.code)]));
  const conflict = errors.some(
    (error) => error.code === 'LOCKED' || error.code === 'DAY_CLOSED' || error.code === 'STALE',
  );
  return new AppError(conflict ? 'CONFLICT' : 'VALIDATION', 'week.errors.notSaved', {
    fields,
    values: { count: errors.length },
    details: { errors },
  });
}

/** Rows the person changed must name an active chantier and place, as a declaration must. */
async function unknownChantiersAndPlaces(tx: Tx, rows: readonly WeekRowInput[]): Promise<WeekError[]> {
  const changed = rows
    .map((row, index) => ({ row, index }))
    .filter(({ row }) => row.descriptionEdited || row.cells.some((cell) => cell.text !== null));
  if (changed.length === 0) return [];
  const inactive = await inactiveTargets(
    tx,
    changed.map(({ row }) => row),
  );
  return changed.flatMap(({ row, index }) => [
    ...(inactive.chantierIds.has(row.chantierId)
      ? [{ path: `rows.${index}.chantierId`, code: 'UNKNOWN_CHANTIER' as const }]
      : []),
    ...(row.placeId && inactive.placeIds.has(row.placeId)
      ? [{ path: `rows.${index}.placeId`, code: 'UNKNOWN_PLACE' as const }]
      : []),
  ]);
}

export type WeekSaveResult = { created: number; updated: number; deleted: number; submitted: number };

export async function saveWeek(options: {
  actor: Actor;
  weekStart: string;
  rows: WeekRowInput[];
  submit: boolean;
}): Promise<WeekSaveResult> {
  const { actor } = options;
  const days = weekDays(options.weekStart);
  const saved = await db().$transaction(
    async (tx) => {
      const locked = await lockWeek(tx, actor.id, days);
      const periods = await periodsOfDays(tx, days);
      // The locked rows are all the person's contributions of these days: the planner checks the
      // 24 h per day against them, and no other writer adds to them until this transaction ends.
      const result = planWeek({
        days: toWeekDays(days, periods),
        stored: locked.map(toWeekContribution),
        rows: options.rows,
        submit: options.submit,
        today: await collectiveToday(tx),
      });
      const errors = [...(result.ok ? [] : result.errors), ...(await unknownChantiersAndPlaces(tx, options.rows))];
      if (!result.ok || errors.length) throw weekRefusal(errors);
      if (isEmptyPlan(result.plan)) return { created: 0, updated: 0, deleted: 0, submitted: 0 };
      return applyPlan(tx, actor, result.plan, new Map(locked.map((row) => [row.id, row])), periods);
    },
    { timeout: 20_000 },
  );
  // Submitted hours (new, or edited while waiting) move the forecast: the envelope alerts follow.
  if (saved.submitted > 0 || saved.updated > 0) await checkPlanAlertsAfterChange();
  return saved;
}

/** The lifecycle policy has the last word on each stored contribution the plan touches. */
function decide(actor: Actor, row: StoredRow, action: ContributionAction, path: string): void {
  try {
    decideOrThrow(actor, row, action);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    throw new AppError(error.code, error.message, {
      messageKey: error.messageKey,
      values: error.values,
      details: error.details,
      fields: { [path]: 'week.errors.locked' },
    });
  }
}

async function applyPlan(
  tx: Tx,
  actor: Actor,
  plan: WeekPlan,
  stored: Map<string, StoredRow>,
  periods: readonly (PeriodRef | null)[],
): Promise<WeekSaveResult> {
  const now = new Date();
  const cellPath = (ref: { row: number; day: number }) => `rows.${ref.row}.cells.${ref.day}`;
  const storedRow = (id: string) => stored.get(id)!;

  if (plan.creates.length) {
    const created = await tx.contribution.createManyAndReturn({
      data: plan.creates.map((create) => ({
        personId: actor.id,
        chantierId: create.chantierId,
        placeId: create.placeId,
        periodId: periods[create.day]!.id,
        date: fromIsoDate(create.date),
        minutes: create.minutes,
        description: create.description,
        status: plan.submit ? ('SUBMITTED' as const) : ('DRAFT' as const),
        submittedAt: plan.submit ? now : null,
      })),
      select: { id: true },
    });
    await tx.contributionEvent.createMany({
      data: created.map(({ id }) => ({
        contributionId: id,
        actorId: actor.id,
        kind: 'CREATED' as const,
        toStatus: 'DRAFT' as const,
      })),
    });
    if (plan.submit) {
      await tx.contributionEvent.createMany({
        data: created.map(({ id }) => ({
          contributionId: id,
          actorId: actor.id,
          kind: 'TRANSITION' as const,
          fromStatus: 'DRAFT' as const,
          toStatus: 'SUBMITTED' as const,
        })),
      });
    }
  }

  for (const update of plan.updates) {
    const row = storedRow(update.id);
    decide(actor, row, 'edit', cellPath(update));
    await tx.contribution.update({
      where: { id: row.id },
      data: { minutes: update.minutes, description: update.description, version: { increment: 1 } },
    });
    await tx.contributionEvent.create({ data: changeEvent('EDITED', row, actor.id) });
  }

  if (plan.deletes.length) {
    for (const deletion of plan.deletes) decide(actor, storedRow(deletion.id), 'delete', cellPath(deletion));
    await tx.contribution.updateMany({
      where: { id: { in: plan.deletes.map((deletion) => deletion.id) } },
      data: { deletedAt: now, version: { increment: 1 } },
    });
    await tx.contributionEvent.createMany({
      data: plan.deletes.map(({ id }) => changeEvent('DELETED', storedRow(id), actor.id)),
    });
  }

  if (plan.submits.length) {
    for (const submit of plan.submits) decide(actor, storedRow(submit.id), 'submit', cellPath(submit));
    await tx.contribution.updateMany({
      where: { id: { in: plan.submits.map((submit) => submit.id) } },
      data: { status: 'SUBMITTED', submittedAt: now, version: { increment: 1 } },
    });
    await tx.contributionEvent.createMany({
      data: plan.submits.map(({ id }) => ({
        contributionId: id,
        actorId: actor.id,
        kind: 'TRANSITION' as const,
        fromStatus: storedRow(id).status,
        toStatus: 'SUBMITTED' as const,
      })),
    });
  }

  return {
    created: plan.creates.length,
    updated: plan.updates.length,
    deleted: plan.deletes.length,
    submitted: plan.submits.length + (plan.submit ? plan.creates.length : 0),
  };
}

export type WeekDayOut = WeekDay & { periodName: string | null };
export type WeekRowOut = WeekRowView & { chantierLabel: string; placeLabel: string | null };
export type WeekOut = {
  weekStart: string;
  days: WeekDayOut[];
  rows: WeekRowOut[];
  /** Changes whenever any contribution of the week does: the page starts afresh from it after a save. */
  snapshot: string;
};

/** The person's week as a grid: rows in the chantiers' order, rows without a place first. */
export async function loadWeek(options: { actor: Actor; weekStart: string }): Promise<WeekOut> {
  const days = weekDays(options.weekStart);
  const [periods, contributions] = await Promise.all([
    periodsOfDays(db(), days),
    db().contribution.findMany({
      where: {
        personId: options.actor.id,
        deletedAt: null,
        date: { gte: fromIsoDate(days[0]), lte: fromIsoDate(days[days.length - 1]) },
      },
      orderBy: [{ date: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
      include: { chantier: { select: { name: true, code: true, position: true } }, place: { select: { name: true } } },
    }),
  ]);
  const weekDaysOpen = toWeekDays(days, periods);
  const views = buildWeekRows(
    weekDaysOpen,
    contributions.map((row) => ({
      id: row.id,
      chantierId: row.chantierId,
      placeId: row.placeId,
      date: toIsoDate(row.date),
      minutes: row.minutes,
      description: row.description,
      status: row.status,
      version: row.version,
    })),
  );
  const chantiers = new Map(contributions.map((row) => [row.chantierId, row.chantier]));
  const places = new Map(
    contributions.flatMap((row) => (row.placeId && row.place ? [[row.placeId, row.place.name] as const] : [])),
  );
  const rows = views.map((view) => {
    const chantier = chantiers.get(view.chantierId)!;
    return {
      ...view,
      chantier,
      chantierLabel: chantierLabel(chantier),
      placeLabel: view.placeId ? (places.get(view.placeId) ?? null) : null,
    };
  });
  rows.sort(
    (a, b) =>
      a.chantier.position - b.chantier.position ||
      byName(a.chantierLabel, b.chantierLabel) ||
      Number(a.placeLabel !== null) - Number(b.placeLabel !== null) ||
      byName(a.placeLabel ?? '', b.placeLabel ?? ''),
  );
  return {
    weekStart: options.weekStart,
    days: weekDaysOpen.map((day, index) => ({ ...day, periodName: periods[index]?.name ?? null })),
    rows: rows.map(({ chantier: _chantier, ...row }) => row),
    snapshot: `${options.weekStart}/${cellFingerprint(contributions)}`,
  };
}
