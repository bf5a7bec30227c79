// The lifecycle table, pinned cell by cell, and the shape of the graph it draws.
import { describe, expect, it } from 'vitest';

import {
  commentRequirement,
  CONTRIBUTION_ACTIONS,
  CONTRIBUTION_STATUSES,
  isReviewAction,
  nextStatus,
  type CommentRequirement,
  type ContributionAction,
  type ContributionStatus,
  type TransitionTarget,
} from './lifecycle';

// Written out in full, so that a change to the lifecycle is a visible change to this grid.
const EXPECTED: Record<ContributionAction, Record<ContributionStatus, TransitionTarget | null>> = {
  submit: { DRAFT: 'SUBMITTED', SUBMITTED: null, APPROVED: null, REJECTED: null, CHANGES_REQUESTED: 'SUBMITTED' },
  edit: {
    DRAFT: 'DRAFT',
    SUBMITTED: 'SUBMITTED',
    APPROVED: null,
    REJECTED: null,
    CHANGES_REQUESTED: 'CHANGES_REQUESTED',
  },
  delete: { DRAFT: 'DELETED', SUBMITTED: 'DELETED', APPROVED: null, REJECTED: 'DELETED', CHANGES_REQUESTED: 'DELETED' },
  approve: { DRAFT: null, SUBMITTED: 'APPROVED', APPROVED: null, REJECTED: null, CHANGES_REQUESTED: null },
  reject: { DRAFT: null, SUBMITTED: 'REJECTED', APPROVED: null, REJECTED: null, CHANGES_REQUESTED: null },
  requestChanges: {
    DRAFT: null,
    SUBMITTED: 'CHANGES_REQUESTED',
    APPROVED: null,
    REJECTED: null,
    CHANGES_REQUESTED: null,
  },
  unapprove: { DRAFT: null, SUBMITTED: null, APPROVED: 'SUBMITTED', REJECTED: null, CHANGES_REQUESTED: null },
};

const cells = CONTRIBUTION_ACTIONS.flatMap((action) =>
  CONTRIBUTION_STATUSES.map((status) => [action, status, EXPECTED[action][status]] as const),
);

describe('nextStatus', () => {
  it.each(cells)('%s from %s → %s', (action, status, target) => {
    expect(nextStatus(status, action)).toBe(target);
  });

  it('reaches APPROVED only by approve', () => {
    const intoApproved = cells.filter(([, , target]) => target === 'APPROVED').map(([action]) => action);
    expect(intoApproved).toEqual(['approve']);
  });

  it('lets nothing but delete leave REJECTED', () => {
    const outOfRejected = CONTRIBUTION_ACTIONS.filter((action) => nextStatus('REJECTED', action) !== null);
    expect(outOfRejected).toEqual(['delete']);
  });

  it('reaches every status from DRAFT', () => {
    const reached = new Set<ContributionStatus>(['DRAFT']);
    const queue: ContributionStatus[] = ['DRAFT'];
    for (let status = queue.shift(); status !== undefined; status = queue.shift()) {
      for (const action of CONTRIBUTION_ACTIONS) {
        const target = nextStatus(status, action);
        if (target !== null && target !== 'DELETED' && !reached.has(target)) {
          reached.add(target);
          queue.push(target);
        }
      }
    }
    expect([...reached].sort()).toEqual([...CONTRIBUTION_STATUSES].sort());
  });
});

describe('commentRequirement', () => {
  it.each<[ContributionAction, CommentRequirement]>([
    ['reject', 'REQUIRED_REASON'],
    ['requestChanges', 'REQUIRED_COMMENT'],
    ['unapprove', 'REQUIRED_COMMENT'],
    ['approve', 'OPTIONAL'],
    ['submit', 'OPTIONAL'],
    ['edit', 'OPTIONAL'],
    ['delete', 'OPTIONAL'],
  ])('%s → %s', (action, requirement) => {
    expect(commentRequirement(action)).toBe(requirement);
  });
});

describe('isReviewAction', () => {
  it('names the referent actions and only them', () => {
    expect(CONTRIBUTION_ACTIONS.filter(isReviewAction)).toEqual(['approve', 'reject', 'requestChanges', 'unapprove']);
  });
});
