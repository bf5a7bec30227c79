// The compte rendu's API shapes (docs/plans.md): the explanation of a chantier's gap, reused by
// the form, the handler and the OpenAPI document.
import { z } from 'zod';

/** At most this many characters in one explanation (the database refuses more too). */
export const MAX_EXPLANATION_LENGTH = 4_000;

export const ZPlanExplanationInput = z.object({
  text: z.string('validation.required').trim().max(MAX_EXPLANATION_LENGTH, 'validation.tooLong'),
});
export type TPlanExplanationInput = z.infer<typeof ZPlanExplanationInput>;

export const ZPlanExplanationOut = z.object({
  periodId: z.string(),
  chantierId: z.string(),
  /** Empty once removed. */
  text: z.string(),
  updatedAt: z.iso.datetime().nullable(),
});
export type TPlanExplanationOut = z.infer<typeof ZPlanExplanationOut>;
