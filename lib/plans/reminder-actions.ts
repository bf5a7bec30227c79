'use server';
// The treasurer's "Envoyer les rappels" button (docs/plans.md): the same as the daily
// `npm run notify:reminders`, refused to anyone but a treasurer, and nothing twice the same day.
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { sendReminders } from '@/lib/plans/server/reminders';
import { translatorFor } from '@/lib/i18n/translator';

export const sendRemindersAction = formAction({
  name: 'sendReminders',
  schema: z.object({}),
  handler: async ({ actor, locale }) => {
    const result = await sendReminders({ actor });
    return {
      ok: true,
      message: result.mailEnabled
        ? translatorFor(locale)('alerts.reminders.sent', { count: result.sent.length })
        : translatorFor(locale)('alerts.reminders.noMail', { count: result.due }),
    };
  },
});
