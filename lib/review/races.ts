// What a reviewer who comes second is told, for contributions and claims alike (one lifecycle,
// docs/lifecycle.md): when their review failed because the item changed meanwhile (a stale
// version) or its status no longer allows it, and someone other than them and the item's person
// reviewed it last, they are told who handled it first rather than a bare "stale".
import { AppError } from '@/lib/errors';

const REVIEWED = new Set(['APPROVED', 'REJECTED', 'CHANGES_REQUESTED']);

/** The item's last TRANSITION event, with its author's name. */
export type LastTransition = { actorId: string; toStatus: string | null; actor: { name: string } } | null;

/**
 * The error to throw for a failed review: ALREADY_REVIEWED naming the other reviewer when the
 * failure is such a race, else `error` itself. `lastTransition` is read only when it may matter.
 */
export async function explainReviewRace(
  error: unknown,
  item: { status: string; version: number; ownerId: string },
  actorId: string,
  lastTransition: () => Promise<LastTransition>,
): Promise<unknown> {
  const raced = error instanceof AppError && (error.code === 'STALE_VERSION' || error.code === 'INVALID_TRANSITION');
  if (!raced || !(REVIEWED.has(item.status) || item.status === 'SUBMITTED')) return error;
  const last = await lastTransition();
  // A transition by the item's person (a submit) is not a review.
  if (!last || last.actorId === item.ownerId || last.actorId === actorId) return error;
  if (!REVIEWED.has(item.status) && last.toStatus !== 'SUBMITTED') return error;
  return new AppError('ALREADY_REVIEWED', 'errors.ALREADY_REVIEWED_BY', {
    values: { name: last.actor.name },
    details: { status: item.status, version: item.version, by: last.actor.name },
  });
}
