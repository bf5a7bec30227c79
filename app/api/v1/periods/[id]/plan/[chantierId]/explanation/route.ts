// PUT /api/v1/periods/{id}/plan/{chantierId}/explanation — the explanation of a chantier's gap
// for the compte rendu financier (a treasurer, or a referent of the chantier).
import { REPORT_API } from '@/lib/plans/report-openapi';
import { apiRoute } from '@/lib/api/route';
import { setPlanExplanation } from '@/lib/plans/server/report';

export const PUT = apiRoute({
  operation: REPORT_API.setPlanExplanation,
  handler: async ({ actor, params, body }) =>
    setPlanExplanation({ actor, periodId: params.id, chantierId: params.chantierId, input: body }),
});
