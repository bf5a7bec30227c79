// The claim lifecycle as data (docs/claims.md): the contributions' statuses and moves, plus
// COMMITTED, a fixed fee agreed before the work, which its person submits once the work is done.
// Who may act, and when, is policy.ts's business; this table only says what the statuses allow.
//
// Choices the rules leave open (docs/claims.md states the outcome):
// - A committed fee is edited or withdrawn (deleted) by those who may commit it (a referent of the
//   chantier, a treasurer), never by its person: the price is the one agreed. Its person submits
//   it, and may attach receipts before.
// - Editing keeps the status, as for contributions; REJECTED is terminal (deletable only).
// - Delete is a soft delete in storage; here it is the DELETED target, never a stored status.

export const CLAIM_STATUSES = ['COMMITTED', 'DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED'] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

export const CLAIM_KINDS = ['EXPENSE', 'MILEAGE', 'FIXED_FEE', 'IN_KIND'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

export const CLAIM_OWNER_ACTIONS = ['submit', 'edit', 'delete', 'attach'] as const;
export type ClaimOwnerAction = (typeof CLAIM_OWNER_ACTIONS)[number];

export const CLAIM_REVIEW_ACTIONS = ['approve', 'reject', 'requestChanges', 'unapprove'] as const;
export type ClaimReviewAction = (typeof CLAIM_REVIEW_ACTIONS)[number];

export type ClaimAction = ClaimOwnerAction | ClaimReviewAction;
/** What the URL of `POST /claims/{id}/{action}` and `transitionClaim` name. */
export const CLAIM_TRANSITIONS = ['submit', 'approve', 'reject', 'request-changes', 'unapprove'] as const;
export type ClaimTransition = (typeof CLAIM_TRANSITIONS)[number];

export const DELETED = 'DELETED';
export type ClaimTarget = ClaimStatus | typeof DELETED;

const TRANSITIONS: Record<ClaimAction, Partial<Record<ClaimStatus, ClaimTarget>>> = {
  submit: { COMMITTED: 'SUBMITTED', DRAFT: 'SUBMITTED', CHANGES_REQUESTED: 'SUBMITTED' },
  edit: { COMMITTED: 'COMMITTED', DRAFT: 'DRAFT', SUBMITTED: 'SUBMITTED', CHANGES_REQUESTED: 'CHANGES_REQUESTED' },
  delete: {
    COMMITTED: DELETED,
    DRAFT: DELETED,
    SUBMITTED: DELETED,
    CHANGES_REQUESTED: DELETED,
    REJECTED: DELETED,
  },
  // Files are added or removed while the claim can still change before its review.
  attach: {
    COMMITTED: 'COMMITTED',
    DRAFT: 'DRAFT',
    SUBMITTED: 'SUBMITTED',
    CHANGES_REQUESTED: 'CHANGES_REQUESTED',
  },
  approve: { SUBMITTED: 'APPROVED' },
  reject: { SUBMITTED: 'REJECTED' },
  requestChanges: { SUBMITTED: 'CHANGES_REQUESTED' },
  unapprove: { APPROVED: 'SUBMITTED' },
};

/** Where `action` takes a claim in `status`, or null when the status does not allow it. */
export function nextClaimStatus(status: ClaimStatus, action: ClaimAction): ClaimTarget | null {
  return TRANSITIONS[action][status] ?? null;
}

export function isClaimReviewAction(action: ClaimAction): action is ClaimReviewAction {
  return (CLAIM_REVIEW_ACTIONS as readonly string[]).includes(action);
}

/** The URL's action name to the lifecycle's. */
export function transitionAction(transition: ClaimTransition): 'submit' | ClaimReviewAction {
  return transition === 'request-changes' ? 'requestChanges' : transition;
}

/** Reject asks for a reason, request-changes and unapprove for a comment; the others take an optional one. */
export function claimCommentRequired(action: ClaimAction): boolean {
  return action === 'reject' || action === 'requestChanges' || action === 'unapprove';
}

/** Kinds whose value is an amount typed by someone (a trip's is its distance times the period's rate). */
export function hasAmount(kind: ClaimKind): boolean {
  return kind !== 'MILEAGE';
}
