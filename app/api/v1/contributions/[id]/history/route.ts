// GET /api/v1/contributions/{id}/history — transitions and edits, oldest first.
import { CONTRIBUTION_API } from '@/lib/contributions/openapi';
import { apiRoute } from '@/lib/api/route';
import { getContributionHistory } from '@/lib/contributions/server/queries';

export const GET = apiRoute({
  operation: CONTRIBUTION_API.getContributionHistory,
  handler: async ({ actor, params }) => ({ items: await getContributionHistory({ actor, id: params.id }) }),
});
