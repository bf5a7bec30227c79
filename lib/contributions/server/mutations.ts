// The owner's actions on contributions: declare, edit, delete, submit. Each is one transaction
// that writes the change and its history together; edits carry the version they started from.
// Declaring or editing locks the person first (day-rules.ts): the date is not after today and the
// day stays within 24 h across all the person's contributions.
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import type { TContributionCreate, TContributionPatch } from '@/lib/contributions/inputs';
import { openPeriodFor } from '@/lib/contributions/server/periods';
import { assertDayWithinLimit, assertNotFuture, lockPeople } from '@/lib/contributions/server/day-rules';
import { fromIsoDate } from '@/lib/format/date';
import { checkPlanAlertsAfterChange } from '@/lib/plans/server/alerts';
import { inactiveTargets } from '@/lib/contributions/server/targets';
import {
  changeEvent,
  decideOrThrow,
  editableValues,
  lockContribution,
  staleError,
  toContributionOut,
} from '@/lib/contributions/server/load';

async function assertChantierAndPlace(tx: Tx, chantierId: string, placeId: string | undefined | null): Promise<void> {
  const inactive = await inactiveTargets(tx, [{ chantierId, placeId }]);
  if (inactive.chantierIds.size > 0)
    throw new AppError('VALIDATION', 'errors.VALIDATION', { fields: { chantierId: 'validation.unknownChantier' } });
  if (inactive.placeIds.size > 0)
    throw new AppError('VALIDATION', 'errors.VALIDATION', { fields: { placeId: 'validation.unknownPlace' } });
}

/** A submitted contribution moves the forecast: the envelope alerts are checked once it committed. */
async function withPlanAlerts<T extends { status: string; periodId: string }>(out: T): Promise<T> {
  if (out.status === 'SUBMITTED') await checkPlanAlertsAfterChange([out.periodId]);
  return out;
}

export async function createContribution(options: {
  actor: Actor;
  input: TContributionCreate;
  kind?: 'CREATED' | 'IMPORTED';
}) {
  const { actor, input } = options;
  const out = await db().$transaction(async (tx) => {
    await lockPeople(tx, [actor.id]);
    await assertNotFuture(tx, input.date);
    await assertChantierAndPlace(tx, input.chantierId, input.placeId);
    const period = await openPeriodFor(tx, input.date);
    await assertDayWithinLimit(tx, { personId: actor.id, date: input.date, minutes: input.minutes });
    const now = new Date();
    const created = await tx.contribution.create({
      data: {
        personId: actor.id,
        chantierId: input.chantierId,
        placeId: input.placeId ?? null,
        periodId: period.id,
        date: fromIsoDate(input.date),
        minutes: input.minutes,
        description: input.description,
        link: input.link ?? null,
        volunteer: input.volunteer,
        status: input.submit ? 'SUBMITTED' : 'DRAFT',
        submittedAt: input.submit ? now : null,
      },
    });
    await tx.contributionEvent.create({
      data: { contributionId: created.id, actorId: actor.id, kind: options.kind ?? 'CREATED', toStatus: 'DRAFT' },
    });
    if (input.submit) {
      await tx.contributionEvent.create({
        data: {
          contributionId: created.id,
          actorId: actor.id,
          kind: 'TRANSITION',
          fromStatus: 'DRAFT',
          toStatus: 'SUBMITTED',
        },
      });
    }
    return toContributionOut(created);
  });
  return withPlanAlerts(out);
}

/**
 * Edits a contribution: the fields given change, the others keep their stored value (the API's
 * PATCH is partial; the edit form sends them all). With `submit`, a draft or a contribution sent
 * back for changes is submitted too, in the same transaction: both happen, or neither.
 */
export async function updateContribution(options: {
  actor: Actor;
  id: string;
  input: TContributionPatch;
  submit?: boolean;
}) {
  const { actor, input } = options;
  const out = await db().$transaction(async (tx) => {
    // The person before the contribution, in the order the week locks them.
    await lockPeople(tx, [actor.id]);
    const row = await lockContribution(tx, options.id);
    if (row.person_id !== actor.id) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
    decideOrThrow(actor, row, 'edit');
    if (row.version !== input.version) throw staleError(row);
    const stored = editableValues(row);
    const next = {
      date: input.date ?? stored.date,
      minutes: input.minutes ?? stored.minutes,
      chantierId: input.chantierId ?? stored.chantierId,
      placeId: input.placeId === undefined ? stored.placeId : input.placeId,
      description: input.description ?? stored.description,
      link: input.link === undefined ? stored.link : input.link,
      volunteer: input.volunteer ?? stored.volunteer,
    };
    await assertNotFuture(tx, next.date);
    await assertChantierAndPlace(tx, next.chantierId, next.placeId);
    // A new date may fall in another period, which must be open too.
    const period = stored.date === next.date ? { id: row.period_id } : await openPeriodFor(tx, next.date);
    await assertDayWithinLimit(tx, { personId: actor.id, date: next.date, minutes: next.minutes, exceptId: row.id });
    const submitTo = options.submit && row.status !== 'SUBMITTED' ? decideOrThrow(actor, row, 'submit') : undefined;
    const now = new Date();
    const updated = await tx.contribution.update({
      where: { id: row.id },
      data: {
        date: fromIsoDate(next.date),
        minutes: next.minutes,
        chantierId: next.chantierId,
        placeId: next.placeId,
        periodId: period.id,
        description: next.description,
        link: next.link,
        volunteer: next.volunteer,
        ...(submitTo ? { status: submitTo, submittedAt: now } : {}),
        version: { increment: 1 },
      },
    });
    await tx.contributionEvent.create({ data: changeEvent('EDITED', row, actor.id) });
    if (submitTo)
      await tx.contributionEvent.create({
        data: {
          contributionId: row.id,
          actorId: actor.id,
          kind: 'TRANSITION',
          fromStatus: row.status,
          toStatus: submitTo,
        },
      });
    return toContributionOut(updated);
  });
  return withPlanAlerts(out);
}

export async function deleteContribution(options: { actor: Actor; id: string; version?: number }) {
  return db().$transaction(async (tx) => {
    const row = await lockContribution(tx, options.id);
    if (row.person_id !== options.actor.id) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
    decideOrThrow(options.actor, row, 'delete');
    if (options.version !== undefined && row.version !== options.version) throw staleError(row);
    await tx.contribution.update({ where: { id: row.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await tx.contributionEvent.create({ data: changeEvent('DELETED', row, options.actor.id) });
  });
}

export async function submitContribution(options: { actor: Actor; id: string; version?: number; comment?: string }) {
  const out = await db().$transaction(async (tx) => {
    const row = await lockContribution(tx, options.id);
    if (row.person_id !== options.actor.id) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
    const to = decideOrThrow(options.actor, row, 'submit');
    if (options.version !== undefined && row.version !== options.version) throw staleError(row);
    const updated = await tx.contribution.update({
      where: { id: row.id },
      data: { status: to!, submittedAt: new Date(), version: { increment: 1 } },
    });
    await tx.contributionEvent.create({
      data: {
        contributionId: row.id,
        actorId: options.actor.id,
        kind: 'TRANSITION',
        fromStatus: row.status,
        toStatus: to!,
        comment: options.comment || null,
      },
    });
    return toContributionOut(updated);
  });
  return withPlanAlerts(out);
}
