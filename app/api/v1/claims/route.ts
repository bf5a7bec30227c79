// GET /api/v1/claims — what the caller may see, filtered and paginated.
// POST — declare a claim (a draft, or submitted with `submit: true`), or commit a fixed fee for
// someone (`personId`).
import { CLAIM_API } from '@/lib/claims/openapi';
import { apiRoute, json } from '@/lib/api/route';
import { createClaim } from '@/lib/claims/server/mutations';
import { listClaims } from '@/lib/claims/server/queries';

export const GET = apiRoute({
  operation: CLAIM_API.listClaims,
  handler: async ({ actor, query }) => listClaims(actor, query),
});

export const POST = apiRoute({
  operation: CLAIM_API.createClaim,
  handler: async ({ actor, body }) => json(await createClaim(actor, body), 201),
});
