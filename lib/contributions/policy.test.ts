// Who may act on a contribution: the full role × ownership × action × status matrix, the
// refusals that come before it, and invariants over random sequences of actions.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

import {
  CONTRIBUTION_ACTIONS,
  CONTRIBUTION_STATUSES,
  isReviewAction,
  nextStatus,
  type ContributionAction,
  type ContributionStatus,
} from './lifecycle';
import {
  canReviewChantier,
  canSeeContribution,
  contributionScope,
  reviewsAnything,
  decideContributionAction,
  type ContributionScope,
  type ContributionActionRequest,
  type ContributionActor,
  type ContributionDecision,
  type PeriodStatus,
  type Role,
} from './policy';

const CHANTIER = 'chantier-tiers-lieux';
const OTHER_CHANTIER = 'chantier-services';
const OPEN = { status: 'OPEN' } as const;

function person(id: string, roles: Role[], referentOf: string[] = []): ContributionActor {
  return { id, roles, referentOf, active: true };
}

const ACTORS = {
  contributor: person('camille', ['CONTRIBUTOR']),
  'referent of this chantier': person('rachid', ['CONTRIBUTOR', 'REFERENT'], [CHANTIER]),
  'referent of another chantier': person('rose', ['CONTRIBUTOR', 'REFERENT'], [OTHER_CHANTIER]),
  admin: person('adele', ['CONTRIBUTOR', 'ADMIN']),
  treasurer: person('theo', ['CONTRIBUTOR', 'TREASURER']),
} satisfies Record<string, ContributionActor>;
type ActorKind = keyof typeof ACTORS;

type Permission = 'ALLOWED' | 'FORBIDDEN' | 'SELF_REVIEW';
const A = 'ALLOWED';
const F = 'FORBIDDEN';
const S = 'SELF_REVIEW';

// What each kind of person may attempt, before the status has its say. Columns follow
// CONTRIBUTION_ACTIONS: submit, edit, delete | approve, reject, requestChanges, unapprove.
const PERMISSIONS: Record<ActorKind, { own: Permission[]; other: Permission[] }> = {
  contributor: { own: [A, A, A, F, F, F, F], other: [F, F, F, F, F, F, F] },
  'referent of this chantier': { own: [A, A, A, S, S, S, S], other: [F, F, F, A, A, A, A] },
  'referent of another chantier': { own: [A, A, A, F, F, F, F], other: [F, F, F, F, F, F, F] },
  admin: { own: [A, A, A, S, S, S, S], other: [F, F, F, A, A, A, A] },
  treasurer: { own: [A, A, A, F, F, F, F], other: [F, F, F, F, F, F, F] },
};

function expectedDecision(permission: Permission, status: ContributionStatus, action: ContributionAction) {
  if (permission !== 'ALLOWED') return { ok: false, code: permission };
  // The lifecycle table is pinned cell by cell in lifecycle.test.ts; here it is the oracle.
  const target = nextStatus(status, action);
  if (target === null) return { ok: false, code: 'INVALID_TRANSITION' };
  return { ok: true, to: target === 'DELETED' ? null : target };
}

const matrix = (Object.keys(ACTORS) as ActorKind[]).flatMap((kind) =>
  (['own', 'other'] as const).flatMap((ownership) =>
    CONTRIBUTION_ACTIONS.flatMap((action, column) =>
      CONTRIBUTION_STATUSES.map((status) => {
        const permission = PERMISSIONS[kind][ownership][column] ?? F;
        const expected = expectedDecision(permission, status, action);
        const outcome = expected.ok ? `→ ${expected.to ?? 'deleted'}` : expected.code;
        return {
          kind,
          ownership,
          action,
          status,
          expected,
          name: `${kind} · ${ownership} · ${action} · ${status}: ${outcome}`,
        };
      }),
    ),
  ),
);

describe('decideContributionAction: the matrix, in an open period', () => {
  it.each(matrix)('$name', ({ kind, ownership, action, status, expected }) => {
    const actor = ACTORS[kind];
    const ownerId = ownership === 'own' ? actor.id : 'someone-else';
    const decision = decideContributionAction({
      actor,
      contribution: { ownerId, chantierId: CHANTIER, status },
      period: OPEN,
      action,
      comment: 'Merci de préciser le lieu.',
    });
    expect(decision).toEqual(expected);
  });
});

