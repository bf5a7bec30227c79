// Changing claims: declare (or commit a fixed fee for someone), edit, delete, and the transitions
// (submit and the reviews). Each is one transaction that writes the change and its history
// together; edits and reviews carry the version they started from (docs/claims.md).
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import type { TClaimCreate, TClaimPatch } from '@/lib/claims/inputs';
import type { TClaimOut } from '@/lib/claims/openapi';
import {
  claimCommentRequired,
  transitionAction,
  type ClaimKind,
  type ClaimReviewAction,
  type ClaimTransition,
} from '@/lib/claims/lifecycle';
import { canCommitFee, canSeeClaim, canSeeClaimFiles } from '@/lib/claims/policy';
import { openPeriodFor } from '@/lib/contributions/server/periods';
import { assertNotFuture } from '@/lib/contributions/server/day-rules';
import { fromIsoDate, toIsoDate } from '@/lib/format/date';
import { notifyClaimReview, type ClaimReviewNotice } from '@/lib/claims/server/notify';
import { explainReviewRace } from '@/lib/review/races';
import { getSettings } from '@/lib/settings/settings';
import {
  claimChangeEvent,
  claimStaleError,
  claimValues,
  decideClaimOrThrow,
  lockClaim,
  readClaimOut,
  type StoredClaimRow,
} from '@/lib/claims/server/load';

function fieldError(field: string, messageKey: string, message: string): AppError {
  return new AppError('VALIDATION', message, { messageKey: 'errors.VALIDATION', fields: { [field]: messageKey } });
}

async function assertChantierAndPlace(tx: Tx, chantierId: string, placeId: string | null | undefined): Promise<void> {
  const chantier = await tx.chantier.findUnique({ where: { id: chantierId }, select: { active: true } });
  if (!chantier || !chantier.active)
    throw fieldError('chantierId', 'validation.unknownChantier', 'Unknown or archived chantier');
  if (placeId) {
    const place = await tx.place.findUnique({ where: { id: placeId }, select: { active: true } });
    if (!place || !place.active) throw fieldError('placeId', 'validation.unknownPlace', 'Unknown or archived place');
  }
}

/** The open period of `date`, with its mileage rate. */
async function periodOf(tx: Tx, date: string) {
  const period = await openPeriodFor(tx, date);
  const { mileageRateCents } = await tx.fundingPeriod.findUniqueOrThrow({
    where: { id: period.id },
    select: { mileageRateCents: true },
  });
  return { ...period, mileageRateCents };
}

export function noMileageRateError(periodName: string): AppError {
  return new AppError('NO_MILEAGE_RATE', `The period ${periodName} pays no mileage: ask a treasurer to set its rate`, {
    messageKey: 'claims.errors.NO_MILEAGE_RATE',
    values: { period: periodName },
    fields: { distanceKm: 'claims.errors.NO_MILEAGE_RATE_FIELD' },
  });
}

/** A trip's amount: its distance times the period's rate (whole cents, integers only). */
function mileageAmount(distanceKm: number, period: { name: string; mileageRateCents: number | null }): number {
  if (!period.mileageRateCents) throw noMileageRateError(period.name);
  return distanceKm * period.mileageRateCents;
}

function receiptRequiredError(): AppError {
  return new AppError('RECEIPT_REQUIRED', 'An expense is submitted with its receipt: add it first', {
    messageKey: 'claims.errors.RECEIPT_REQUIRED',
    fields: { file: 'claims.errors.RECEIPT_REQUIRED' },
  });
}

/** Fields a kind does not take are refused, not dropped: the caller meant something else. */
function assertValueFields(kind: ClaimKind, patch: { amountCents?: number; distanceKm?: number }): void {
  if (kind === 'MILEAGE' && patch.amountCents !== undefined)
    throw fieldError(
      'amountCents',
      'claims.validation.amountNotForMileage',
      'A trip’s amount is computed from its distance',
    );
  if (kind !== 'MILEAGE' && patch.distanceKm !== undefined)
    throw fieldError('distanceKm', 'claims.validation.distanceOnlyMileage', 'Only a trip has a distance');
}

