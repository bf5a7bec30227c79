// GET /api/v1/periods/{id}/plan — the period's plan against what is realised, with the forecast
// and an alert per chantier (docs/plans.md); per-person lines as the payouts' transparency allows.
import { PLAN_API } from '@/lib/plans/openapi';
import { apiRoute } from '@/lib/api/route';
import { getPeriodPlan } from '@/lib/plans/server/plan';

export const GET = apiRoute({
  operation: PLAN_API.getPlan,
  handler: async ({ actor, params }) => getPeriodPlan({ actor, periodId: params.id }),
});
