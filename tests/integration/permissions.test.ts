// The permission wrapper refuses each role what it must: a matrix of roles × API endpoints with
// bearer tokens (exact statuses), the domain functions an admin alone may call, and can() per
// permission per role.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as getMe } from '@/app/api/v1/me/route';
import { GET as getPeople, POST as postPeople } from '@/app/api/v1/people/route';
import { GET as getChantiers } from '@/app/api/v1/chantiers/route';
import { GET as getPlaces } from '@/app/api/v1/places/route';
import { DELETE as deleteToken } from '@/app/api/v1/tokens/[id]/route';
import { can, PERMISSIONS, type Actor, type Permission, type Role } from '@/lib/auth/permissions';
import { createAccessLink, invitePerson, setPersonActive, updatePersonRoles } from '@/lib/people/people';
import { saveChantier, savePlace } from '@/lib/chantiers/chantiers';
import { updateSettings } from '@/lib/settings/settings';
import { closePeriod } from '@/lib/periods/payouts';
import { createApiToken } from '@/lib/tokens/api-tokens';
import { callRoute, createChantier, createPerson, createPlace, rejectionOf, resetDatabase } from '../support/database';

type Who = 'admin' | 'treasurer' | 'referent' | 'contributor' | 'deactivated';
const EVERYONE: Who[] = ['admin', 'treasurer', 'referent', 'contributor', 'deactivated'];

const people = {} as Record<Who, Actor>;
const tokens = {} as Record<Who, string>;
/** A second token per person, for the revocation rows (so the main token keeps working). */
const spareTokenIds = {} as Record<Who, string[]>;
let chantierId: string;
let placeId: string;
let inviteCounter = 0;

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Chantier des permissions', code: 'PERM' })).id;
  placeId = (await createPlace({ name: 'Lieu des permissions' })).id;
  people.admin = await createPerson({ name: 'Ada Admin', roles: ['ADMIN'] });
  people.treasurer = await createPerson({ name: 'Tess Treasurer', roles: ['TREASURER'] });
  people.referent = await createPerson({ name: 'Rémi Referent', referentOf: [chantierId] });
  people.contributor = await createPerson({ name: 'Coco Contributor' });
  people.deactivated = await createPerson({ name: 'Dede Deactivated' });
  for (const who of EVERYONE) {
    tokens[who] = (await createApiToken({ personId: people[who].id, name: 'main' })).token;
    spareTokenIds[who] = [];
    for (let index = 0; index < 2; index++)
      spareTokenIds[who].push((await createApiToken({ personId: people[who].id, name: `spare ${index}` })).id);
  }
  // Cut off after the token was made: exactly what an admin's deactivation does.
  await db().person.update({
    where: { id: people.deactivated.id },
    data: { active: false, sessionVersion: { increment: 1 } },
  });
});

