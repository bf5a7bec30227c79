// GET /api/v1/contributions — what the caller may see, filtered and paginated.
// POST — declare a contribution (a draft, or submitted at once with `submit: true`).
import { apiRoute, json } from '@/lib/api/route';
import { ZContributionCreate, ZContributionFilters } from '@/lib/contributions/inputs';
import { createContribution } from '@/lib/contributions/server/mutations';
import { listContributions } from '@/lib/contributions/server/queries';

export const GET = apiRoute({
  query: ZContributionFilters,
  handler: async ({ actor, query }) => listContributions({ actor, filters: query }),
});

export const POST = apiRoute({
  body: ZContributionCreate,
  handler: async ({ actor, body }) => json(await createContribution({ actor, input: body }), 201),
});