/**
 * Declares a claim for oneself (a draft, or submitted at once with `submit`), or, with `personId`
 * naming someone else, commits a fixed fee for them (status COMMITTED; a referent of the chantier,
 * a treasurer or an admin).
 */
export async function createClaim(actor: Actor, input: TClaimCreate): Promise<TClaimOut> {
  const ownerId = input.personId ?? actor.id;
  const committing = ownerId !== actor.id;
  return db().$transaction(async (tx) => {
    if (committing) {
      if (input.kind !== 'FIXED_FEE')
        throw fieldError(
          'personId',
          'claims.validation.commitOnlyFixedFee',
          'Only a fixed fee is committed for someone',
        );
      if (!canCommitFee(actor, input.chantierId))
        throw new AppError('FORBIDDEN', 'Only a referent of the chantier or a treasurer commits a fee', {
          messageKey: 'claims.errors.COMMIT_FORBIDDEN',
        });
      if (input.submit)
        throw fieldError('submit', 'claims.validation.commitNotSubmitted', 'The person submits a committed fee');
      const person = await tx.person.findUnique({ where: { id: ownerId }, select: { active: true } });
      if (!person || !person.active)
        throw fieldError('personId', 'claims.validation.unknownPerson', 'Unknown or deactivated person');
    } else {
      await assertNotFuture(tx, input.date);
    }
    await assertChantierAndPlace(tx, input.chantierId, input.placeId);
    const period = await periodOf(tx, input.date);
    const amountCents = input.kind === 'MILEAGE' ? mileageAmount(input.distanceKm!, period) : input.amountCents!;
    // An expense is submitted with its receipt, which a new claim cannot have yet.
    if (input.submit && input.kind === 'EXPENSE') throw receiptRequiredError();
    const status = committing ? 'COMMITTED' : input.submit ? 'SUBMITTED' : 'DRAFT';
    const created = await tx.claim.create({
      data: {
        personId: ownerId,
        createdById: actor.id,
        chantierId: input.chantierId,
        placeId: input.placeId ?? null,
        periodId: period.id,
        kind: input.kind,
        date: fromIsoDate(input.date),
        description: input.description,
        amountCents,
        distanceKm: input.kind === 'MILEAGE' ? input.distanceKm! : null,
        status,
        submittedAt: status === 'SUBMITTED' ? new Date() : null,
      },
    });
    const initial = committing ? 'COMMITTED' : 'DRAFT';
    await tx.claimEvent.create({
      data: { claimId: created.id, actorId: actor.id, kind: 'CREATED', toStatus: initial },
    });
    if (status === 'SUBMITTED')
      await tx.claimEvent.create({
        data: {
          claimId: created.id,
          actorId: actor.id,
          kind: 'TRANSITION',
          fromStatus: 'DRAFT',
          toStatus: 'SUBMITTED',
        },
      });
    return readClaimOut(tx, created.id);
  });
}

/** Someone who may not see the claim is told it does not exist; one who sees it but may not act, forbidden. */
function assertVisible(actor: Actor, row: StoredClaimRow): void {
  const claim = {
    ownerId: row.person_id,
    createdById: row.created_by_id,
    chantierId: row.chantier_id,
    status: row.status,
  };
  if (!canSeeClaimFiles({ actor, claim })) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
}

/**
 * Edits a claim: the fields given change, the others keep their stored value. The kind never
 * changes; a trip's amount is computed again from its distance and its period's rate. With
 * `submit`, a draft (or a claim sent back for changes) is submitted in the same transaction.
 */
