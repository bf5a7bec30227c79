// Deactivating a person cuts them off at once: their API tokens and sessions fail on the very next
// request, with no cache to wait out; reactivating restores neither the old tokens (revoked for
// good) nor the old sessions.
// The collective never loses its last admin, and nobody deactivates themselves.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as getMe } from '@/app/api/v1/me/route';
import { GET as getPeople } from '@/app/api/v1/people/route';
import { POST as postToken } from '@/app/api/v1/tokens/route';
import { loadActor } from '@/lib/auth/load-actor';
import { actorFromToken } from '@/lib/auth/actor';
import { AccountDeactivatedError, authenticate } from '@/lib/auth/options';
import { setPersonActive, updatePersonRoles } from '@/lib/people/people';
import { createApiToken } from '@/lib/tokens/api-tokens';
import type { Actor } from '@/lib/auth/permissions';
import type { AppError } from '@/lib/errors';
import { callRoute, createPerson, rejectionOf, resetDatabase, TEST_PASSWORD } from '../support/database';

let admin: Actor;
let person: Actor;
let token: string;

beforeEach(async () => {
  await resetDatabase();
  admin = await createPerson({ roles: ['ADMIN'] });
  person = await createPerson({ email: 'cut-off@test.local' });
  token = (await createApiToken({ personId: person.id, name: 'cli' })).token;
});

describe('deactivation', () => {
  it('refuses the same token on the very next request, and never brings it back on reactivation', async () => {
    expect((await callRoute(getMe, { token })).status).toBe(200);
    expect((await callRoute(getPeople, { token })).status).toBe(200);

    const deactivated = await setPersonActive({ actor: admin, personId: person.id, active: false });
    expect(deactivated.active).toBe(false);

    const refused = await callRoute(getMe, { token });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe('UNAUTHENTICATED');
    expect((await callRoute(getPeople, { token })).status).toBe(401);
    expect(await actorFromToken(token)).toBeNull();
    // The token is revoked for good, in the same transaction as the deactivation.
    expect((await db().apiToken.findFirstOrThrow({ where: { personId: person.id } })).revokedAt).not.toBeNull();

    await setPersonActive({ actor: admin, personId: person.id, active: true });
    const stillRefused = await callRoute(getMe, { token });
    expect(stillRefused.status).toBe(401);
    // The person makes a new one, which works.
    const fresh = await createApiToken({ personId: person.id, name: 'new cli' });
    expect((await callRoute(getMe, { token: fresh.token })).status).toBe(200);
  });

  it('revokes the tokens whatever path deactivates the person, even a plain UPDATE', async () => {
    await db().person.update({ where: { id: person.id }, data: { active: false } });
    await db().person.update({ where: { id: person.id }, data: { active: true } });
    expect((await callRoute(getMe, { token })).status).toBe(401);
  });

  it('ends every session: a session carrying the old version is refused, even after reactivation', async () => {
    const before = await db().person.findUniqueOrThrow({ where: { id: person.id } });
    expect(await loadActor(person.id, 'session', before.sessionVersion)).toMatchObject({
      id: person.id,
      via: 'session',
    });

    await setPersonActive({ actor: admin, personId: person.id, active: false });
    const during = await db().person.findUniqueOrThrow({ where: { id: person.id } });
    expect(during.sessionVersion).toBe(before.sessionVersion + 1);
    expect(await loadActor(person.id, 'session', before.sessionVersion)).toBeNull();
    expect(await loadActor(person.id, 'session', during.sessionVersion)).toBeNull(); // inactive: no session at all

    await setPersonActive({ actor: admin, personId: person.id, active: true });
    const after = await db().person.findUniqueOrThrow({ where: { id: person.id } });
    expect(after.sessionVersion).toBe(before.sessionVersion + 2);
    expect(await loadActor(person.id, 'session', before.sessionVersion)).toBeNull();
    expect(await loadActor(person.id, 'session', during.sessionVersion)).toBeNull();
    // A new sign-in gets the current version, which works.
    expect(await loadActor(person.id, 'session', after.sessionVersion)).toMatchObject({ id: person.id });
  });

  it('refuses sign-in and new tokens to a deactivated person, with the right password', async () => {
    await setPersonActive({ actor: admin, personId: person.id, active: false });
    expect(await authenticate(person.email, TEST_PASSWORD, '10.0.0.1')).toBeNull();
    const response = await callRoute(postToken, {
      method: 'POST',
      body: { email: person.email, password: TEST_PASSWORD },
    });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('UNAUTHENTICATED');
    expect(await db().apiToken.count({ where: { personId: person.id } })).toBe(1);
  });

  it('tells the sign-in form the account is deactivated only when the password is right', async () => {
    await setPersonActive({ actor: admin, personId: person.id, active: false });
    const options = { tellDeactivated: true };
    expect(await authenticate(person.email, 'wrong password', '10.0.0.2', 'SIGN_IN', options)).toBeNull();
    const error = await rejectionOf(authenticate(person.email, TEST_PASSWORD, '10.0.0.2', 'SIGN_IN', options));
    expect(error).toBeInstanceOf(AccountDeactivatedError);
    expect(error.message).toBe('DEACTIVATED');
    // Both attempts count as failures for the rate limits.
    expect(await db().authAttempt.count({ where: { email: person.email, success: false } })).toBe(2);
  });

  it('leaves a deactivated person out of the people list', async () => {
    await setPersonActive({ actor: admin, personId: person.id, active: false });
    const adminToken = (await createApiToken({ personId: admin.id, name: 'admin' })).token;
    const list = await callRoute(getPeople, { token: adminToken });
    expect(list.status).toBe(200);
    expect(list.body.items.map((item: { id: string }) => item.id)).toEqual([admin.id]);
  });

  it('writes who deactivated whom to the audit log', async () => {
    await setPersonActive({ actor: admin, personId: person.id, active: false });
    await setPersonActive({ actor: admin, personId: person.id, active: true });
    const entries = await db().auditLog.findMany({ where: { entityId: person.id }, orderBy: { id: 'asc' } });
    expect(entries.map((entry) => [entry.action, entry.actorId])).toEqual([
      ['person.deactivated', admin.id],
      ['person.reactivated', admin.id],
    ]);
  });

  it('answers NOT_FOUND for an unknown person', async () => {
    expect((await rejectionOf(setPersonActive({ actor: admin, personId: 'nobody', active: false }))).code).toBe(
      'NOT_FOUND',
    );
  });
});

