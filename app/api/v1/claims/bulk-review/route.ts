// POST /api/v1/claims/bulk-review — approve (or reject, …) several claims at once, all or none.
import { CLAIM_API } from '@/lib/claims/openapi';
import { apiRoute } from '@/lib/api/route';
import { reviewClaims } from '@/lib/claims/server/mutations';

export const POST = apiRoute({
  operation: CLAIM_API.reviewClaims,
  handler: async ({ actor, body }) => ({
    items: await reviewClaims(actor, body.ids, body.action, body.reason ?? body.comment),
  }),
});
