'use server';
// The treasurer's "Envoyer les rappels" button (docs/plans.md): the same as the daily
// `npm run notify:reminders`, refused to anyone but a treasurer, and nothing twice the same day.
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { translate } from '@/lib/i18n/locale';
import { sendReminders } from '@/lib/plans/server/reminders';

export const sendRemindersAction = formAction({
  name: 'sendReminders',
  schema: z.object({}),
  handler: async ({ actor, locale }) => {
    const result = await sendReminders({ actor });
    return {
      ok: true,
      message: result.mailEnabled
        ? translate(locale, 'alerts.reminders.sent', { count: result.sent.length })
        : translate(locale, 'alerts.reminders.noMail', { count: result.due }),
    };
  },
});