describe('the last admin and oneself', () => {
  it('refuses an admin deactivating themselves', async () => {
    const error = await rejectionOf(setPersonActive({ actor: admin, personId: admin.id, active: false }));
    expect(error.code).toBe('CONFLICT');
    expect((error as AppError).messageKey).toBe('errors.SELF_DEACTIVATE');
    expect((await db().person.findUniqueOrThrow({ where: { id: admin.id } })).active).toBe(true);
  });

  it('refuses removing the ADMIN role from the last active admin', async () => {
    const error = await rejectionOf(
      updatePersonRoles({ actor: admin, input: { personId: admin.id, roles: ['TREASURER'], referentOf: [] } }),
    );
    expect(error.code).toBe('CONFLICT');
    expect((error as AppError).messageKey).toBe('errors.LAST_ADMIN');
    expect((await db().person.findUniqueOrThrow({ where: { id: admin.id } })).roles).toContain('ADMIN');
  });

  it('counts only active admins: an inactive second admin does not make the first removable', async () => {
    const dormant = await createPerson({ roles: ['ADMIN'] });
    await setPersonActive({ actor: admin, personId: dormant.id, active: false });
    const error = await rejectionOf(
      updatePersonRoles({ actor: admin, input: { personId: admin.id, roles: [], referentOf: [] } }),
    );
    expect((error as AppError).messageKey).toBe('errors.LAST_ADMIN');
  });

  it('allows it once another active admin exists, then protects that one', async () => {
    const second = await createPerson({ roles: ['ADMIN'] });
    const demoted = await updatePersonRoles({
      actor: second,
      input: { personId: admin.id, roles: [], referentOf: [] },
    });
    expect(demoted.roles).toEqual(['CONTRIBUTOR']);
    // `second` is now the only admin: they can neither deactivate nor demote themselves.
    expect(
      ((await rejectionOf(setPersonActive({ actor: second, personId: second.id, active: false }))) as AppError)
        .messageKey,
    ).toBe('errors.SELF_DEACTIVATE');
    const demoting = rejectionOf(
      updatePersonRoles({ actor: second, input: { personId: second.id, roles: [], referentOf: [] } }),
    );
    expect(((await demoting) as AppError).messageKey).toBe('errors.LAST_ADMIN');
  });

  it('an admin may deactivate another admin while one active admin remains', async () => {
    const second = await createPerson({ roles: ['ADMIN'] });
    expect((await setPersonActive({ actor: admin, personId: second.id, active: false })).active).toBe(false);
    expect(await db().person.count({ where: { active: true, roles: { has: 'ADMIN' } } })).toBe(1);
  });

  it('two admins deactivating each other at the same moment leave at least one admin', async () => {
    const second = await createPerson({ roles: ['ADMIN'] });
    const results = await Promise.allSettled([
      setPersonActive({ actor: admin, personId: second.id, active: false }),
      setPersonActive({ actor: second, personId: admin.id, active: false }),
    ]);
    const activeAdmins = await db().person.count({ where: { active: true, roles: { has: 'ADMIN' } } });
    expect(activeAdmins, JSON.stringify(results.map((result) => result.status))).toBe(1);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(refused.map((result) => (result.reason as AppError).messageKey)).toEqual(['errors.LAST_ADMIN']);
  });

  it('two admins demoting each other at the same moment leave at least one admin', async () => {
    const second = await createPerson({ roles: ['ADMIN'] });
    const results = await Promise.allSettled([
      updatePersonRoles({ actor: admin, input: { personId: second.id, roles: [], referentOf: [] } }),
      updatePersonRoles({ actor: second, input: { personId: admin.id, roles: [], referentOf: [] } }),
    ]);
    expect(await db().person.count({ where: { active: true, roles: { has: 'ADMIN' } } })).toBe(1);
    const refused = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
    expect(refused.map((result) => (result.reason as AppError).messageKey)).toEqual(['errors.LAST_ADMIN']);
  });
});
