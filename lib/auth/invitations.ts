// One-time links: an invitation to join (the invitee picks their name and password) and a
// password reset. Valid 7 days, used once, stored hashed. With SMTP the link is emailed;
// otherwise whoever asked for it (an admin) is shown it to pass on.
import 'server-only';
import { appUrl } from '@/lib/env';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hashPassword } from '@/lib/auth/password';
import { hashToken, newSecretToken } from '@/lib/auth/tokens';
import { sendMail } from '@/lib/mail/mailer';
import { writeAudit } from '@/lib/audit';

export const INVITATION_TTL_DAYS = 7;

export type InvitationPurpose = 'INVITE' | 'PASSWORD_RESET';

export function invitationPath(purpose: InvitationPurpose, token: string): string {
  return purpose === 'INVITE' ? `/join/${token}` : `/reset-password/${token}`;
}

/** Creates the link inside the caller's transaction; any earlier unused link of the same kind dies. */
export async function createInvitation(
  tx: Tx,
  options: { personId: string; purpose: InvitationPurpose; createdById: string | null; now?: Date },
) {
  const now = options.now ?? new Date();
  await tx.invitation.updateMany({
    where: { personId: options.personId, purpose: options.purpose, usedAt: null },
    data: { usedAt: now },
  });
  const token = newSecretToken(options.purpose === 'INVITE' ? 'inv' : 'rst');
  await tx.invitation.create({
    data: {
      personId: options.personId,
      purpose: options.purpose,
      tokenHash: hashToken(token),
      createdById: options.createdById,
      expiresAt: new Date(now.getTime() + INVITATION_TTL_DAYS * 24 * 3600 * 1000),
    },
  });
  return { token, url: `${appUrl()}${invitationPath(options.purpose, token)}` };
}

/** Emails the link when SMTP is configured; says whether it did. */
export async function sendInvitationEmail(options: {
  to: string;
  name: string;
  purpose: InvitationPurpose;
  url: string;
  collective: string;
}): Promise<boolean> {
  const invite = options.purpose === 'INVITE';
  const send = sendMail({
    to: options.to,
    subject: invite
      ? `Invitation à rejoindre ${options.collective} sur Butin`
      : 'Butin : réinitialisation de votre mot de passe',
    text: invite
      ? `Bonjour ${options.name},\n\nVous êtes invité·e à rejoindre ${options.collective} sur Butin, pour déclarer vos contributions.\nChoisissez votre mot de passe en suivant ce lien (valable ${INVITATION_TTL_DAYS} jours, utilisable une fois) :\n\n${options.url}\n\n— Butin\n\n(English: you are invited to join ${options.collective} on Butin. Open the link above to choose your password.)\n`
      : `Bonjour ${options.name},\n\nPour choisir un nouveau mot de passe, suivez ce lien (valable ${INVITATION_TTL_DAYS} jours, utilisable une fois) :\n\n${options.url}\n\nSi vous n'avez rien demandé, ignorez ce message.\n\n— Butin\n`,
  });
  // The link is saved already: a mail server that fails must not hide it from the admin, who is
  // then shown the link to pass on, as when no SMTP is configured.
  return send.catch((error: unknown) => {
    console.error('[butin] could not send the invitation email:', error instanceof Error ? error.message : error);
    return false;
  });
}

/** Reads a link without using it up, for the page that shows the form. */
export async function findValidInvitation(token: string, purpose: InvitationPurpose, now = new Date()) {
  const invitation = await db().invitation.findUnique({
    where: { tokenHash: hashToken(token) },
    include: { person: true },
  });
  if (
    !invitation ||
    invitation.purpose !== purpose ||
    invitation.usedAt ||
    invitation.expiresAt <= now ||
    !invitation.person.active
  ) {
    return null;
  }
  return invitation;
}

/**
 * Uses a link: sets the password (and, for an invitation, the chosen name), and cuts off any
 * session opened with the old password. The link is marked used in the same transaction, and
 * only if it was still unused, so two tabs racing cannot both use it.
 */
export async function redeemInvitation(options: {
  token: string;
  purpose: InvitationPurpose;
  password: string;
  name?: string;
  now?: Date;
}) {
  const now = options.now ?? new Date();
  const passwordHash = await hashPassword(options.password);
  return db().$transaction(async (tx) => {
    const invitation = await tx.invitation.findUnique({
      where: { tokenHash: hashToken(options.token) },
      include: { person: true },
    });
    if (
      !invitation ||
      invitation.purpose !== options.purpose ||
      invitation.expiresAt <= now ||
      !invitation.person.active
    ) {
      throw new AppError('INVITATION_INVALID', 'errors.INVITATION_INVALID');
    }
    const claimed = await tx.invitation.updateMany({
      where: { id: invitation.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count !== 1) throw new AppError('INVITATION_INVALID', 'errors.INVITATION_INVALID');
    const person = await tx.person.update({
      where: { id: invitation.personId },
      data: { passwordHash, ...(options.name ? { name: options.name } : {}), sessionVersion: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: person.id,
      action: options.purpose === 'INVITE' ? 'invitation.accepted' : 'password.reset',
      entityType: 'person',
      entityId: person.id,
    });
    return { personId: person.id, email: person.email };
  });
}
