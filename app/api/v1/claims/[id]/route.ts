// GET, PATCH (partial, with `version`; a stale one → 409) and DELETE one claim.
import { CLAIM_API } from '@/lib/claims/openapi';
import { apiRoute } from '@/lib/api/route';
import { deleteClaim, updateClaim } from '@/lib/claims/server/mutations';
import { getClaim } from '@/lib/claims/server/queries';

export const GET = apiRoute({
  operation: CLAIM_API.getClaim,
  handler: async ({ actor, params }) => getClaim(actor, params.id),
});

export const PATCH = apiRoute({
  operation: CLAIM_API.updateClaim,
  handler: async ({ actor, params, body }) => updateClaim(actor, params.id, body),
});

export const DELETE = apiRoute({
  operation: CLAIM_API.deleteClaim,
  handler: async ({ actor, params, query }) => {
    await deleteClaim(actor, params.id, query.version);
    return new Response(null, { status: 204 });
  },
});
