// Invitations: an admin invites a person (no password yet, roles and referent links set); the
// one-time link, valid 7 days, lets them choose their name and password, once. With SMTP_URL set
// the link is emailed (caught here by a real SMTP server); then the new password signs in.
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { POST as postPeople } from '@/app/api/v1/people/route';
import { POST as postToken } from '@/app/api/v1/tokens/route';
import { createAccessLink, invitePerson, setPersonActive } from '@/lib/people/people';
import { ZPersonInvite, type TPersonInvite } from '@/lib/people/schemas';
import { findValidInvitation, INVITATION_TTL_DAYS, redeemInvitation } from '@/lib/auth/invitations';
import { hashToken } from '@/lib/auth/tokens';
import { authenticate } from '@/lib/auth/options';
import { resetMailer } from '@/lib/mail/mailer';
import { createApiToken } from '@/lib/tokens/api-tokens';
import type { Actor } from '@/lib/auth/permissions';
import { mailText } from '../support/mail-catcher';
import { useSmtp } from '../support/smtp';
import { callRoute, createChantier, createPerson, rejectionOf, resetDatabase } from '../support/database';

const DAY_MS = 24 * 3600 * 1000;
const NEW_PASSWORD = 'a brand new passphrase';

let admin: Actor;
let chantierId: string;

const invite = (input: Partial<TPersonInvite> & { email: string }) =>
  invitePerson({ actor: admin, input: ZPersonInvite.parse({ name: 'Invitée', ...input }) });
const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;

beforeAll(() => {
  delete process.env.SMTP_URL;
  resetMailer();
});

beforeEach(async () => {
  await resetDatabase();
  admin = await createPerson({ roles: ['ADMIN'] });
  chantierId = (await createChantier()).id;
});

describe('inviting a person', () => {
  it('creates them without a password, with their roles and referent links, and a link valid 7 days', async () => {
    const before = Date.now();
    const result = await invite({ email: 'Nouvelle@Test.local', roles: ['TREASURER'], referentOf: [chantierId] });
    expect(result.emailed).toBe(false); // no SMTP: the admin is shown the link
    expect(result.person).toMatchObject({
      email: 'nouvelle@test.local',
      name: 'Invitée',
      active: true,
      roles: ['TREASURER', 'REFERENT', 'CONTRIBUTOR'],
      referentOf: [chantierId],
    });
    expect(result.invitationUrl).toMatch(/^http:\/\/localhost:3000\/join\/inv_[A-Za-z0-9_-]{43}$/);

    const person = await db().person.findUniqueOrThrow({
      where: { id: result.person.id },
      include: { referentOf: true, invitations: true },
    });
    expect(person.passwordHash).toBeNull();
    expect(person.referentOf.map((link) => link.chantierId)).toEqual([chantierId]);
    expect(person.invitations).toHaveLength(1);
    const [invitation] = person.invitations;
    expect(invitation).toMatchObject({ purpose: 'INVITE', usedAt: null, createdById: admin.id });
    // Stored hashed, never in the clear.
    expect(invitation.tokenHash).toBe(hashToken(tokenOf(result.invitationUrl)));
    const ttl = invitation.expiresAt.getTime() - before;
    expect(ttl).toBeGreaterThan(INVITATION_TTL_DAYS * DAY_MS - 60_000);
    expect(ttl).toBeLessThanOrEqual(INVITATION_TTL_DAYS * DAY_MS + 60_000);
    expect(
      await db().auditLog.count({ where: { action: 'person.invited', entityId: person.id, actorId: admin.id } }),
    ).toBe(1);

    // Not able to sign in before joining.
    expect(await authenticate(person.email, NEW_PASSWORD, '127.0.0.1')).toBeNull();
  });

  it('refuses a duplicate email with ALREADY_EXISTS, whatever its case', async () => {
    await invite({ email: 'twice@test.local' });
    for (const email of ['twice@test.local', 'TWICE@test.local']) {
      const error = await rejectionOf(invite({ email }));
      expect(error.code, email).toBe('ALREADY_EXISTS');
      expect(error.fields).toEqual({ email: 'validation.emailTaken' });
    }
    expect(await db().person.count({ where: { email: 'twice@test.local' } })).toBe(1);
  });

  it('refuses an unknown chantier in referentOf, creating nobody', async () => {
    const error = await rejectionOf(invite({ email: 'ghost-ref@test.local', referentOf: ['no-such-chantier'] }));
    expect(error.code).toBe('VALIDATION');
    expect(await db().person.count({ where: { email: 'ghost-ref@test.local' } })).toBe(0);
  });
});

