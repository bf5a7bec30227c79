// GET /api/v1/contributions/{id}/history — transitions and edits, oldest first.
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { getContributionHistory } from '@/lib/contributions/server/queries';

export const GET = apiRoute({
  params: ZIdParams,
  handler: async ({ actor, params }) => ({ items: await getContributionHistory({ actor, id: params.id }) }),
});
