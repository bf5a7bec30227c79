// The owner's actions on contributions: declare, edit, delete, submit. Each is one transaction
// that writes the change and its history together; edits carry the version they started from.
// Declaring or editing locks the person first (day-rules.ts): the date is not after today and the
// day stays within 24 h across all the person's contributions.
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import type { TContributionCreate, TContributionUpdate } from '@/lib/contributions/inputs';
import { openPeriodFor } from '@/lib/contributions/server/periods';
import { assertDayWithinLimit, assertNotFuture, lockPeople } from '@/lib/contributions/server/day-rules';
import { fromIsoDate, toIsoDate } from '@/lib/format/date';
import {
  decideOrThrow,
  editableValues,
  lockContribution,
  staleError,
  toContributionOut,
} from '@/lib/contributions/server/load';

async function assertChantierAndPlace(tx: Tx, chantierId: string, placeId: string | undefined | null): Promise<void> {
  const chantier = await tx.chantier.findUnique({ where: { id: chantierId }, select: { active: true } });
  if (!chantier || !chantier.active)
    throw new AppError('VALIDATION', 'errors.VALIDATION', { fields: { chantierId: 'validation.unknownChantier' } });
  if (placeId) {
    const place = await tx.place.findUnique({ where: { id: placeId }, select: { active: true } });
    if (!place || !place.active)
      throw new AppError('VALIDATION', 'errors.VALIDATION', { fields: { placeId: 'validation.unknownPlace' } });
  }
}

export async function createContribution(options: {
  actor: Actor;
  input: TContributionCreate;
  kind?: 'CREATED' | 'IMPORTED';
}) {
  const { actor, input } = options;
  return db().$transaction(async (tx) => {
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
}

export async function updateContribution(options: { actor: Actor; id: string; input: TContributionUpdate }) {
  const { actor, input } = options;
  return db().$transaction(async (tx) => {
    // The person before the contribution, in the order the week locks them.
    await lockPeople(tx, [actor.id]);
    const row = await lockContribution(tx, options.id);
    if (row.person_id !== actor.id) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
    decideOrThrow(actor, row, 'edit');
    if (row.version !== input.version) throw staleError(row);
    await assertNotFuture(tx, input.date);
    await assertChantierAndPlace(tx, input.chantierId, input.placeId);
    // A new date may fall in another period, which must be open too.
    const period = toIsoDate(row.date) === input.date ? { id: row.period_id } : await openPeriodFor(tx, input.date);
    await assertDayWithinLimit(tx, { personId: actor.id, date: input.date, minutes: input.minutes, exceptId: row.id });
    const updated = await tx.contribution.update({
      where: { id: row.id },
      data: {
        date: fromIsoDate(input.date),
        minutes: input.minutes,
        chantierId: input.chantierId,
        placeId: input.placeId ?? null,
        periodId: period.id,
        description: input.description,
        link: input.link ?? null,
        volunteer: input.volunteer,
        version: { increment: 1 },
      },
    });
    await tx.contributionEvent.create({
      data: {
        contributionId: row.id,
        actorId: actor.id,
        kind: 'EDITED',
        fromStatus: row.status,
        toStatus: row.status,
        previousValues: editableValues(row),
      },
    });
    return toContributionOut(updated);
  });
}

export async function deleteContribution(options: { actor: Actor; id: string; version?: number }) {
  return db().$transaction(async (tx) => {
    const row = await lockContribution(tx, options.id);
    if (row.person_id !== options.actor.id) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
    decideOrThrow(options.actor, row, 'delete');
    if (options.version !== undefined && row.version !== options.version) throw staleError(row);
    await tx.contribution.update({ where: { id: row.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await tx.contributionEvent.create({
      data: {
        contributionId: row.id,
        actorId: options.actor.id,
        kind: 'DELETED',
        fromStatus: row.status,
        previousValues: editableValues(row),
      },
    });
  });
}

export async function submitContribution(options: { actor: Actor; id: string; version?: number; comment?: string }) {
  return db().$transaction(async (tx) => {
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
}