describe('decideContributionAction: what comes before the matrix', () => {
  const referent = ACTORS['referent of this chantier'];
  const submittedByOther = { ownerId: 'camille', chantierId: CHANTIER, status: 'SUBMITTED' } as const;

  it.each<[string, ContributionActionRequest['comment']]>([
    ['missing', undefined],
    ['null', null],
    ['empty', ''],
    ['blank', ' \n\t '],
  ])('refuses reject, requestChanges and unapprove with a %s comment', (_label, comment) => {
    for (const [action, status] of [
      ['reject', 'SUBMITTED'],
      ['requestChanges', 'SUBMITTED'],
      ['unapprove', 'APPROVED'],
    ] as const) {
      const contribution = { ...submittedByOther, status };
      expect(decideContributionAction({ actor: referent, contribution, period: OPEN, action, comment })).toEqual({
        ok: false,
        code: 'COMMENT_REQUIRED',
      });
    }
  });

  it('approves without a comment', () => {
    expect(
      decideContributionAction({ actor: referent, contribution: submittedByOther, period: OPEN, action: 'approve' }),
    ).toEqual({ ok: true, to: 'APPROVED' });
  });

  it('refuses an inactive person first, even on their own draft', () => {
    const actor = { ...ACTORS.admin, active: false };
    const contribution = { ownerId: actor.id, chantierId: CHANTIER, status: 'DRAFT' } as const;
    expect(decideContributionAction({ actor, contribution, period: OPEN, action: 'edit' })).toEqual({
      ok: false,
      code: 'INACTIVE',
    });
  });

  it.each<[string, { status: PeriodStatus } | null, string]>([
    ['no period', null, 'NO_PERIOD'],
    ['a closed period', { status: 'CLOSED' }, 'PERIOD_CLOSED'],
    ['a paid period', { status: 'PAID' }, 'PERIOD_CLOSED'],
  ])('refuses to act in %s', (_label, period, code) => {
    const own = { ownerId: 'camille', chantierId: CHANTIER, status: 'DRAFT' } as const;
    expect(
      decideContributionAction({ actor: ACTORS.contributor, contribution: own, period, action: 'submit' }),
    ).toEqual({
      ok: false,
      code,
    });
    expect(
      decideContributionAction({ actor: referent, contribution: submittedByOther, period, action: 'approve' }),
    ).toEqual({ ok: false, code });
  });

  it('says FORBIDDEN rather than PERIOD_CLOSED to someone who could never act', () => {
    const decision = decideContributionAction({
      actor: ACTORS.treasurer,
      contribution: submittedByOther,
      period: { status: 'CLOSED' },
      action: 'approve',
    });
    expect(decision).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('takes review authority from the chantier link, not from the REFERENT role alone', () => {
    const roleWithoutLink = person('rene', ['REFERENT']);
    const linkWithoutRole = person('lina', ['CONTRIBUTOR'], [CHANTIER]);
    const request = { contribution: submittedByOther, period: OPEN, action: 'approve' } as const;
    expect(decideContributionAction({ ...request, actor: roleWithoutLink })).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(decideContributionAction({ ...request, actor: linkWithoutRole })).toEqual({ ok: true, to: 'APPROVED' });
  });

  it('refuses self-review to someone who is both admin and referent of the chantier', () => {
    const actor = person('ada', ['CONTRIBUTOR', 'REFERENT', 'ADMIN', 'TREASURER'], [CHANTIER, OTHER_CHANTIER]);
    const own = { ownerId: actor.id, chantierId: CHANTIER, status: 'SUBMITTED' } as const;
    for (const action of ['approve', 'reject', 'requestChanges'] as const) {
      expect(decideContributionAction({ actor, contribution: own, period: OPEN, action, comment: 'ok' })).toEqual({
        ok: false,
        code: 'SELF_REVIEW',
      });
    }
  });
});

describe('canReviewChantier', () => {
  it.each<[string, ContributionActor, boolean]>([
    ['a referent of the chantier', ACTORS['referent of this chantier'], true],
    ['a referent of another chantier', ACTORS['referent of another chantier'], false],
    ['an admin', ACTORS.admin, true],
    ['a treasurer', ACTORS.treasurer, false],
    ['a contributor', ACTORS.contributor, false],
    ['an inactive admin', { ...ACTORS.admin, active: false }, false],
  ])('%s → %s', (_label, actor, expected) => {
    expect(canReviewChantier(actor, CHANTIER)).toBe(expected);
  });
});

describe('contributionScope: who sees and reviews what', () => {
  it.each<[ActorKind | 'inactive admin', ContributionScope, boolean]>([
    ['contributor', { reviews: { kind: 'some', chantierIds: [] }, approved: 'underTransparency' }, false],
    [
      'referent of this chantier',
      { reviews: { kind: 'some', chantierIds: [CHANTIER] }, approved: 'underTransparency' },
      true,
    ],
    [
      'referent of another chantier',
      { reviews: { kind: 'some', chantierIds: [OTHER_CHANTIER] }, approved: 'underTransparency' },
      true,
    ],
    ['admin', { reviews: { kind: 'all' }, approved: 'underTransparency' }, true],
    ['treasurer', { reviews: { kind: 'some', chantierIds: [] }, approved: 'always' }, false],
    ['inactive admin', { reviews: { kind: 'some', chantierIds: [] }, approved: 'underTransparency' }, false],
  ])('%s', (kind, scope, reviews) => {
    const actor = kind === 'inactive admin' ? { ...ACTORS.admin, active: false } : ACTORS[kind];
    expect(contributionScope(actor)).toEqual(scope);
    expect(reviewsAnything(actor)).toBe(reviews);
  });

  it('a REFERENT role without a chantier reviews nothing', () => {
    expect(reviewsAnything({ roles: ['CONTRIBUTOR', 'REFERENT'], referentOf: [] })).toBe(false);
  });

  it('an actor read from a session (no active flag) counts as active', () => {
    expect(contributionScope({ roles: ['ADMIN'], referentOf: [] }).reviews).toEqual({ kind: 'all' });
  });
});

describe('canSeeContribution', () => {
  // Someone else's contribution (camille is the owner unless the viewer is camille), on CHANTIER.
  const OWNER = 'owner';
  type Viewer = ActorKind | 'owner';
  // For each status: who sees it with transparency on, and who with it off.
  const TABLE: [ContributionStatus, Viewer[], Viewer[]][] = [
    ['DRAFT', ['owner'], ['owner']],
    ['SUBMITTED', ['owner', 'referent of this chantier', 'admin'], ['owner', 'referent of this chantier', 'admin']],
    [
      'CHANGES_REQUESTED',
      ['owner', 'referent of this chantier', 'admin'],
      ['owner', 'referent of this chantier', 'admin'],
    ],
    ['REJECTED', ['owner', 'referent of this chantier', 'admin'], ['owner', 'referent of this chantier', 'admin']],
    [
      'APPROVED',
      ['owner', 'contributor', 'referent of this chantier', 'referent of another chantier', 'admin', 'treasurer'],
      ['owner', 'referent of this chantier', 'admin', 'treasurer'],
    ],
  ];
  const VIEWERS: Viewer[] = ['owner', ...(Object.keys(ACTORS) as ActorKind[])];
  for (const [status, seenWith, seenWithout] of TABLE) {
    for (const viewer of VIEWERS) {
      for (const transparency of [true, false]) {
        const expected = (transparency ? seenWith : seenWithout).includes(viewer);
        it(`${status}, transparency ${transparency ? 'on' : 'off'}: ${viewer} ${expected ? 'sees' : 'does not see'} it`, () => {
          const actor = viewer === 'owner' ? person(OWNER, ['CONTRIBUTOR']) : ACTORS[viewer];
          expect(
            canSeeContribution({ actor, contribution: { ownerId: OWNER, chantierId: CHANTIER, status }, transparency }),
          ).toBe(expected);
        });
      }
    }
  }

  it('whoever may review a contribution may see it (the decision never acts on the invisible)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...(Object.keys(ACTORS) as ActorKind[])),
        fc.constantFrom(...CONTRIBUTION_STATUSES),
        fc.constantFrom(CHANTIER, OTHER_CHANTIER),
        fc.constantFrom(...CONTRIBUTION_ACTIONS),
        fc.boolean(),
        (kind, status, chantierId, action, transparency) => {
          const actor = ACTORS[kind];
          const contribution = { ownerId: 'someone-else', chantierId, status };
          const decision = decideContributionAction({ actor, contribution, period: OPEN, action, comment: 'ok' });
          if (decision.ok) expect(canSeeContribution({ actor, contribution, transparency })).toBe(true);
        },
      ),
    );
  });
});

