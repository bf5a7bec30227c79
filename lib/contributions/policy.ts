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

// ---- Who may see and review what: the one description ------------------------------------------
//
// Every reader of contributions (the single read, the SQL of the lists, the review page, the menu)
// derives its answer from `contributionScope`, so the rule is written here and nowhere else:
// - everyone sees their own contributions, drafts included;
// - a reviewer sees every non-draft contribution of the chantiers they review (all of them for an
//   admin) and reviews the submitted ones that are not their own;
// - approved contributions are seen by everyone when the collective's transparency is on, and by
//   treasurers always (they pay them).
// Those who may not see a contribution are told it does not exist (404), never that it is forbidden.

/** The chantiers whose contributions someone reviews: every one, or those listed (maybe none). */
export type ChantierScope = { kind: 'all' } | { kind: 'some'; chantierIds: readonly string[] };

export interface ContributionScope {
  /** Chantiers whose non-draft contributions this person sees and whose submitted ones they review. */
  reviews: ChantierScope;
  /** Approved contributions of others: seen always, or only while the collective's transparency is on. */
  approved: 'always' | 'underTransparency';
}

export type ScopeActor = Pick<ContributionActor, 'roles' | 'referentOf'> & { active?: boolean };

export function contributionScope(actor: ScopeActor): ContributionScope {
  const active = actor.active ?? true;
  const reviews: ChantierScope = !active
    ? { kind: 'some', chantierIds: [] }
    : actor.roles.includes('ADMIN')
      ? { kind: 'all' }
      : { kind: 'some', chantierIds: actor.referentOf };
  return { reviews, approved: actor.roles.includes('TREASURER') ? 'always' : 'underTransparency' };
}

export function inChantierScope(scope: ChantierScope, chantierId: string): boolean {
  return scope.kind === 'all' || scope.chantierIds.includes(chantierId);
}

/** Whether someone reviews anything at all: what shows the review screen in their menu. */
export function reviewsAnything(actor: ScopeActor): boolean {
  const { reviews } = contributionScope(actor);
  return reviews.kind === 'all' || reviews.chantierIds.length > 0;
}

/** Also what a review queue or a button may show; the decision above is still the gate. */
export function canReviewChantier(actor: ScopeActor, chantierId: string): boolean {
  return inChantierScope(contributionScope(actor).reviews, chantierId);
}

/** Whether the actor may see this contribution (as stored) at all. */
export function canSeeContribution(options: {
  actor: ScopeActor & { id: string };
  contribution: StoredContribution;
  transparency: boolean;
}): boolean {
  const { actor, contribution, transparency } = options;
  if (contribution.ownerId === actor.id) return true;
  const scope = contributionScope(actor);
  if (contribution.status !== 'DRAFT' && inChantierScope(scope.reviews, contribution.chantierId)) return true;
  return contribution.status === 'APPROVED' && (scope.approved === 'always' || transparency);
}

function refuse(code: ContributionRefusalCode): ContributionDecision {
  return { ok: false, code };
}
