// The contribution lifecycle as data: which action moves which status where. Who may act, and
// when, is policy.ts's business; this table only says what the statuses allow.
//
// Choices the product's rules leave open (docs/lifecycle.md states the outcome):
// - REJECTED is terminal: it cannot be edited or resubmitted, so the version the referent judged
//   stays the one they judged. The owner may still delete it, or declare the work again.
// - Editing keeps the status. An edited SUBMITTED contribution stays SUBMITTED (it is not
//   approved yet, so its owner may still edit it); an edited CHANGES_REQUESTED one waits for
//   its owner to submit it again.
// - Resubmitting after a change request does not demand an edit: answering with a comment
//   ("the link is now public") is a fair reply.
// - Delete is a soft delete in storage; here it is the DELETED target, never a stored status.

export const CONTRIBUTION_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];

export const OWNER_ACTIONS = ['submit', 'edit', 'delete'] as const;
export type OwnerAction = (typeof OWNER_ACTIONS)[number];

export const REVIEW_ACTIONS = ['approve', 'reject', 'requestChanges', 'unapprove'] as const;
export type ReviewAction = (typeof REVIEW_ACTIONS)[number];

export const CONTRIBUTION_ACTIONS = [...OWNER_ACTIONS, ...REVIEW_ACTIONS] as const;
export type ContributionAction = OwnerAction | ReviewAction;

export const DELETED = 'DELETED';
export type TransitionTarget = ContributionStatus | typeof DELETED;

const TRANSITIONS: Record<ContributionAction, Partial<Record<ContributionStatus, TransitionTarget>>> = {
  submit: { DRAFT: 'SUBMITTED', CHANGES_REQUESTED: 'SUBMITTED' },
  edit: { DRAFT: 'DRAFT', SUBMITTED: 'SUBMITTED', CHANGES_REQUESTED: 'CHANGES_REQUESTED' },
  delete: {
    DRAFT: DELETED,
    SUBMITTED: DELETED,
    CHANGES_REQUESTED: DELETED,
    REJECTED: DELETED,
  },
  approve: { SUBMITTED: 'APPROVED' },
  reject: { SUBMITTED: 'REJECTED' },
  requestChanges: { SUBMITTED: 'CHANGES_REQUESTED' },
  unapprove: { APPROVED: 'SUBMITTED' },
};

/** Where `action` takes a contribution in `status`, or null when the status does not allow it. */
export function nextStatus(status: ContributionStatus, action: ContributionAction): TransitionTarget | null {
  return TRANSITIONS[action][status] ?? null;
}

export function isReviewAction(action: ContributionAction): action is ReviewAction {
  return (REVIEW_ACTIONS as readonly string[]).includes(action);
}

/**
 * REQUIRED_REASON and REQUIRED_COMMENT both refuse a blank text; they differ in what the form
 * asks for ("Motif du refus" vs "Commentaire"). Every other action takes an optional comment.
 */
export type CommentRequirement = 'REQUIRED_REASON' | 'REQUIRED_COMMENT' | 'OPTIONAL';

export function commentRequirement(action: ContributionAction): CommentRequirement {
  switch (action) {
    case 'reject':
      return 'REQUIRED_REASON';
    case 'requestChanges':
    case 'unapprove':
      return 'REQUIRED_COMMENT';
    default:
      return 'OPTIONAL';
  }
}