// ---- Invariants over random people, contributions and sequences of actions -------------------

const PEOPLE = ['camille', 'rachid', 'adele'] as const;
const ALL_ROLES: Role[] = ['ADMIN', 'TREASURER', 'REFERENT', 'CONTRIBUTOR'];

const anyActor = fc.record({
  id: fc.constantFrom(...PEOPLE),
  roles: fc.subarray(ALL_ROLES),
  referentOf: fc.subarray([CHANTIER, OTHER_CHANTIER]),
  active: fc.boolean(),
});
const anyComment = fc.option(fc.oneof(fc.constantFrom('', '  ', 'Lien ajouté.'), fc.string({ maxLength: 5 })), {
  nil: undefined,
});
const anyStep = fc.record({ actor: anyActor, action: fc.constantFrom(...CONTRIBUTION_ACTIONS), comment: anyComment });
const anyStatus = fc.constantFrom(...CONTRIBUTION_STATUSES);

/** Plays the steps in an open period, applying each allowed one; returns every status visited. */
function play(
  start: ContributionStatus,
  ownerId: string,
  steps: Array<{ actor: ContributionActor; action: ContributionAction; comment: string | undefined }>,
  onDecision: (
    from: ContributionStatus,
    step: (typeof steps)[number],
    decision: ContributionDecision,
  ) => void = () => {},
): ContributionStatus[] {
  const visited = [start];
  let status = start;
  for (const step of steps) {
    const contribution = { ownerId, chantierId: CHANTIER, status };
    const decision = decideContributionAction({ ...step, contribution, period: OPEN });
    onDecision(status, step, decision);
    if (!decision.ok) continue;
    if (decision.to === null) break;
    status = decision.to;
    visited.push(status);
  }
  return visited;
}