describe('redeeming the link', () => {
  it('sets the password and the chosen name, once; a second use is INVITATION_INVALID', async () => {
    const { person, invitationUrl } = await invite({ email: 'joiner@test.local' });
    const token = tokenOf(invitationUrl);
    expect((await findValidInvitation(token, 'INVITE'))?.personId).toBe(person.id);

    const redeemed = await redeemInvitation({
      token,
      purpose: 'INVITE',
      password: NEW_PASSWORD,
      name: 'Jeanne Joiner',
    });
    expect(redeemed).toEqual({ personId: person.id, email: 'joiner@test.local' });
    const stored = await db().person.findUniqueOrThrow({ where: { id: person.id } });
    expect(stored.name).toBe('Jeanne Joiner');
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect((await authenticate('joiner@test.local', NEW_PASSWORD, '127.0.0.1'))?.id).toBe(person.id);

    const again = await rejectionOf(
      redeemInvitation({ token, purpose: 'INVITE', password: 'another passphrase', name: 'Thief' }),
    );
    expect(again.code).toBe('INVITATION_INVALID');
    expect(await findValidInvitation(token, 'INVITE')).toBeNull();
    const unchanged = await db().person.findUniqueOrThrow({ where: { id: person.id } });
    expect(unchanged.name).toBe('Jeanne Joiner');
    expect(unchanged.passwordHash).toBe(stored.passwordHash);
  });

  it('lets only one of two simultaneous uses win', async () => {
    const { person, invitationUrl } = await invite({ email: 'racer@test.local' });
    const token = tokenOf(invitationUrl);
    const results = await Promise.allSettled([
      redeemInvitation({ token, purpose: 'INVITE', password: 'first passphrase', name: 'First' }),
      redeemInvitation({ token, purpose: 'INVITE', password: 'second passphrase', name: 'Second' }),
    ]);
    expect(results.map((result) => result.status).sort()).toEqual(['fulfilled', 'rejected']);
    const winner = results.findIndex((result) => result.status === 'fulfilled');
    const name = (await db().person.findUniqueOrThrow({ where: { id: person.id } })).name;
    expect(name).toBe(winner === 0 ? 'First' : 'Second');
  });

  it('refuses an expired link: by the clock, and by its stored expiry', async () => {
    const { person, invitationUrl } = await invite({ email: 'late@test.local' });
    const token = tokenOf(invitationUrl);
    const later = new Date(Date.now() + (INVITATION_TTL_DAYS + 1) * DAY_MS);
    expect(await findValidInvitation(token, 'INVITE', later)).toBeNull();
    expect(
      (await rejectionOf(redeemInvitation({ token, purpose: 'INVITE', password: NEW_PASSWORD, now: later }))).code,
    ).toBe('INVITATION_INVALID');
    // Still valid the day before it expires.
    expect(
      await findValidInvitation(token, 'INVITE', new Date(Date.now() + (INVITATION_TTL_DAYS - 1) * DAY_MS)),
    ).not.toBeNull();

    await db().invitation.updateMany({
      where: { personId: person.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect(await findValidInvitation(token, 'INVITE')).toBeNull();
    expect((await rejectionOf(redeemInvitation({ token, purpose: 'INVITE', password: NEW_PASSWORD }))).code).toBe(
      'INVITATION_INVALID',
    );
    expect((await db().person.findUniqueOrThrow({ where: { id: person.id } })).passwordHash).toBeNull();
  });

  it('refuses a link used for the other purpose, an unknown token, and a deactivated person’s link', async () => {
    const { person, invitationUrl } = await invite({ email: 'mixed@test.local' });
    const token = tokenOf(invitationUrl);
    expect(
      (await rejectionOf(redeemInvitation({ token, purpose: 'PASSWORD_RESET', password: NEW_PASSWORD }))).code,
    ).toBe('INVITATION_INVALID');
    expect(
      (
        await rejectionOf(
          redeemInvitation({ token: 'inv_made-up-token-value', purpose: 'INVITE', password: NEW_PASSWORD }),
        )
      ).code,
    ).toBe('INVITATION_INVALID');

    await setPersonActive({ actor: admin, personId: person.id, active: false });
    expect(await findValidInvitation(token, 'INVITE')).toBeNull();
    expect((await rejectionOf(redeemInvitation({ token, purpose: 'INVITE', password: NEW_PASSWORD }))).code).toBe(
      'INVITATION_INVALID',
    );
  });

  it('a new link for the same person makes the earlier one unusable', async () => {
    const { person, invitationUrl } = await invite({ email: 'relinked@test.local' });
    const fresh = await createAccessLink({ actor: admin, personId: person.id });
    expect(fresh.purpose).toBe('INVITE');
    expect(
      (
        await rejectionOf(
          redeemInvitation({ token: tokenOf(invitationUrl), purpose: 'INVITE', password: NEW_PASSWORD }),
        )
      ).code,
    ).toBe('INVITATION_INVALID');
    await redeemInvitation({ token: tokenOf(fresh.url), purpose: 'INVITE', password: NEW_PASSWORD });
    expect((await authenticate('relinked@test.local', NEW_PASSWORD, '127.0.0.1'))?.id).toBe(person.id);
  });
});

describe('POST /api/v1/people', () => {
  it('answers 201 with the person and the invitation link, which then works', async () => {
    const { token } = await createApiToken({ personId: admin.id, name: 'admin' });
    const response = await callRoute(postPeople, {
      method: 'POST',
      token,
      body: { email: 'api-invite@test.local', name: 'Api Invitée', roles: ['CONTRIBUTOR'], referentOf: [chantierId] },
    });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      email: 'api-invite@test.local',
      name: 'Api Invitée',
      active: true,
      roles: ['REFERENT', 'CONTRIBUTOR'],
      referentOf: [chantierId],
      invitationUrl: expect.stringMatching(/^http:\/\/localhost:3000\/join\/inv_/),
      invitationEmailed: false,
    });
    await redeemInvitation({ token: tokenOf(response.body.invitationUrl), purpose: 'INVITE', password: NEW_PASSWORD });
    const tokenResponse = await callRoute(postToken, {
      method: 'POST',
      body: { email: 'api-invite@test.local', password: NEW_PASSWORD },
    });
    expect(tokenResponse.status).toBe(201);
  });

  it('answers 409 ALREADY_EXISTS to a duplicate and 400 VALIDATION to bad input', async () => {
    const { token } = await createApiToken({ personId: admin.id, name: 'admin' });
    const first = await callRoute(postPeople, {
      method: 'POST',
      token,
      body: { email: 'dup@test.local', name: 'Dup' },
    });
    expect(first.status).toBe(201);
    const duplicate = await callRoute(postPeople, {
      method: 'POST',
      token,
      body: { email: 'DUP@test.local', name: 'Dup again' },
    });
    expect(duplicate.status).toBe(409);
    expect(duplicate.body.error.code).toBe('ALREADY_EXISTS');

    for (const body of [
      { email: 'x@test.local' },
      { email: 'nope', name: 'x' },
      { email: 'y@test.local', name: 'y', roles: ['KING'] },
      { email: 'z@test.local', name: 'z', referentOf: ['unknown'] },
    ]) {
      const response = await callRoute(postPeople, { method: 'POST', token, body });
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(response.body.error.code).toBe('VALIDATION');
    }
    expect(await db().person.count()).toBe(2);
  });
});

describe('with SMTP_URL set', () => {
  const mail = useSmtp();

  it('emails the invitation link; redeeming it lets the new password sign in', async () => {
    const result = await invite({ email: 'mailed@test.local', name: 'Maëlle' });
    expect(result.emailed).toBe(true);

    expect(mail.messages).toHaveLength(1);
    const [message] = mail.messages;
    expect(message.to).toEqual(['mailed@test.local']);
    const text = mailText(message.raw);
    expect(text).toContain(result.invitationUrl);
    expect(message.raw).toMatch(/^Subject: .*Invitation/im); // RFC 2047-encoded: "Invitation à rejoindre …"

    const linked = /https?:\/\/\S+\/join\/(inv_[A-Za-z0-9_-]+)/.exec(text);
    expect(linked?.[1]).toBe(tokenOf(result.invitationUrl));
    await redeemInvitation({ token: linked![1], purpose: 'INVITE', password: NEW_PASSWORD, name: 'Maëlle Mailed' });
    const person = await authenticate('mailed@test.local', NEW_PASSWORD, '127.0.0.1');
    expect(person?.name).toBe('Maëlle Mailed');
  });

  it('emails a fresh link made by an admin for a person who has not joined yet', async () => {
    const { person } = await invite({ email: 'resent@test.local' });
    mail.messages.length = 0;
    const link = await createAccessLink({ actor: admin, personId: person.id });
    expect(link.emailed).toBe(true);
    expect(mail.messages).toHaveLength(1);
    expect(mailText(mail.messages[0].raw)).toContain(link.url);
  });
});
