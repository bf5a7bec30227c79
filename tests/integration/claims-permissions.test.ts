// Who may do what to a claim, as a matrix of roles against the claim as stored, through the API:
// the rule written out from docs/claims.md (its person, the chantier's referents, treasurers,
// admins, someone else entirely), for each state that matters. Those who may not see a claim are
// told it does not exist (404); those who see it but may not act are forbidden (403).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { POST as createRoute } from '@/app/api/v1/claims/route';
import { GET as getRoute, PATCH as patchRoute } from '@/app/api/v1/claims/[id]/route';
import { POST as actionRoute } from '@/app/api/v1/claims/[id]/[action]/route';
import { createClaim, transitionClaim } from '@/lib/claims/server/mutations';
import type { TClaimOut } from '@/lib/claims/openapi';
import type { Actor } from '@/lib/auth/permissions';
import { bearerToken, callRoute, createChantier, createPeriod, createPerson, resetDatabase } from '../support/database';

const ROLES = ['owner', 'stranger', 'referent', 'otherReferent', 'treasurer', 'admin'] as const;
type RoleName = (typeof ROLES)[number];
const actors = {} as Record<RoleName, Actor>;
const tokens = {} as Record<RoleName, string>;
let chantierId: string;
const DATE = '2026-02-02';

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Atelier' })).id;
  const otherChantierId = (await createChantier({ name: 'Jardin' })).id;
  await createPeriod({ name: '2026', startDate: '2026-01-01', endDate: '2026-12-31' });
  actors.owner = await createPerson({ name: 'Chloé' });
  actors.stranger = await createPerson({ name: 'Sam' });
  actors.referent = await createPerson({ name: 'Rémi', referentOf: [chantierId] });
  actors.otherReferent = await createPerson({ name: 'Rose', referentOf: [otherChantierId] });
  actors.treasurer = await createPerson({ name: 'Tess', roles: ['TREASURER'] });
  actors.admin = await createPerson({ name: 'Ada', roles: ['ADMIN'] });
  for (const role of ROLES) tokens[role] = await bearerToken(actors[role].id);
  await db().collectiveSettings.upsert({
    where: { id: 1 },
    create: { id: 1, transparency: false },
    update: { transparency: false },
  });
});

type State = 'DRAFT' | 'SUBMITTED' | 'APPROVED' | 'COMMITTED';

/** A fresh claim of the owner's in the given state. */
async function claimIn(state: State): Promise<TClaimOut> {
  const base = { date: DATE, chantierId, description: 'Matrice', amountCents: 1000, submit: false };
  if (state === 'COMMITTED')
    return createClaim(actors.referent, { ...base, kind: 'FIXED_FEE', personId: actors.owner.id });
  const draft = await createClaim(actors.owner, { ...base, kind: 'IN_KIND' });
  if (state === 'DRAFT') return draft;
  const submitted = await transitionClaim(actors.owner, draft.id, 'submit');
  return state === 'SUBMITTED' ? submitted : transitionClaim(actors.referent, draft.id, 'approve');
}

/** Expected statuses per role, in ROLES order: owner, stranger, referent, otherReferent, treasurer, admin. */
type Row = [state: State, expected: [number, number, number, number, number, number]];

describe('seeing a claim (transparency off)', () => {
  const ROWS: Row[] = [
    ['DRAFT', [200, 404, 404, 404, 404, 404]],
    ['SUBMITTED', [200, 404, 200, 404, 200, 200]],
    ['APPROVED', [200, 404, 200, 404, 200, 200]],
    ['COMMITTED', [200, 404, 200, 404, 200, 200]],
  ];
  it.each(ROWS)('%s', async (state, expected) => {
    const claim = await claimIn(state);
    for (const [index, role] of ROLES.entries()) {
      const answer = await callRoute(getRoute, { token: tokens[role], params: { id: claim.id } });
      expect(answer.status, role).toBe(expected[index]);
    }
  });
});

describe('acting on a claim', () => {
  type ActRow = [
    label: string,
    state: State,
    act: (claim: TClaimOut, token: string) => Promise<{ status: number }>,
    expected: Row[1],
  ];
  const patch = (claim: TClaimOut, token: string) =>
    callRoute(patchRoute, {
      method: 'PATCH',
      token,
      params: { id: claim.id },
      body: { version: claim.version, amountCents: 1200 },
    });
  const action =
    (name: string, body: object = {}) =>
    (claim: TClaimOut, token: string) =>
      callRoute(actionRoute, {
        method: 'POST',
        token,
        params: { id: claim.id, action: name },
        body: { version: claim.version, ...body },
      });
  const ROWS: ActRow[] = [
    ['edit a draft', 'DRAFT', patch, [200, 404, 404, 404, 404, 404]],
    ['edit a submitted claim', 'SUBMITTED', patch, [200, 404, 403, 404, 403, 403]],
    ['edit a committed fee', 'COMMITTED', patch, [403, 404, 200, 404, 200, 200]],
    ['submit a draft', 'DRAFT', action('submit'), [200, 404, 404, 404, 404, 404]],
    ['submit a committed fee', 'COMMITTED', action('submit'), [200, 404, 403, 404, 403, 403]],
    ['approve', 'SUBMITTED', action('approve'), [403, 404, 200, 404, 403, 200]],
    ['reject', 'SUBMITTED', action('reject', { reason: 'Non' }), [403, 404, 200, 404, 403, 200]],
    [
      'request changes',
      'SUBMITTED',
      action('request-changes', { comment: 'Le ticket' }),
      [403, 404, 200, 404, 403, 200],
    ],
    ['unapprove', 'APPROVED', action('unapprove', { comment: 'Erreur' }), [403, 404, 200, 404, 403, 200]],
  ];
  it.each(ROWS)('%s', async (_label, state, act, expected) => {
    for (const [index, role] of ROLES.entries()) {
      const claim = await claimIn(state);
      const answer = await act(claim, tokens[role]);
      expect(answer.status, role).toBe(expected[index]);
      const stored = await db().claim.findUniqueOrThrow({ where: { id: claim.id } });
      // A refusal changes nothing.
      if (answer.status !== 200) expect(stored.version, role).toBe(claim.version);
    }
  });
});

describe('committing a fixed fee for someone', () => {
  it.each([
    ['referent', 201],
    ['treasurer', 201],
    ['admin', 201],
    ['otherReferent', 403],
    ['stranger', 403],
  ] as [RoleName, number][])('%s → %i', async (role, status) => {
    const answer = await callRoute(createRoute, {
      method: 'POST',
      token: tokens[role],
      body: {
        kind: 'FIXED_FEE',
        date: DATE,
        chantierId,
        description: 'Devis',
        amountCents: 5000,
        personId: actors.owner.id,
      },
    });
    expect(answer.status).toBe(status);
    if (status === 201) expect(answer.body).toMatchObject({ status: 'COMMITTED', personId: actors.owner.id });
  });
});

describe('under transparency', () => {
  it('shows approved claims to everyone, and nothing else', async () => {
    const approved = await claimIn('APPROVED');
    const submitted = await claimIn('SUBMITTED');
    await db().collectiveSettings.update({ where: { id: 1 }, data: { transparency: true } });
    try {
      expect((await callRoute(getRoute, { token: tokens.stranger, params: { id: approved.id } })).status).toBe(200);
      expect((await callRoute(getRoute, { token: tokens.stranger, params: { id: submitted.id } })).status).toBe(404);
    } finally {
      await db().collectiveSettings.update({ where: { id: 1 }, data: { transparency: false } });
    }
  });
});
