// Referents' actions: approve, reject (reason), request changes (comment), un-approve (comment).
// The row is locked while deciding, so two referents acting at once produce exactly one
// transition; the second is told who handled it first.
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import type { ReviewAction } from '@/lib/contributions/lifecycle';
import { commentRequirement } from '@/lib/contributions/lifecycle';
import { canSeeContribution } from '@/lib/contributions/policy';
import { decideOrThrow, lockContribution, staleError, toContributionOut } from '@/lib/contributions/server/load';
import { getSettings } from '@/lib/settings/settings';
import { toIsoDate } from '@/lib/format/date';
import { notifyReview, type ReviewNotice } from '@/lib/contributions/server/notify';
import { checkPlanAlertsAfterChange } from '@/lib/plans/server/alerts';
import { explainReviewRace } from '@/lib/review/races';

async function reviewInTx(
  tx: Tx,
  options: {
    actor: Actor;
    id: string;
    action: ReviewAction;
    comment?: string;
    version?: number;
    transparency: boolean;
  },
) {
  const row = await lockContribution(tx, options.id);
  // What the reviewer may not even see does not exist for them; what they see but may not
  // review is forbidden.
  const contribution = { ownerId: row.person_id, chantierId: row.chantier_id, status: row.status };
  if (!canSeeContribution({ actor: options.actor, contribution, transparency: options.transparency }))
    throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
  const changedMeanwhile = options.version !== undefined && row.version !== options.version;
  let to;
  try {
    if (changedMeanwhile) throw staleError(row);
    to = decideOrThrow(options.actor, row, options.action, options.comment);
  } catch (error) {
    // Someone else reviewed it first (approved, rejected, sent back, or un-approved it): say who.
    throw await explainReviewRace(
      error,
      { status: row.status, version: row.version, ownerId: row.person_id },
      options.actor.id,
      () =>
        tx.contributionEvent.findFirst({
          where: { contributionId: row.id, kind: 'TRANSITION' },
          orderBy: { id: 'desc' },
          include: { actor: { select: { name: true } } },
        }),
    );
  }
  const comment = options.comment?.trim() || null;
  const updated = await tx.contribution.update({
    where: { id: row.id },
    data: { status: to!, reviewedById: options.actor.id, reviewedAt: new Date(), version: { increment: 1 } },
  });
  await tx.contributionEvent.create({
    data: {
      contributionId: row.id,
      actorId: options.actor.id,
      kind: 'TRANSITION',
      fromStatus: row.status,
      toStatus: to!,
      comment,
    },
  });
  const notice: ReviewNotice | null =
    to === 'REJECTED' || to === 'CHANGES_REQUESTED'
      ? {
          contributionId: row.id,
          ownerId: row.person_id,
          kind: to,
          reviewerName: options.actor.name,
          comment: comment ?? '',
          date: toIsoDate(row.date),
          description: row.description,
        }
      : null;
  return { contribution: toContributionOut(updated), notice };
}

export async function reviewContribution(options: {
  actor: Actor;
  id: string;
  action: ReviewAction;
  comment?: string;
  version?: number;
}) {
  const { transparency } = await getSettings();
  const result = await db().$transaction((tx) => reviewInTx(tx, { ...options, transparency }));
  if (result.notice) await notifyReview(result.notice);
  await checkPlanAlertsAfterChange([result.contribution.periodId]);
  return result.contribution;
}

/**
 * Several contributions at once, in one transaction: all are handled or none is, and a refusal
 * names each contribution that could not be handled and why.
 */
export async function reviewContributions(options: {
  actor: Actor;
  ids: string[];
  action: ReviewAction;
  comment?: string;
}) {
  const ids = [...new Set(options.ids)].sort(); // a fixed lock order: two bulk reviews cannot deadlock
  if (ids.length === 0) return [];
  if (commentRequirement(options.action) !== 'OPTIONAL' && !options.comment?.trim()) {
    throw new AppError('COMMENT_REQUIRED', 'errors.COMMENT_REQUIRED', {
      fields: { [options.action === 'reject' ? 'reason' : 'comment']: 'errors.COMMENT_REQUIRED' },
    });
  }
  const { transparency } = await getSettings();
  // Up to 500 rows, three round trips each: more than Prisma's default 5 s on a slow network.
  const results = await db().$transaction(
    async (tx) => {
      const done = [];
      const refused: { id: string; code: string }[] = [];
      for (const id of ids) {
        try {
          done.push(await reviewInTx(tx, { ...options, id, transparency }));
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
  for (const result of results) if (result.notice) await notifyReview(result.notice);
  await checkPlanAlertsAfterChange(results.map((result) => result.contribution.periodId));
  return results.map((result) => result.contribution);
}
