'use server';
import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { ZId } from '@/lib/people/schemas';
import { ZPlanExplanationInput } from '@/lib/plans/report-schemas';
import { setPlanExplanation } from '@/lib/plans/server/report';
import { translatorFor } from '@/lib/i18n/translator';

export const saveExplanationAction = formAction({
  name: 'savePlanExplanation',
  schema: ZPlanExplanationInput.extend({ periodId: ZId, chantierId: ZId }),
  handler: async ({ actor, input, locale }) => {
    await setPlanExplanation({
      actor,
      periodId: input.periodId,
      chantierId: input.chantierId,
      input: { text: input.text },
    });
    revalidatePath(`/periods/${input.periodId}/compte-rendu`);
    return { ok: true, message: translatorFor(locale)('alerts.report.saved') };
  },
});
