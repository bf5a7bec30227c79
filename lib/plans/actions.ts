'use server';
// Server actions of the Prévisionnel screen (docs/plans.md); each goes through formAction() and
// the same domain functions as the API: a chantier's plan is saved by `replaceChantierPlan` only.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { ZId } from '@/lib/people/schemas';
import { ZPlanForm } from '@/lib/plans/form';
import { chantierName, copyPreviousPlan, replaceChantierPlan } from '@/lib/plans/server/plan';
import { translatorFor } from '@/lib/i18n/translator';

function refresh(periodId: string) {
  revalidatePath(`/periods/${periodId}/plan`);
  revalidatePath(`/periods/${periodId}/dashboard`);
  revalidatePath('/');
}

export const savePlanAction = formAction({
  name: 'savePlan',
  schema: ZPlanForm,
  handler: async ({ actor, input, locale }) => {
    const { periodId, chantierId, lines } = input;
    await replaceChantierPlan({ actor, periodId, chantierId, input: { lines } });
    refresh(periodId);
    return { ok: true, message: translatorFor(locale)('plans.saved', { chantier: await chantierName(chantierId) }) };
  },
});

export const copyPreviousPlanAction = formAction({
  name: 'copyPreviousPlan',
  schema: z.object({ periodId: ZId }),
  handler: async ({ actor, input, locale }) => {
    const { chantierIds } = await copyPreviousPlan({ actor, periodId: input.periodId });
    refresh(input.periodId);
    return { ok: true, message: translatorFor(locale)('plans.copy.done', { count: chantierIds.length }) };
  },
});