describe('decideContributionAction: invariants', () => {
  it('never lets an owner bring their own contribution to APPROVED, whatever roles they hold', () => {
    const ownerSteps = fc.array(
      fc.record({
        actor: anyActor.map((actor) => ({ ...actor, id: 'camille', active: true })),
        action: fc.constantFrom(...CONTRIBUTION_ACTIONS),
        comment: anyComment,
      }),
      { maxLength: 30 },
    );
    const notApproved = anyStatus.filter((status) => status !== 'APPROVED');
    fc.assert(
      fc.property(notApproved, ownerSteps, (start, steps) => {
        expect(play(start, 'camille', steps)).not.toContain('APPROVED');
      }),
    );
  });

  it('only ever takes a step the lifecycle table allows, justified by who acts', () => {
    fc.assert(
      fc.property(fc.constantFrom(...PEOPLE), fc.array(anyStep, { maxLength: 30 }), (ownerId, steps) => {
        play('DRAFT', ownerId, steps, (from, { actor, action, comment }, decision) => {
          if (!decision.ok) return;
          const target = nextStatus(from, action);
          expect(target).not.toBeNull();
          expect(decision.to).toBe(target === 'DELETED' ? null : target);
          expect(actor.active).toBe(true);
          if (isReviewAction(action)) {
            expect(actor.id).not.toBe(ownerId);
            expect(actor.roles.includes('ADMIN') || actor.referentOf.includes(CHANTIER)).toBe(true);
          } else {
            expect(actor.id).toBe(ownerId);
          }
          if (['reject', 'requestChanges', 'unapprove'].includes(action)) {
            expect((comment ?? '').trim()).not.toBe('');
          }
        });
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses every action on every contribution outside an open period', () => {
    const notOpen = fc.constantFrom(null, { status: 'CLOSED' as const }, { status: 'PAID' as const });
    fc.assert(
      fc.property(anyStep, fc.constantFrom(...PEOPLE), anyStatus, notOpen, (step, ownerId, status, period) => {
        const contribution = { ownerId, chantierId: CHANTIER, status };
        expect(decideContributionAction({ ...step, contribution, period }).ok).toBe(false);
      }),
      { numRuns: 1000 },
    );
  });

  it('refuses every action to an inactive person', () => {
    fc.assert(
      fc.property(anyStep, fc.constantFrom(...PEOPLE), anyStatus, (step, ownerId, status) => {
        const actor = { ...step.actor, active: false };
        const contribution = { ownerId, chantierId: CHANTIER, status };
        const decision = decideContributionAction({ ...step, actor, contribution, period: OPEN });
        expect(decision).toEqual({ ok: false, code: 'INACTIVE' });
      }),
    );
  });
});