export async function updateClaim(
  actor: Actor,
  id: string,
  patch: TClaimPatch,
  options: { submit?: boolean } = {},
): Promise<TClaimOut> {
  return db().$transaction(async (tx) => {
    const row = await lockClaim(tx, id);
    assertVisible(actor, row);
    decideClaimOrThrow(actor, row, 'edit');
    if (row.version !== patch.version) throw claimStaleError(row);
    assertValueFields(row.kind, patch);
    const stored = claimValues(row);
    const next = {
      date: patch.date ?? stored.date,
      chantierId: patch.chantierId ?? stored.chantierId,
      placeId: patch.placeId === undefined ? stored.placeId : patch.placeId,
      description: patch.description ?? stored.description,
      amountCents: patch.amountCents ?? stored.amountCents,
      distanceKm: patch.distanceKm ?? stored.distanceKm,
    };
    const committed = row.status === 'COMMITTED';
    if (committed && next.chantierId !== stored.chantierId && !canCommitFee(actor, next.chantierId))
      throw new AppError('FORBIDDEN', 'Only a referent of the chantier or a treasurer commits a fee', {
        messageKey: 'claims.errors.COMMIT_FORBIDDEN',
      });
    if (!committed && next.date !== stored.date) await assertNotFuture(tx, next.date);
    await assertChantierAndPlace(tx, next.chantierId, next.placeId);
    // A new date may fall in another period, which must be open too.
    const period =
      next.date === stored.date
        ? { id: row.period_id, name: row.period_name, mileageRateCents: row.mileage_rate_cents }
        : await periodOf(tx, next.date);
    const amountCents = row.kind === 'MILEAGE' ? mileageAmount(next.distanceKm!, period) : next.amountCents;
    const submitTo = options.submit && row.status !== 'SUBMITTED' ? decideClaimOrThrow(actor, row, 'submit') : null;
    if (submitTo && row.kind === 'EXPENSE' && row.file_count === 0) throw receiptRequiredError();
    await tx.claim.update({
      where: { id: row.id },
      data: {
        date: fromIsoDate(next.date),
        chantierId: next.chantierId,
        placeId: next.placeId,
        periodId: period.id,
        description: next.description,
        amountCents,
        distanceKm: next.distanceKm,
        ...(submitTo ? { status: submitTo, submittedAt: new Date() } : {}),
        version: { increment: 1 },
      },
    });
    await tx.claimEvent.create({ data: claimChangeEvent('EDITED', row, actor.id) });
    if (submitTo)
      await tx.claimEvent.create({
        data: { claimId: row.id, actorId: actor.id, kind: 'TRANSITION', fromStatus: row.status, toStatus: submitTo },
      });
    return readClaimOut(tx, row.id);
  });
}

/** Deletes a claim (kept, marked deleted, for its history) and its files with it. */
export async function deleteClaim(actor: Actor, id: string, version?: number): Promise<void> {
  await db().$transaction(async (tx) => {
    const row = await lockClaim(tx, id);
    assertVisible(actor, row);
    decideClaimOrThrow(actor, row, 'delete');
    if (version !== undefined && row.version !== version) throw claimStaleError(row);
    await tx.attachment.deleteMany({ where: { claimId: row.id } });
    await tx.claim.update({ where: { id: row.id }, data: { deletedAt: new Date(), version: { increment: 1 } } });
    await tx.claimEvent.create({ data: claimChangeEvent('DELETED', row, actor.id) });
  });
}

type Transitioned = { claim: TClaimOut; notice: ClaimReviewNotice | null };

