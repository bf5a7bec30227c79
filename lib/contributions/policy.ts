// Who may do what to a contribution, decided over plain data: the caller loads the actor, the
// contribution *as stored* and its period, and acts only on an `ok` decision.
//
// Checks run in a fixed order so that the code says the most useful thing first:
// INACTIVE, then FORBIDDEN / SELF_REVIEW, then NO_PERIOD / PERIOD_CLOSED, then
// INVALID_TRANSITION, then COMMENT_REQUIRED.
//
// Choices the product's rules leave open (docs/permissions.md states the outcome):
// - Authority to review chantier X comes from being linked to X (`referentOf`); the REFERENT role
//   flag alone grants nothing, as it names no chantier. Admins review every chantier.
// - Someone without review authority who tries to review their own contribution gets FORBIDDEN;
//   SELF_REVIEW is kept for those who could review the chantier but not this contribution.
// - Only the owner edits, submits or deletes, admins included: an admin who needs a change asks
//   for it through requestChanges, so the history says who declared what.
// - Treasurers have no review power: they pay what referents approved.
// - A PAID period refuses everything, like a CLOSED one.

import {
  commentRequirement,
  DELETED,
  isReviewAction,
  nextStatus,
  type ContributionAction,
  type ContributionStatus,
} from './lifecycle';

export type Role = 'ADMIN' | 'TREASURER' | 'REFERENT' | 'CONTRIBUTOR';
export type PeriodStatus = 'OPEN' | 'CLOSED' | 'PAID';

export interface ContributionActor {
  id: string;
  roles: readonly Role[];
  /** Ids of the chantiers this person is a referent of. */
  referentOf: readonly string[];
  active: boolean;
}

export interface StoredContribution {
  ownerId: string;
  chantierId: string;
  status: ContributionStatus;
}

export type ContributionRefusalCode =
  'FORBIDDEN' | 'SELF_REVIEW' | 'PERIOD_CLOSED' | 'NO_PERIOD' | 'INVALID_TRANSITION' | 'COMMENT_REQUIRED' | 'INACTIVE';

/** On success `to` is the status to store, or null when the contribution is deleted. */
export type ContributionDecision =
  { ok: true; to: ContributionStatus | null } | { ok: false; code: ContributionRefusalCode };

export interface ContributionActionRequest {
  actor: ContributionActor;
  contribution: StoredContribution;
  period: { status: PeriodStatus } | null;
  action: ContributionAction;
  comment?: string | null | undefined;
}

export function decideContributionAction(request: ContributionActionRequest): ContributionDecision {
  const { actor, contribution, period, action, comment } = request;
  if (!actor.active) return refuse('INACTIVE');

  const isOwner = actor.id === contribution.ownerId;
  if (isReviewAction(action)) {
    if (!canReviewChantier(actor, contribution.chantierId)) return refuse('FORBIDDEN');
    if (isOwner) return refuse('SELF_REVIEW');
  } else if (!isOwner) {
    return refuse('FORBIDDEN');
  }

  if (period === null) return refuse('NO_PERIOD');
  if (period.status !== 'OPEN') return refuse('PERIOD_CLOSED');

  const target = nextStatus(contribution.status, action);
  if (target === null) return refuse('INVALID_TRANSITION');

  if (commentRequirement(action) !== 'OPTIONAL' && (comment ?? '').trim() === '') {
    return refuse('COMMENT_REQUIRED');
  }
  return { ok: true, to: target === DELETED ? null : target };
}

/** Also what a review queue or a button may show; the decision above is still the gate. */
export function canReviewChantier(actor: ContributionActor, chantierId: string): boolean {
  if (!actor.active) return false;
  return actor.roles.includes('ADMIN') || actor.referentOf.includes(chantierId);
}

function refuse(code: ContributionRefusalCode): ContributionDecision {
  return { ok: false, code };
}
