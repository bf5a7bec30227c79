// GET /api/v1/claims/{id}/history — transitions and edits, oldest first.
import { CLAIM_API } from '@/lib/claims/openapi';
import { apiRoute } from '@/lib/api/route';
import { claimHistory } from '@/lib/claims/server/queries';

export const GET = apiRoute({
  operation: CLAIM_API.getClaimHistory,
  handler: async ({ actor, params }) => ({ items: await claimHistory(actor, params.id) }),
});
