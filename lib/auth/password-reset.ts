// "Forgot my password": with SMTP, a one-time link is emailed; the answer never says whether an
// account exists. Without SMTP, an admin makes the link from the people page instead.
import 'server-only';
import { db } from '@/lib/db';
import { createInvitation, sendInvitationEmail } from '@/lib/auth/invitations';
import { mailEnabled } from '@/lib/mail/mailer';
import { getSettings } from '@/lib/settings/settings';

export async function requestPasswordReset(email: string): Promise<void> {
  if (!mailEnabled()) return;
  const person = await db().person.findUnique({ where: { email } });
  if (!person || !person.active || !person.passwordHash) return;
  const link = await db().$transaction((tx) =>
    createInvitation(tx, { personId: person.id, purpose: 'PASSWORD_RESET', createdById: null }),
  );
  const settings = await getSettings();
  await sendInvitationEmail({
    to: person.email,
    name: person.name,
    purpose: 'PASSWORD_RESET',
    url: link.url,
    collective: settings.name,
  });
}
