// Who may do what to a claim, and who sees it, decided over plain data: the caller loads the actor
// and the claim *as stored* with its period, and acts only on an `ok` decision. The chantier scope
// of reviewers is the contributions' (contributionScope): one rule for both.
//
// Checks run in the contributions' order: INACTIVE, then FORBIDDEN / SELF_REVIEW, then
// PERIOD_CLOSED, then INVALID_TRANSITION, then COMMENT_REQUIRED.
//
// Choices the rules leave open (docs/claims.md states the outcome):
// - Only the person edits, submits, deletes their claim and adds or removes its files; a committed
//   fee is the exception: those who may commit fees on its chantier (its referents, admins,
//   treasurers) edit or withdraw it while it is COMMITTED, and its person only submits it.
// - Treasurers see every claim that is not a draft (they commit fees and pay claims) and their
//   files; they review none (as for contributions).
// - The transparency setting shows approved claims to everyone, never their files.
import { contributionScope, inChantierScope, type ScopeActor } from '@/lib/contributions/policy';
import {
  claimCommentRequired,
  DELETED,
  isClaimReviewAction,
  nextClaimStatus,
  type ClaimAction,
  type ClaimStatus,
} from '@/lib/claims/lifecycle';

export type ClaimActor = ScopeActor & { id: string; active?: boolean };

export interface StoredClaim {
  ownerId: string;
  createdById: string;
  chantierId: string;
  status: ClaimStatus;
}

export type ClaimRefusalCode =
  'FORBIDDEN' | 'SELF_REVIEW' | 'PERIOD_CLOSED' | 'INVALID_TRANSITION' | 'COMMENT_REQUIRED' | 'INACTIVE';

export type ClaimDecision = { ok: true; to: ClaimStatus | null } | { ok: false; code: ClaimRefusalCode };

/** Who may commit a fixed fee for someone on this chantier: its referents, admins, treasurers. */
export function canCommitFee(actor: ClaimActor, chantierId: string): boolean {
  if (actor.active === false) return false;
  return actor.roles.includes('TREASURER') || inChantierScope(contributionScope(actor).reviews, chantierId);
}

export function decideClaimAction(request: {
  actor: ClaimActor;
  claim: StoredClaim;
  period: { status: 'OPEN' | 'CLOSED' | 'PAID' };
  action: ClaimAction;
  comment?: string | null;
}): ClaimDecision {
  const { actor, claim, period, action, comment } = request;
  if (actor.active === false) return refuse('INACTIVE');
  const isOwner = actor.id === claim.ownerId;
  if (isClaimReviewAction(action)) {
    if (!inChantierScope(contributionScope(actor).reviews, claim.chantierId)) return refuse('FORBIDDEN');
    if (isOwner) return refuse('SELF_REVIEW');
  } else if (claim.status === 'COMMITTED' && (action === 'edit' || action === 'delete')) {
    if (isOwner || !canCommitFee(actor, claim.chantierId)) return refuse('FORBIDDEN');
  } else if (!isOwner) {
    return refuse('FORBIDDEN');
  }
  if (period.status !== 'OPEN') return refuse('PERIOD_CLOSED');
  const target = nextClaimStatus(claim.status, action);
  if (target === null) return refuse('INVALID_TRANSITION');
  if (claimCommentRequired(action) && (comment ?? '').trim() === '') return refuse('COMMENT_REQUIRED');
  return { ok: true, to: target === DELETED ? null : target };
}

/**
 * Whether the actor may open the claim's edit form: the same rule as saving it, in an open period
 * (the server decides again on save, against the stored claim and its period).
 */
export function canEditClaim(actor: ClaimActor, claim: StoredClaim): boolean {
  return decideClaimAction({ actor, claim, period: { status: 'OPEN' }, action: 'edit' }).ok;
}

/** Whether a claim's own person may edit it in this status (not a committed fee: its price was agreed). */
export function ownerMayEdit(status: ClaimStatus): boolean {
  return status !== 'COMMITTED' && nextClaimStatus(status, 'edit') !== null;
}

/** Whether the actor may see this claim (as stored) at all; those who may not are told it does not exist. */
export function canSeeClaim(options: { actor: ClaimActor; claim: StoredClaim; transparency: boolean }): boolean {
  const { actor, claim, transparency } = options;
  if (canSeeClaimFiles({ actor, claim })) return true;
  return actor.active !== false && claim.status === 'APPROVED' && transparency;
}

/** Whether the actor may open the claim's files: its person, its chantier's reviewers, treasurers, admins. */
export function canSeeClaimFiles(options: { actor: ClaimActor; claim: StoredClaim }): boolean {
  const { actor, claim } = options;
  if (claim.ownerId === actor.id || claim.createdById === actor.id) return true;
  if (actor.active === false || claim.status === 'DRAFT') return false;
  return actor.roles.includes('TREASURER') || inChantierScope(contributionScope(actor).reviews, claim.chantierId);
}

function refuse(code: ClaimRefusalCode): ClaimDecision {
  return { ok: false, code };
}
