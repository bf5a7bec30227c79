'use server';
import { revalidatePath } from 'next/cache';
import { formAction } from '@/lib/actions/form-action';
import { translate } from '@/lib/i18n/locale';
import { ZId } from '@/lib/people/schemas';
import { ZPlanExplanationInput } from '@/lib/plans/report-schemas';
import { setPlanExplanation } from '@/lib/plans/server/report';

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
    return { ok: true, message: translate(locale, 'alerts.report.saved') };
  },
});
