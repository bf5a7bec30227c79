// POST /api/v1/periods/{id}/plan/copy — copies the previous period's plan onto this open period
// (a treasurer every chantier, a referent their own; docs/plans.md) and answers the copied
// chantiers' parts; 409 CONFLICT when there is nothing the caller may copy.
import { PLAN_API } from '@/lib/plans/openapi';
import { apiRoute } from '@/lib/api/route';
import { copyPreviousPlanParts } from '@/lib/plans/server/plan';

export const POST = apiRoute({
  operation: PLAN_API.copyPreviousPlan,
  handler: async ({ actor, params }) => copyPreviousPlanParts({ actor, periodId: params.id }),
});
