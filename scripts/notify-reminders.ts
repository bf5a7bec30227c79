// npm run notify:reminders — for a daily cron: emails the reminders to declare (relevé des
// compteurs: drafts not submitted, a pace behind the plan, the period's end near) and checks the
// envelope alerts of the open periods (docs/plans.md). Running it twice the same day sends
// nothing twice. Without SMTP_URL it only reports; the alerts still appear in the app.
import { sendReminders } from '@/lib/plans/server/reminders';
import { checkPlanAlerts } from '@/lib/plans/server/alerts';
import { db } from '@/lib/db';

if (!process.env.DATABASE_URL) {
  console.error('DATABASE_URL is not set.');
  process.exit(2);
}
const open = await db().fundingPeriod.findMany({ where: { status: 'OPEN' }, select: { id: true } });
let alerts = 0;
for (const period of open) alerts += (await checkPlanAlerts({ periodId: period.id })).length;
const result = await sendReminders();
if (!result.mailEnabled) {
  console.log(`SMTP_URL is not set: nothing emailed. ${result.due} person(s) had a reminder due.`);
} else {
  console.log(
    result.sent.length
      ? `Reminders sent to ${result.sent.map((entry) => `${entry.email} (${entry.kinds.join(', ')})`).join(', ')}.`
      : 'No reminder due today.',
  );
}
console.log(`${alerts} envelope alert(s) sent.`);
await db().$disconnect();
