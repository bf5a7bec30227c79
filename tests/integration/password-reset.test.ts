// Password reset works like an invitation: a one-time link, emailed with SMTP (the public
// "forgot" form never says whether an account exists), or made by an admin to pass on; using it
// sets the new password and cuts off the sessions opened with the old one and the API tokens.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { authenticate } from '@/lib/auth/options';
import { redeemInvitation } from '@/lib/auth/invitations';
import { requestPasswordReset } from '@/lib/auth/password-reset';
import { loadActor } from '@/lib/auth/load-actor';
import { actorFromToken } from '@/lib/auth/actor';
import { createApiToken } from '@/lib/tokens/api-tokens';
import { createAccessLink } from '@/lib/people/people';
import { mailText } from '../support/mail-catcher';
import { useSmtp } from '../support/smtp';
import { createPerson, resetDatabase, TEST_PASSWORD } from '../support/database';

const tokenOf = (url: string) => new URL(url).pathname.split('/').pop()!;

beforeEach(resetDatabase);

describe('a reset link made by an admin', () => {
  it('is a password reset for someone who has joined; using it changes the password, ends old sessions and revokes API tokens for good', async () => {
    const admin = await createPerson({ roles: ['ADMIN'] });
    const person = await createPerson({ email: 'forgetful@test.local' });
    const before = await db().person.findUniqueOrThrow({ where: { id: person.id } });
    const { token } = await createApiToken({ personId: person.id, name: 'script' });
    expect(await actorFromToken(token)).not.toBeNull();

    const link = await createAccessLink({ actor: admin, personId: person.id });
    expect(link.purpose).toBe('PASSWORD_RESET');
    expect(link.emailed).toBe(false);
    expect(link.url).toContain('/reset-password/');

    await redeemInvitation({ token: tokenOf(link.url), purpose: 'PASSWORD_RESET', password: 'a brand new password' });
    expect((await authenticate('forgetful@test.local', 'a brand new password', '192.0.2.1'))?.id).toBe(person.id);
    expect(await authenticate('forgetful@test.local', TEST_PASSWORD, '192.0.2.1')).toBeNull();
    expect(await loadActor(person.id, 'session', before.sessionVersion)).toBeNull();
    expect(await actorFromToken(token)).toBeNull();
    expect((await db().apiToken.findFirstOrThrow({ where: { personId: person.id } })).revokedAt).not.toBeNull();
    await expect(
      redeemInvitation({ token: tokenOf(link.url), purpose: 'PASSWORD_RESET', password: 'yet another password' }),
    ).rejects.toMatchObject({ code: 'INVITATION_INVALID' });
  });
});

describe('"forgot my password", with SMTP', () => {
  const mail = useSmtp();

  it('emails a reset link to an existing account, and sends nothing for an unknown one', async () => {
    await createPerson({ email: 'known@test.local' });
    await requestPasswordReset('nobody@test.local');
    expect(mail.messages).toHaveLength(0);

    await requestPasswordReset('known@test.local');
    expect(mail.messages).toHaveLength(1);
    const url = mailText(mail.messages[0].raw).match(/https?:\/\/\S+\/reset-password\/\S+/)?.[0];
    expect(url).toBeTruthy();
    await redeemInvitation({ token: tokenOf(url!), purpose: 'PASSWORD_RESET', password: 'chosen after a reset' });
    expect(await authenticate('known@test.local', 'chosen after a reset', '192.0.2.2')).not.toBeNull();
  });
});

describe('"forgot my password", without SMTP', () => {
  it('creates no link at all: an admin makes one instead', async () => {
    await createPerson({ email: 'known@test.local' });
    await requestPasswordReset('known@test.local');
    expect(await db().invitation.count()).toBe(0);
  });
});
