// GET /api/v1/contributions — what the caller may see, filtered and paginated.
// POST — declare a contribution (a draft, or submitted at once with `submit: true`).
import { CONTRIBUTION_API } from '@/lib/contributions/openapi';
import { apiRoute, json } from '@/lib/api/route';
import { createContribution } from '@/lib/contributions/server/mutations';
import { listContributions } from '@/lib/contributions/server/queries';

export const GET = apiRoute({
  operation: CONTRIBUTION_API.listContributions,
  handler: async ({ actor, query }) => listContributions({ actor, filters: query }),
});

export const POST = apiRoute({
  operation: CONTRIBUTION_API.createContribution,
  handler: async ({ actor, body }) => json(await createContribution({ actor, input: body }), 201),
});
