'use server';
// The period screens' server actions: each goes through formAction() (session, zod, permission)
// into the same domain functions as the API.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { translatorFor } from '@/lib/i18n/translator';
import { ZId } from '@/lib/people/schemas';
import { ZPeriodForm, ZReopenInput } from '@/lib/periods/schemas';
import { createPeriod, updatePeriod } from '@/lib/periods/periods';
import { closePeriod } from '@/lib/periods/payouts';
import { reopenPeriod } from '@/lib/periods/reopen-period';
import { AppError } from '@/lib/errors';

export const savePeriodAction = formAction({
  name: 'savePeriod',
  schema: ZPeriodForm,
  permission: 'periods.manage',
  handler: async ({ actor, input, locale }) => {
    const { periodId, version, ...fields } = input;
    if (!periodId) {
      const period = await createPeriod({ actor, input: fields });
      revalidatePath('/periods');
      redirect(`/periods/${period.id}`);
    }
    await updatePeriod({ actor, periodId, input: fields, expectedVersion: version });
    revalidatePath(`/periods/${periodId}`);
    revalidatePath('/periods');
    return { ok: true, message: translatorFor(locale)('periods.saved') };
  },
});

export const closePeriodAction = formAction({
  name: 'closePeriod',
  schema: z.object({ periodId: ZId }),
  permission: 'periods.close',
  handler: async ({ actor, input, locale }) => {
    try {
      await closePeriod({ actor, periodId: input.periodId });
    } catch (error) {
      if (error instanceof AppError && error.code === 'PENDING_CONTRIBUTIONS') {
        const { pending, pendingClaims = [] } = error.details as { pending: unknown[]; pendingClaims?: unknown[] };
        return {
          ok: false,
          code: error.code,
          message: translatorFor(locale)('periods.close.refused', { count: pending.length + pendingClaims.length }),
          details: { pending, pendingClaims },
        };
      }
      throw error;
    }
    revalidatePath('/periods');
    // The close form leaves the page with the open period: say it on the page it lands on.
    redirect(`/periods/${input.periodId}?done=closed`);
  },
});

export const reopenPeriodAction = formAction({
  name: 'reopenPeriod',
  schema: ZReopenInput.extend({ periodId: ZId }),
  permission: 'periods.reopen',
  handler: async ({ actor, input }) => {
    await reopenPeriod({ actor, periodId: input.periodId, reason: input.reason });
    revalidatePath('/periods');
    redirect(`/periods/${input.periodId}?done=reopened`);
  },
});
