// The referents' digest: for each person who reviews, what waits for them (submitted
// contributions of their chantiers, never their own). Sent by `npm run notify:digest`, meant for
// a daily cron; nothing is sent to someone for whom nothing waits. The digest asks for every
// reviewer at once, so its SQL restates the review scope of lib/contributions/policy.ts
// (`contributionScope`) for all people together; an integration test holds the two equal.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { mailEnabled, sendMail } from '@/lib/mail/mailer';
import type { Actor } from '@/lib/auth/permissions';
import { countContributions } from '@/lib/contributions/server/queries';

export type WaitingForReviewer = {
  personId: string;
  email: string;
  name: string;
  waiting: { chantierName: string; count: number }[];
};

/** Who has something to review (everyone, or one person), and how much per chantier, in one query. */
export async function waitingForReviewers(personId?: string): Promise<WaitingForReviewer[]> {
  const onlyPerson = personId ? Prisma.sql`WHERE r.person_id = ${personId}` : Prisma.empty;
  const rows = await db().$queryRaw<
    { person_id: string; email: string; name: string; chantier_name: string; count: bigint }[]
  >`
    WITH reviewers AS (
      SELECT p.id AS person_id, ch.id AS chantier_id
        FROM people p JOIN referent_links l ON l.person_id = p.id JOIN chantiers ch ON ch.id = l.chantier_id
       WHERE p.active
      UNION
      SELECT p.id, ch.id FROM people p CROSS JOIN chantiers ch WHERE p.active AND 'ADMIN' = ANY(p.roles)
    )
    SELECT r.person_id, p.email, p.name, ch.name AS chantier_name, count(*) AS count
      FROM reviewers r
      JOIN contributions c ON c.chantier_id = r.chantier_id AND c.status = 'SUBMITTED' AND c.deleted_at IS NULL AND c.person_id <> r.person_id
      JOIN people p ON p.id = r.person_id
      JOIN chantiers ch ON ch.id = r.chantier_id
      ${onlyPerson}
     GROUP BY r.person_id, p.email, p.name, ch.name
     ORDER BY p.email, ch.name`;
  const byPerson = new Map<string, WaitingForReviewer>();
  for (const row of rows) {
    const entry = byPerson.get(row.person_id) ?? {
      personId: row.person_id,
      email: row.email,
      name: row.name,
      waiting: [],
    };
    entry.waiting.push({ chantierName: row.chantier_name, count: Number(row.count) });
    byPerson.set(row.person_id, entry);
  }
  return [...byPerson.values()];
}

/** How many contributions wait for this person's review: what the review page lists. */
export async function waitingCount(actor: Actor): Promise<number> {
  return countContributions({ actor, filters: {}, scope: 'review' });
}

export function digestText(reviewer: WaitingForReviewer, url: string): string {
  const total = reviewer.waiting.reduce((sum, item) => sum + item.count, 0);
  const lines = reviewer.waiting.map((item) => `- ${item.chantierName} : ${item.count}`).join('\n');
  return `Bonjour ${reviewer.name},\n\n${total} contribution${total > 1 ? 's attendent' : ' attend'} votre validation :\n${lines}\n\n${url}/review\n\n— Butin\n`;
}

export async function sendReviewDigests(): Promise<{
  mailEnabled: boolean;
  sent: string[];
  waiting: WaitingForReviewer[];
}> {
  const waiting = await waitingForReviewers();
  if (!mailEnabled()) return { mailEnabled: false, sent: [], waiting };
  const sent: string[] = [];
  for (const reviewer of waiting) {
    const total = reviewer.waiting.reduce((sum, item) => sum + item.count, 0);
    await sendMail({
      to: reviewer.email,
      subject: `Butin : ${total} contribution${total > 1 ? 's' : ''} à valider`,
      text: digestText(reviewer, appUrl()),
    });
    sent.push(reviewer.email);
  }
  return { mailEnabled: true, sent, waiting };
}
