// PUT /api/v1/periods/{id}/plan/{chantierId} — replaces that chantier's plan (a treasurer, or a
// referent of the chantier, while the period is open) and answers the chantier's part.
import { PLAN_API } from '@/lib/plans/openapi';
import { apiRoute } from '@/lib/api/route';
import { replaceChantierPlan } from '@/lib/plans/server/plan';

export const PUT = apiRoute({
  operation: PLAN_API.replaceChantierPlan,
  handler: async ({ actor, params, body }) =>
    replaceChantierPlan({ actor, periodId: params.id, chantierId: params.chantierId, input: body }),
});
