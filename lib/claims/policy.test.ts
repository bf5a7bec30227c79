// The claim policy against the rules of docs/claims.md, written out as a table, and properties:
// nobody reviews their own claim, and whoever may act on a claim may see it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CLAIM_STATUSES, nextClaimStatus, type ClaimAction } from './lifecycle';
import {
  canCommitFee,
  canSeeClaim,
  canEditClaim,
  canSeeClaimFiles,
  decideClaimAction,
  ownerMayEdit,
  type ClaimActor,
  type StoredClaim,
} from './policy';

const person = (id: string, extra: Partial<ClaimActor> = {}): ClaimActor => ({
  id,
  roles: ['CONTRIBUTOR'],
  referentOf: [],
  ...extra,
});
const owner = person('owner');
const referent = person('ref', { roles: ['CONTRIBUTOR', 'REFERENT'], referentOf: ['c1'] });
const otherReferent = person('ref2', { roles: ['CONTRIBUTOR', 'REFERENT'], referentOf: ['c2'] });
const treasurer = person('tres', { roles: ['CONTRIBUTOR', 'TREASURER'] });
const admin = person('admin', { roles: ['CONTRIBUTOR', 'ADMIN'] });
const claim = (status: StoredClaim['status'], extra: Partial<StoredClaim> = {}): StoredClaim => ({
  ownerId: 'owner',
  createdById: status === 'COMMITTED' ? 'ref' : 'owner',
  chantierId: 'c1',
  status,
  ...extra,
});
const OPEN = { status: 'OPEN' as const };

describe('decideClaimAction', () => {
  it.each([
    ['its person submits a draft', owner, claim('DRAFT'), 'submit', { ok: true, to: 'SUBMITTED' }],
    ['its person submits a committed fee', owner, claim('COMMITTED'), 'submit', { ok: true, to: 'SUBMITTED' }],
    ['its person cannot change a committed price', owner, claim('COMMITTED'), 'edit', { ok: false, code: 'FORBIDDEN' }],
    ['a referent edits a committed fee', referent, claim('COMMITTED'), 'edit', { ok: true, to: 'COMMITTED' }],
    ['a treasurer withdraws a committed fee', treasurer, claim('COMMITTED'), 'delete', { ok: true, to: null }],
    ['another chantier’s referent cannot', otherReferent, claim('COMMITTED'), 'edit', { ok: false, code: 'FORBIDDEN' }],
    [
      'a referent cannot submit for the person',
      referent,
      claim('COMMITTED'),
      'submit',
      { ok: false, code: 'FORBIDDEN' },
    ],
    ['a referent approves', referent, claim('SUBMITTED'), 'approve', { ok: true, to: 'APPROVED' }],
    [
      'nobody reviews their own',
      referent,
      claim('SUBMITTED', { ownerId: 'ref' }),
      'approve',
      { ok: false, code: 'SELF_REVIEW' },
    ],
    ['treasurers review nothing', treasurer, claim('SUBMITTED'), 'approve', { ok: false, code: 'FORBIDDEN' }],
    [
      'an admin reviews every chantier',
      admin,
      claim('SUBMITTED', { chantierId: 'c9' }),
      'approve',
      { ok: true, to: 'APPROVED' },
    ],
    ['a reject needs a reason', referent, claim('SUBMITTED'), 'reject', { ok: false, code: 'COMMENT_REQUIRED' }],
    ['an approved claim is not edited', owner, claim('APPROVED'), 'edit', { ok: false, code: 'INVALID_TRANSITION' }],
    ['a rejected claim is deleted, not edited', owner, claim('REJECTED'), 'delete', { ok: true, to: null }],
    ['files are added while it can change', owner, claim('SUBMITTED'), 'attach', { ok: true, to: 'SUBMITTED' }],
    ['no file once approved', owner, claim('APPROVED'), 'attach', { ok: false, code: 'INVALID_TRANSITION' }],
    ['only its person adds files', admin, claim('DRAFT'), 'attach', { ok: false, code: 'FORBIDDEN' }],
  ] as [string, ClaimActor, StoredClaim, ClaimAction, object][])('%s', (_label, actor, stored, action, expected) => {
    expect(decideClaimAction({ actor, claim: stored, period: OPEN, action })).toEqual(expected);
  });

  it('refuses everything once the period is closed or paid, and anything to an inactive person', () => {
    for (const status of ['CLOSED', 'PAID'] as const)
      expect(decideClaimAction({ actor: owner, claim: claim('DRAFT'), period: { status }, action: 'edit' })).toEqual({
        ok: false,
        code: 'PERIOD_CLOSED',
      });
    expect(
      decideClaimAction({ actor: { ...owner, active: false }, claim: claim('DRAFT'), period: OPEN, action: 'edit' }),
    ).toEqual({ ok: false, code: 'INACTIVE' });
  });
});

