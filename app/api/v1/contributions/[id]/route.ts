// GET, PATCH (with `version`; a stale one → 409) and DELETE one contribution.
import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { ZContributionPatch } from '@/lib/contributions/inputs';
import { deleteContribution, updateContribution } from '@/lib/contributions/server/mutations';
import { getContribution } from '@/lib/contributions/server/queries';

export const GET = apiRoute({
  params: ZIdParams,
  handler: async ({ actor, params }) => getContribution({ actor, id: params.id }),
});

export const PATCH = apiRoute({
  params: ZIdParams,
  body: ZContributionPatch,
  handler: async ({ actor, params, body }) => updateContribution({ actor, id: params.id, input: body }),
});

export const DELETE = apiRoute({
  params: ZIdParams,
  query: z.object({ version: z.coerce.number().int().min(1).optional() }),
  handler: async ({ actor, params, query }) => {
    await deleteContribution({ actor, id: params.id, version: query.version });
    return new Response(null, { status: 204 });
  },
});
