// PATCH /api/v1/people/{id}: an admin changes only what is sent, under the admin screen's rules
// (unique email, known chantiers, never the last admin, never oneself deactivated); `active: false`
// cuts the person's tokens and sessions on their very next request. Everyone else: 403, nothing changed.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { PATCH as patchPerson } from '@/app/api/v1/people/[id]/route';
import { GET as getMe } from '@/app/api/v1/me/route';
import { loadActor } from '@/lib/auth/load-actor';
import type { Actor, Role } from '@/lib/auth/permissions';
import { bearerToken, callRoute, createChantier, createPerson, resetDatabase, tableCounts } from '../support/database';

let admin: Actor;
let adminToken: string;
let target: Actor;
let chantierId: string;

beforeEach(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Jardin' })).id;
  admin = await createPerson({ name: 'Ada', roles: ['ADMIN'] });
  adminToken = await bearerToken(admin.id);
  target = await createPerson({ name: 'Théo', email: 'theo@test.local' });
});

const patch = (token: string, id: string, body: unknown) =>
  callRoute(patchPerson, { method: 'PATCH', token, params: { id }, body });

const stored = (id: string) =>
  db().person.findUniqueOrThrow({ where: { id }, include: { referentOf: { select: { chantierId: true } } } });

describe('PATCH /api/v1/people/{id}', () => {
  it('changes only the fields sent and audits the change', async () => {
    const renamed = await patch(adminToken, target.id, { name: 'Théodore' });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toEqual({
      id: target.id,
      email: 'theo@test.local',
      name: 'Théodore',
      active: true,
      roles: ['CONTRIBUTOR'],
      referentOf: [],
    });
    const moved = await patch(adminToken, target.id, { email: '  Theo.New@Test.local ', referentOf: [chantierId] });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({
      email: 'theo.new@test.local',
      name: 'Théodore',
      roles: ['REFERENT', 'CONTRIBUTOR'],
      referentOf: [chantierId],
    });
    // Roles alone keep the stored referent links.
    const treasurer = await patch(adminToken, target.id, { roles: ['TREASURER'] });
    expect(treasurer.body).toMatchObject({ roles: ['TREASURER', 'REFERENT', 'CONTRIBUTOR'], referentOf: [chantierId] });
    const audit = await db().auditLog.findMany({ where: { entityId: target.id }, orderBy: { id: 'asc' } });
    expect(audit.map((entry) => entry.action)).toEqual([
      'person.updated',
      'person.updated',
      'person.roles',
      'person.roles',
    ]);
    expect(audit[0].data).toEqual({ before: { name: 'Théo' }, after: { name: 'Théodore' } });
  });

  it('deactivates with active: false, cutting the token and the sessions at once, for good: reactivating brings neither back', async () => {
    const token = await bearerToken(target.id);
    const version = (await stored(target.id)).sessionVersion;
    expect((await callRoute(getMe, { token })).status).toBe(200);
    const off = await patch(adminToken, target.id, { active: false });
    expect(off.status).toBe(200);
    expect(off.body.active).toBe(false);
    expect((await callRoute(getMe, { token })).status).toBe(401);
    expect(await loadActor(target.id, 'session', version)).toBeNull();
    const on = await patch(adminToken, target.id, { active: true });
    expect(on.body.active).toBe(true);
    // The old token stays revoked: the person makes a new one.
    expect((await callRoute(getMe, { token })).status).toBe(401);
    expect((await callRoute(getMe, { token: await bearerToken(target.id) })).status).toBe(200);
    expect(await loadActor(target.id, 'session', version)).toBeNull();
  });

  it.each<[string, () => Promise<{ status: number; body: any }>, number, string, string?]>([
    [
      'an email already taken',
      () => patch(adminToken, target.id, { email: admin.email }),
      409,
      'ALREADY_EXISTS',
      'email',
    ],
    [
      'an unknown chantier',
      () => patch(adminToken, target.id, { referentOf: ['nope'] }),
      400,
      'VALIDATION',
      'referentOf',
    ],
    ['an unknown role', () => patch(adminToken, target.id, { roles: ['KING'] }), 400, 'VALIDATION', 'roles.0'],
    ['an empty name', () => patch(adminToken, target.id, { name: '  ' }), 400, 'VALIDATION', 'name'],
    ['not an email', () => patch(adminToken, target.id, { email: 'theo' }), 400, 'VALIDATION', 'email'],
    ['active as a string', () => patch(adminToken, target.id, { active: 'false' }), 400, 'VALIDATION', 'active'],
    ['an unknown field', () => patch(adminToken, target.id, { actve: false }), 400, 'VALIDATION'],
    ['an unknown person', () => patch(adminToken, 'nobody', { name: 'X' }), 404, 'NOT_FOUND'],
    ['the admin deactivating themselves', () => patch(adminToken, admin.id, { active: false }), 409, 'CONFLICT'],
    ['the last admin dropping the role', () => patch(adminToken, admin.id, { roles: [] }), 409, 'CONFLICT'],
    [
      'a valid rename sent with a refused deactivation (one transaction)',
      () => patch(adminToken, admin.id, { name: 'Renamed', active: false }),
      409,
      'CONFLICT',
    ],
  ])('refuses %s, changing nothing', async (_label, call, status, code, field) => {
    const before = await tableCounts();
    const people = await db().person.findMany({ orderBy: { id: 'asc' } });
    const response = await call();
    expect(response.status).toBe(status);
    expect(response.body.error.code).toBe(code);
    if (field) expect(Object.keys(response.body.error.fields)).toContain(field);
    expect(await tableCounts()).toEqual(before);
    expect(await db().person.findMany({ orderBy: { id: 'asc' } })).toEqual(people);
  });

  it.each<[string, Role[], boolean]>([
    ['an admin', ['ADMIN'], true],
    ['a treasurer', ['TREASURER'], false],
    ['a referent', ['REFERENT'], false],
    ['a contributor', [], false],
    ['the person themselves', [], false],
  ])('%s (roles %j): allowed %s', async (label, roles, allowed) => {
    const caller =
      label === 'the person themselves'
        ? target
        : await createPerson({ roles, referentOf: roles.includes('REFERENT') ? [chantierId] : [] });
    const token = await bearerToken(caller.id);
    const before = await stored(target.id);
    const response = await patch(token, target.id, { name: 'Changé', roles: ['ADMIN'] });
    if (allowed) {
      expect(response.status).toBe(200);
      expect(response.body).toMatchObject({ name: 'Changé', roles: ['ADMIN', 'CONTRIBUTOR'] });
    } else {
      expect(response.status).toBe(403);
      expect(response.body.error.code).toBe('FORBIDDEN');
      expect(await stored(target.id)).toEqual(before);
    }
  });

  it('refuses an anonymous caller and an unknown token (401)', async () => {
    const anonymous = await callRoute(patchPerson, { method: 'PATCH', params: { id: target.id }, body: { name: 'X' } });
    expect(anonymous.status).toBe(401);
    expect((await patch('not-a-token', target.id, { name: 'X' })).status).toBe(401);
    expect((await stored(target.id)).name).toBe('Théo');
  });
});