const arbitraryActor = fc.record({
  id: fc.constantFrom('owner', 'ref', 'x'),
  roles: fc.subarray(['ADMIN', 'TREASURER', 'REFERENT', 'CONTRIBUTOR'] as const),
  referentOf: fc.subarray(['c1', 'c2']),
  active: fc.boolean(),
});
const arbitraryClaim = fc.record({
  ownerId: fc.constantFrom('owner', 'ref', 'x'),
  createdById: fc.constantFrom('owner', 'ref', 'x'),
  chantierId: fc.constantFrom('c1', 'c2'),
  status: fc.constantFrom(...CLAIM_STATUSES),
});
const ACTIONS: ClaimAction[] = [
  'submit',
  'edit',
  'delete',
  'attach',
  'approve',
  'reject',
  'requestChanges',
  'unapprove',
];

describe('properties', () => {
  it('nobody reviews their own claim; whoever may act sees the claim and its files; an allowed move is in the lifecycle', () => {
    fc.assert(
      fc.property(arbitraryActor, arbitraryClaim, fc.constantFrom(...ACTIONS), (actor, stored, action) => {
        const decision = decideClaimAction({ actor, claim: stored, period: OPEN, action, comment: 'ok' });
        if (!decision.ok) return;
        if (['approve', 'reject', 'requestChanges', 'unapprove'].includes(action))
          expect(actor.id).not.toBe(stored.ownerId);
        expect(canSeeClaimFiles({ actor, claim: stored })).toBe(true);
        expect(nextClaimStatus(stored.status, action)).not.toBeNull();
      }),
    );
  });

  it('files are never seen by more people than the claim', () => {
    fc.assert(
      fc.property(arbitraryActor, arbitraryClaim, fc.boolean(), (actor, stored, transparency) => {
        if (canSeeClaimFiles({ actor, claim: stored }))
          expect(canSeeClaim({ actor, claim: stored, transparency })).toBe(true);
        // A draft is its person's (or its committer's) alone.
        if (stored.status === 'DRAFT' && canSeeClaim({ actor, claim: stored, transparency }))
          expect([stored.ownerId, stored.createdById]).toContain(actor.id);
      }),
    );
  });
});

describe('canCommitFee', () => {
  it('is for the chantier’s referents, treasurers and admins', () => {
    expect([referent, otherReferent, treasurer, admin, owner].map((actor) => canCommitFee(actor, 'c1'))).toEqual([
      true,
      false,
      true,
      true,
      false,
    ]);
  });
});

describe('who may open the edit form: the rule of saving, in an open period', () => {
  it.each(CLAIM_STATUSES)('%s: its person as decideClaimAction says, and ownerMayEdit agrees', (status) => {
    const decided = decideClaimAction({ actor: owner, claim: claim(status), period: OPEN, action: 'edit' }).ok;
    expect(canEditClaim(owner, claim(status))).toBe(decided);
    expect(ownerMayEdit(status)).toBe(decided);
  });

  it('a committed fee: its chantier referent and a treasurer, not its person nor another referent', () => {
    expect(canEditClaim(referent, claim('COMMITTED'))).toBe(true);
    expect(canEditClaim(treasurer, claim('COMMITTED'))).toBe(true);
    expect(canEditClaim(owner, claim('COMMITTED'))).toBe(false);
    expect(canEditClaim(otherReferent, claim('COMMITTED'))).toBe(false);
  });

  it('a draft: only its person', () => {
    expect(canEditClaim(owner, claim('DRAFT'))).toBe(true);
    expect(canEditClaim(referent, claim('DRAFT'))).toBe(false);
    expect(canEditClaim(treasurer, claim('DRAFT'))).toBe(false);
  });
});