async function transitionInTx(
  tx: Tx,
  actor: Actor,
  id: string,
  action: 'submit' | ClaimReviewAction,
  options: { version?: number; comment?: string; transparency: boolean },
): Promise<Transitioned> {
  const row = await lockClaim(tx, id);
  const claim = {
    ownerId: row.person_id,
    createdById: row.created_by_id,
    chantierId: row.chantier_id,
    status: row.status,
  };
  if (!canSeeClaim({ actor, claim, transparency: options.transparency }))
    throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
  let to;
  try {
    if (options.version !== undefined && row.version !== options.version) throw claimStaleError(row);
    to = decideClaimOrThrow(actor, row, action, options.comment);
  } catch (error) {
    // A reviewer who comes second is told who handled the claim first, not a bare "stale".
    if (action === 'submit') throw error;
    throw await explainReviewRace(
      error,
      { status: row.status, version: row.version, ownerId: row.person_id },
      actor.id,
      () =>
        tx.claimEvent.findFirst({
          where: { claimId: row.id, kind: 'TRANSITION' },
          orderBy: { id: 'desc' },
          include: { actor: { select: { name: true } } },
        }),
    );
  }
  let amountCents = row.amount_cents;
  if (action === 'submit') {
    if (row.kind === 'EXPENSE' && row.file_count === 0) throw receiptRequiredError();
    // A trip is priced at the period's rate as it stands when submitted.
    if (row.kind === 'MILEAGE')
      amountCents = mileageAmount(row.distance_km!, {
        name: row.period_name,
        mileageRateCents: row.mileage_rate_cents,
      });
  }
  const comment = options.comment?.trim() || null;
  const now = new Date();
  await tx.claim.update({
    where: { id: row.id },
    data:
      action === 'submit'
        ? { status: to!, submittedAt: now, amountCents, version: { increment: 1 } }
        : { status: to!, reviewedById: actor.id, reviewedAt: now, version: { increment: 1 } },
  });
  await tx.claimEvent.create({
    data: { claimId: row.id, actorId: actor.id, kind: 'TRANSITION', fromStatus: row.status, toStatus: to!, comment },
  });
  const notice: ClaimReviewNotice | null =
    to === 'REJECTED' || to === 'CHANGES_REQUESTED'
      ? {
          claimId: row.id,
          ownerId: row.person_id,
          kind: to,
          reviewerName: actor.name,
          comment: comment ?? '',
          date: toIsoDate(row.date),
          description: row.description,
          amountCents,
        }
      : null;
  return { claim: await readClaimOut(tx, row.id), notice };
}

/**
 * submit (its person), approve, reject (a reason), request-changes (a comment), unapprove (a
 * comment): a referent of the chantier who is not the claim's person, or an admin. The row is
 * locked while deciding, so two referents acting at once make exactly one transition.
 */
export async function transitionClaim(
  actor: Actor,
  id: string,
  transition: ClaimTransition,
  options: { version?: number; reason?: string; comment?: string } = {},
): Promise<TClaimOut> {
  const { transparency } = await getSettings();
  const action = transitionAction(transition);
  const result = await db().$transaction((tx) =>
    transitionInTx(tx, actor, id, action, {
      version: options.version,
      comment: options.reason ?? options.comment,
      transparency,
    }),
  );
  if (result.notice) await notifyClaimReview(result.notice);
  return result.claim;
}

/**
 * Several claims reviewed at once, in one transaction: all are handled or none is, and a refusal
 * names each claim that could not be handled and why.
 */
export async function reviewClaims(
  actor: Actor,
  ids: readonly string[],
  action: ClaimReviewAction,
  comment?: string,
): Promise<TClaimOut[]> {
  const sorted = [...new Set(ids)].sort(); // a fixed lock order: two bulk reviews cannot deadlock
  if (sorted.length === 0) return [];
  if (claimCommentRequired(action) && !comment?.trim())
    throw new AppError('COMMENT_REQUIRED', 'errors.COMMENT_REQUIRED', {
      fields: { [action === 'reject' ? 'reason' : 'comment']: 'errors.COMMENT_REQUIRED' },
    });
  const { transparency } = await getSettings();
  const results = await db().$transaction(
    async (tx) => {
      const done: Transitioned[] = [];
      const refused: { id: string; code: string }[] = [];
      for (const id of sorted) {
        try {
          done.push(await transitionInTx(tx, actor, id, action, { comment, transparency }));
        } catch (error) {
          if (!(error instanceof AppError)) throw error;
          refused.push({ id, code: error.code });
        }
      }
      if (refused.length)
        throw new AppError('CONFLICT', 'errors.BULK_REFUSED', {
          values: { count: refused.length },
          details: { refused },
        });
      return done;
    },
    { maxWait: 10_000, timeout: 60_000 },
  );
  for (const result of results) if (result.notice) await notifyClaimReview(result.notice);
  return results.map((result) => result.claim);
}
