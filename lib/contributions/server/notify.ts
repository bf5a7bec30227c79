// Telling a contributor their entry was rejected or sent back: always in the app (a
// notification row), and by email when SMTP is configured. Sent after the change committed.
import 'server-only';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { mailEnabled, sendMail } from '@/lib/mail/mailer';

export type ReviewNotice = {
  contributionId: string;
  ownerId: string;
  kind: 'REJECTED' | 'CHANGES_REQUESTED';
  reviewerName: string;
  comment: string;
  date: string;
  description: string;
};

export async function notifyReview(notice: ReviewNotice): Promise<void> {
  await db().notification.create({
    data: { personId: notice.ownerId, kind: `contribution.${notice.kind}`, data: notice },
  });
  if (!mailEnabled()) return;
  const owner = await db().person.findUnique({
    where: { id: notice.ownerId },
    select: { email: true, name: true, active: true },
  });
  if (!owner?.active) return;
  const rejected = notice.kind === 'REJECTED';
  try {
    await sendMail({
      to: owner.email,
      subject: rejected ? 'Butin : contribution refusée' : 'Butin : contribution à compléter',
      text: `Bonjour ${owner.name},\n\n${notice.reviewerName} a ${rejected ? 'refusé' : 'demandé des modifications sur'} votre contribution du ${notice.date.split('-').reverse().join('/')} (« ${notice.description} »).\n\n${rejected ? 'Motif' : 'Commentaire'} : ${notice.comment}\n\n${appUrl()}/contributions\n\n— Butin\n`,
    });
  } catch (error) {
    // The review itself is saved; a mail server hiccup must not undo it. The in-app notice stays.
    console.error('[butin] could not email a review notice:', error);
  }
}
