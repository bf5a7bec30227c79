// GET, PATCH (with `version`; a stale one → 409) and DELETE one contribution.
import { CONTRIBUTION_API } from '@/lib/contributions/openapi';
import { apiRoute } from '@/lib/api/route';
import { deleteContribution, updateContribution } from '@/lib/contributions/server/mutations';
import { getContribution } from '@/lib/contributions/server/queries';

export const GET = apiRoute({
  operation: CONTRIBUTION_API.getContribution,
  handler: async ({ actor, params }) => getContribution({ actor, id: params.id }),
});

export const PATCH = apiRoute({
  operation: CONTRIBUTION_API.updateContribution,
  handler: async ({ actor, params, body }) => updateContribution({ actor, id: params.id, input: body }),
});

export const DELETE = apiRoute({
  operation: CONTRIBUTION_API.deleteContribution,
  handler: async ({ actor, params, query }) => {
    await deleteContribution({ actor, id: params.id, version: query.version });
    return new Response(null, { status: 204 });
  },
});
