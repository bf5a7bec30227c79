// POST /api/v1/claims/{id}/submit | approve | reject | request-changes | unapprove.
import { CLAIM_API } from '@/lib/claims/openapi';
import { apiRoute } from '@/lib/api/route';
import { transitionClaim } from '@/lib/claims/server/mutations';

export const POST = apiRoute({
  operation: CLAIM_API.actOnClaim,
  handler: async ({ actor, params, body }) => transitionClaim(actor, params.id, params.action, body),
});
