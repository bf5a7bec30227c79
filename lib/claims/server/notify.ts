// Telling a claim's person it was rejected or sent back for changes: by email when SMTP is
// configured, after the change committed, as a contribution's review notice is sent
// (lib/contributions/server/notify.ts). A mail server that is down never undoes the review.
import 'server-only';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { formatCents } from '@/lib/format/money';
import { mailEnabled, sendMail } from '@/lib/mail/mailer';

export type ClaimReviewNotice = {
  claimId: string;
  ownerId: string;
  kind: 'REJECTED' | 'CHANGES_REQUESTED';
  reviewerName: string;
  comment: string;
  date: string;
  description: string;
  amountCents: number | null;
};

/** The email's subject and text (French, as the contributions' notices). */
export function claimNoticeMail(notice: ClaimReviewNotice, ownerName: string): { subject: string; text: string } {
  const rejected = notice.kind === 'REJECTED';
  const amount = notice.amountCents === null ? '' : `, ${formatCents(notice.amountCents, 'fr')}`;
  return {
    subject: rejected ? 'Butin : demande refusée' : 'Butin : demande à compléter',
    text: `Bonjour ${ownerName},\n\n${notice.reviewerName} a ${rejected ? 'refusé' : 'demandé des modifications sur'} votre demande du ${notice.date.split('-').reverse().join('/')} (« ${notice.description} »${amount}).\n\n${rejected ? 'Motif' : 'Commentaire'} : ${notice.comment}\n\n${appUrl()}/claims/${notice.claimId}\n\n— Butin\n`,
  };
}

export async function notifyClaimReview(notice: ClaimReviewNotice): Promise<void> {
  if (!mailEnabled()) return;
  const owner = await db().person.findUnique({
    where: { id: notice.ownerId },
    select: { email: true, name: true, active: true },
  });
  if (!owner?.active) return;
  try {
    await sendMail({ to: owner.email, ...claimNoticeMail(notice, owner.name) });
  } catch (error) {
    // The review itself is saved; a mail server hiccup must not undo it.
    console.error('[butin] could not email a claim review notice:', error);
  }
}
