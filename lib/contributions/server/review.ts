// Referents' actions: approve, reject (reason), request changes (comment), un-approve (comment).
// The row is locked while deciding, so two referents acting at once produce exactly one
// transition; the second is told who handled it first.
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import type { ReviewAction } from '@/lib/contributions/lifecycle';
import { commentRequirement } from '@/lib/contributions/lifecycle';
import { decideOrThrow, lockContribution, toContributionOut, type StoredRow } from '@/lib/contributions/server/load';
import { toIsoDate } from '@/lib/format/date';
import { notifyReview, type ReviewNotice } from '@/lib/contributions/server/notify';

const REVIEWED = new Set(['APPROVED', 'REJECTED', 'CHANGES_REQUESTED']);

async function alreadyReviewed(tx: Tx, row: StoredRow): Promise<AppError> {
  const last = await tx.contributionEvent.findFirst({
    where: { contributionId: row.id, kind: 'TRANSITION' },
    orderBy: { id: 'desc' },
    include: { actor: { select: { name: true } } },
  });
  return new AppError('ALREADY_REVIEWED', 'errors.ALREADY_REVIEWED_BY', {
    values: { name: last?.actor.name ?? '?' },
    details: { status: row.status, version: row.version, by: last?.actor.name ?? null },
  });
}

async function reviewInTx(tx: Tx, options: { actor: Actor; id: string; action: ReviewAction; comment?: string; version?: number }) {
  const row = await lockContribution(tx, options.id);
  if (row.person_id !== options.actor.id && !options.actor.roles.includes('ADMIN') && !options.actor.referentOf.includes(row.chantier_id)) {
    // Not theirs to review: as if it did not exist, unless transparency shows approved ones.
    throw new AppError(row.status === 'APPROVED' ? 'FORBIDDEN' : 'NOT_FOUND', row.status === 'APPROVED' ? 'errors.FORBIDDEN' : 'errors.NOT_FOUND');
  }
  if (options.version !== undefined && row.version !== options.version) {
    if (REVIEWED.has(row.status) || row.reviewed_by_id) throw await alreadyReviewed(tx, row);
    throw new AppError('STALE_VERSION', 'errors.STALE_CONTRIBUTION', { details: { current: { status: row.status, version: row.version } } });
  }
  let to;
  try {
    to = decideOrThrow(options.actor, row, options.action, options.comment);
  } catch (error) {
    if (error instanceof AppError && error.code === 'INVALID_TRANSITION' && REVIEWED.has(row.status)) throw await alreadyReviewed(tx, row);
    throw error;
  }
  const comment = options.comment?.trim() || null;
  const updated = await tx.contribution.update({
    where: { id: row.id },
    data: { status: to!, reviewedById: options.actor.id, reviewedAt: new Date(), version: { increment: 1 } },
  });
  await tx.contributionEvent.create({
    data: { contributionId: row.id, actorId: options.actor.id, kind: 'TRANSITION', fromStatus: row.status, toStatus: to!, comment },
  });
  const notice: ReviewNotice | null =
    to === 'REJECTED' || to === 'CHANGES_REQUESTED'
      ? { contributionId: row.id, ownerId: row.person_id, kind: to, reviewerName: options.actor.name, comment: comment ?? '', date: toIsoDate(row.date), description: row.description }
      : null;
  return { contribution: toContributionOut(updated), notice };
}

export async function reviewContribution(options: { actor: Actor; id: string; action: ReviewAction; comment?: string; version?: number }) {
  const result = await db().$transaction((tx) => reviewInTx(tx, options));
  if (result.notice) await notifyReview(result.notice);
  return result.contribution;
}

/**
 * Several contributions at once, in one transaction: all are handled or none is, and a refusal
 * names each contribution that could not be handled and why.
 */
export async function reviewContributions(options: { actor: Actor; ids: string[]; action: ReviewAction; comment?: string }) {
  const ids = [...new Set(options.ids)].sort(); // a fixed lock order: two bulk reviews cannot deadlock
  if (ids.length === 0) return [];
  if (commentRequirement(options.action) !== 'OPTIONAL' && !options.comment?.trim()) {
    throw new AppError('COMMENT_REQUIRED', 'errors.COMMENT_REQUIRED', { fields: { [options.action === 'reject' ? 'reason' : 'comment']: 'errors.COMMENT_REQUIRED' } });
  }
  const results = await db().$transaction(async (tx) => {
    const done = [];
    const refused: { id: string; code: string }[] = [];
    for (const id of ids) {
      try {
        done.push(await reviewInTx(tx, { ...options, id }));
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused.push({ id, code: error.code });
      }
    }
    if (refused.length) throw new AppError('CONFLICT', 'errors.BULK_REFUSED', { values: { count: refused.length }, details: { refused } });
    return done;
  });
  for (const result of results) if (result.notice) await notifyReview(result.notice);
  return results.map((result) => result.contribution);
}