describe('API endpoints × roles, with bearer tokens', () => {
  const signedIn = (who: Who) => (who === 'deactivated' ? 401 : 200);

  it.each(EVERYONE)('GET /api/v1/me as %s', async (who) => {
    const response = await callRoute(getMe, { token: tokens[who] });
    expect(response.status).toBe(signedIn(who));
    if (who === 'deactivated') {
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
      return;
    }
    const person = people[who];
    expect(response.body).toEqual({
      id: person.id,
      email: person.email,
      name: person.name,
      roles: person.roles,
      referentOf: person.referentOf,
    });
  });

  it('GET /api/v1/me answers who each role is', async () => {
    const roles = async (who: Who) => ((await callRoute(getMe, { token: tokens[who] })).body.roles as string[]).sort();
    expect(await roles('admin')).toEqual(['ADMIN', 'CONTRIBUTOR']);
    expect(await roles('treasurer')).toEqual(['CONTRIBUTOR', 'TREASURER']);
    expect(await roles('referent')).toEqual(['CONTRIBUTOR', 'REFERENT']);
    const referent = (await callRoute(getMe, { token: tokens.referent })).body;
    expect(referent.referentOf).toEqual([chantierId]);
    expect(await roles('contributor')).toEqual(['CONTRIBUTOR']);
  });

  it.each(EVERYONE)('GET /api/v1/people as %s', async (who) => {
    const response = await callRoute(getPeople, { token: tokens[who] });
    expect(response.status).toBe(signedIn(who));
    if (who === 'deactivated') return;
    const ids = response.body.items.map((item: { id: string }) => item.id);
    // Active people only; the deactivated person is not listed.
    expect(ids.sort()).toEqual(
      EVERYONE.filter((other) => other !== 'deactivated')
        .map((other) => people[other].id)
        .sort(),
    );
  });

  it.each([
    ['admin', 201],
    ['treasurer', 403],
    ['referent', 403],
    ['contributor', 403],
    ['deactivated', 401],
  ] as [Who, number][])('POST /api/v1/people as %s → %i', async (who, status) => {
    const email = `invited-${who}-${inviteCounter++}@test.local`;
    const response = await callRoute(postPeople, {
      method: 'POST',
      token: tokens[who],
      body: { email, name: 'Newcomer', roles: ['CONTRIBUTOR'] },
    });
    expect(response.status).toBe(status);
    if (status === 201) {
      expect(response.body).toMatchObject({ email, name: 'Newcomer', roles: ['CONTRIBUTOR'], active: true });
      expect(response.body.invitationUrl).toMatch(/\/join\/inv_/);
    } else {
      expect(response.body.error.code).toBe(status === 403 ? 'FORBIDDEN' : 'UNAUTHENTICATED');
    }
    expect(await db().person.count({ where: { email } })).toBe(status === 201 ? 1 : 0);
  });

  it('POST /api/v1/people as a treasurer who is also an admin → 201 (roles add up)', async () => {
    const both = await createPerson({ roles: ['TREASURER', 'ADMIN'] });
    const { token } = await createApiToken({ personId: both.id, name: 'both' });
    const response = await callRoute(postPeople, {
      method: 'POST',
      token,
      body: { email: 'by-both@test.local', name: 'X' },
    });
    expect(response.status).toBe(201);
  });

  it.each(EVERYONE)('GET /api/v1/chantiers and /api/v1/places as %s', async (who) => {
    const chantiers = await callRoute(getChantiers, { token: tokens[who] });
    const places = await callRoute(getPlaces, { token: tokens[who] });
    expect(chantiers.status).toBe(signedIn(who));
    expect(places.status).toBe(signedIn(who));
    if (who === 'deactivated') return;
    expect(chantiers.body.items).toEqual([
      {
        id: chantierId,
        code: 'PERM',
        name: 'Chantier des permissions',
        description: '',
        active: true,
        referents: [people.referent.id],
      },
    ]);
    expect(places.body.items).toEqual([{ id: placeId, code: null, name: 'Lieu des permissions', active: true }]);
  });

  it.each(EVERYONE)('DELETE /api/v1/tokens/{id} as %s: own token 204, another person’s 404', async (who) => {
    const own = await callRoute(deleteToken, {
      method: 'DELETE',
      token: tokens[who],
      params: { id: spareTokenIds[who][0] },
    });
    // Everyone's "other" is the contributor, except the contributor's, which is the admin.
    const victim: Who = who === 'contributor' ? 'admin' : 'contributor';
    const other = await callRoute(deleteToken, {
      method: 'DELETE',
      token: tokens[who],
      params: { id: spareTokenIds[victim][1] },
    });
    if (who === 'deactivated') {
      expect(own.status).toBe(401);
      expect(other.status).toBe(401);
      // Deactivation itself revoked every token of theirs, for good.
      expect(
        (await db().apiToken.findUniqueOrThrow({ where: { id: spareTokenIds[who][0] } })).revokedAt,
      ).not.toBeNull();
    } else {
      expect(own.status).toBe(204);
      expect(own.body).toBeNull();
      expect(other.status).toBe(404);
      expect(other.body.error.code).toBe('NOT_FOUND');
      expect(
        (await db().apiToken.findUniqueOrThrow({ where: { id: spareTokenIds[who][0] } })).revokedAt,
      ).not.toBeNull();
    }
    // Nobody can revoke another person's token, an admin included.
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: spareTokenIds[victim][1] } })).revokedAt).toBeNull();
  });

  it.each([
    ['no Authorization header', undefined],
    ['an unknown token', 'butin_not-a-real-token'],
    ['an empty bearer', ''],
  ])('every endpoint answers 401 to %s', async (_label, token) => {
    const headers = token === '' ? { authorization: 'Bearer ' } : undefined;
    for (const [handler, method] of [
      [getMe, 'GET'],
      [getPeople, 'GET'],
      [postPeople, 'POST'],
      [getChantiers, 'GET'],
      [getPlaces, 'GET'],
      [deleteToken, 'DELETE'],
    ] as const) {
      const response = await callRoute(handler, {
        method,
        token,
        headers,
        body: method === 'POST' ? { email: 'x@test.local', name: 'x' } : undefined,
        params: { id: spareTokenIds.admin[1] },
      });
      expect(response.status, `${method} ${handler.name}`).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('a Basic Authorization header is not a token: 401', async () => {
    const response = await callRoute(getMe, {
      headers: { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` },
    });
    expect(response.status).toBe(401);
  });
});

describe('domain functions only an admin may call', () => {
  const nonAdmins: Who[] = ['treasurer', 'referent', 'contributor'];

  it.each(nonAdmins)(
    'refuses invitePerson, updatePersonRoles, setPersonActive and createAccessLink to a %s (FORBIDDEN), changing nothing',
    async (who) => {
      const actor = people[who];
      const target = people.contributor.id === actor.id ? people.treasurer : people.contributor;
      const before = await db().person.findUniqueOrThrow({ where: { id: target.id }, include: { referentOf: true } });

      const attempts = [
        invitePerson({ actor, input: { email: `by-${who}@test.local`, name: 'x', roles: ['ADMIN'], referentOf: [] } }),
        updatePersonRoles({ actor, input: { personId: target.id, roles: ['ADMIN'], referentOf: [chantierId] } }),
        updatePersonRoles({ actor, input: { personId: actor.id, roles: ['ADMIN'], referentOf: [] } }),
        setPersonActive({ actor, personId: target.id, active: false }),
        createAccessLink({ actor, personId: target.id }),
      ];
      for (const attempt of attempts) expect((await rejectionOf(attempt)).code).toBe('FORBIDDEN');

      const after = await db().person.findUniqueOrThrow({ where: { id: target.id }, include: { referentOf: true } });
      expect(after).toEqual(before);
      expect(await db().person.count({ where: { email: `by-${who}@test.local` } })).toBe(0);
      expect((await db().person.findUniqueOrThrow({ where: { id: actor.id } })).roles).not.toContain('ADMIN');
      expect(await db().invitation.count({ where: { personId: target.id } })).toBe(0);
    },
  );

  it.each(nonAdmins)('refuses chantier, place and settings management to a %s', async (who) => {
    const actor = people[who];
    expect(
      (await rejectionOf(saveChantier({ actor, input: { name: 'Forbidden chantier', description: '', active: true } })))
        .code,
    ).toBe('FORBIDDEN');
    expect((await rejectionOf(savePlace({ actor, input: { name: 'Forbidden place', active: true } }))).code).toBe(
      'FORBIDDEN',
    );
    expect(
      (await rejectionOf(updateSettings({ actor, input: { name: 'Hijacked', timeZone: 'UTC', transparency: false } })))
        .code,
    ).toBe('FORBIDDEN');
    expect(await db().chantier.count({ where: { name: 'Forbidden chantier' } })).toBe(0);
    expect(await db().place.count({ where: { name: 'Forbidden place' } })).toBe(0);
  });

  it('lets an admin do each of them', async () => {
    const admin = people.admin;
    const invited = await invitePerson({
      actor: admin,
      input: { email: 'by-admin@test.local', name: 'By admin', roles: [], referentOf: [] },
    });
    const updated = await updatePersonRoles({
      actor: admin,
      input: { personId: invited.person.id, roles: ['TREASURER'], referentOf: [chantierId] },
    });
    expect(updated.roles).toEqual(['TREASURER', 'REFERENT', 'CONTRIBUTOR']);
    expect(updated.referentOf).toEqual([chantierId]);
    expect((await setPersonActive({ actor: admin, personId: invited.person.id, active: false })).active).toBe(false);
    expect((await setPersonActive({ actor: admin, personId: invited.person.id, active: true })).active).toBe(true);
    expect((await createAccessLink({ actor: admin, personId: invited.person.id })).purpose).toBe('INVITE');
    expect(
      (await saveChantier({ actor: admin, input: { name: 'Allowed chantier', description: '', active: true } })).name,
    ).toBe('Allowed chantier');
  });

  it('refuses closing a period to everyone but a treasurer', async () => {
    for (const who of ['admin', 'referent', 'contributor'] as Who[]) {
      expect((await rejectionOf(closePeriod({ actor: people[who], periodId: 'whatever' }))).code, who).toBe(
        'FORBIDDEN',
      );
    }
    // The treasurer passes the permission check and meets the next one.
    expect((await rejectionOf(closePeriod({ actor: people.treasurer, periodId: 'whatever' }))).code).toBe('NOT_FOUND');
  });
});

describe('can(): each permission for each role', () => {
  // Written out by hand from docs/permissions.md ("Permissions by role"), not derived from the code.
  const EXPECTED: Record<Permission, Role[]> = {
    'people.invite': ['ADMIN'],
    'people.update': ['ADMIN'],
    'people.deactivate': ['ADMIN'],
    'chantiers.manage': ['ADMIN'],
    'places.manage': ['ADMIN'],
    'settings.manage': ['ADMIN'],
    'audit.read': ['ADMIN'],
    'periods.manage': ['TREASURER'],
    'periods.close': ['TREASURER'],
    'periods.reopen': ['ADMIN'],
    'payouts.readAll': ['TREASURER'],
    'payments.record': ['TREASURER'],
    'exports.read': ['TREASURER'],
    'personalData.readAny': ['TREASURER'],
    'contributions.import': ['ADMIN'],
  };
  const ROLES: Role[] = ['ADMIN', 'TREASURER', 'REFERENT', 'CONTRIBUTOR'];

  it('covers every permission the code defines', () => {
    expect([...PERMISSIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  const rows = PERMISSIONS.flatMap((permission) =>
    ROLES.map((role) => [permission, role, EXPECTED[permission]?.includes(role) ?? false] as const),
  );
  it.each(rows)('can(%s) for %s is %s', (permission, role, expected) => {
    expect(can({ roles: [role] }, permission)).toBe(expected);
  });

  it('gives a person the union of their roles, and nothing to nobody', () => {
    for (const permission of PERMISSIONS) {
      expect(can({ roles: ['ADMIN', 'TREASURER'] }, permission), permission).toBe(true);
      expect(can({ roles: ['REFERENT', 'CONTRIBUTOR'] }, permission), permission).toBe(false);
      expect(can({ roles: [] }, permission), permission).toBe(false);
      expect(can(null, permission), permission).toBe(false);
      expect(can(undefined, permission), permission).toBe(false);
    }
  });
});
