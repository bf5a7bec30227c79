// npm run notify:digest — emails each referent what waits for their review (for a daily cron).
// Sends nothing to those for whom nothing waits; without SMTP_URL it only reports, since the
// same counts appear in the app.
import { sendReviewDigests } from '@/lib/contributions/server/digest';
import { db } from '@/lib/db';

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set.');
  process.exit(2);
}
const result = await sendReviewDigests();
if (!result.mailEnabled) {
  console.log(
    `SMTP_URL is not set: nothing emailed. ${result.waiting.length} reviewer(s) have contributions waiting; they see them in the app.`,
  );
} else {
  console.log(
    result.sent.length ? `Digest sent to ${result.sent.join(', ')}.` : 'Nothing waits for review: no digest sent.',
  );
}
await db().$disconnect();
