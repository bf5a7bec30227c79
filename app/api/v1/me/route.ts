// GET /api/v1/me — who the token or session belongs to.
import { CORE_API } from '@/lib/api/operations';
import { apiRoute } from '@/lib/api/route';

export const GET = apiRoute({
  operation: CORE_API.getMe,
  handler: async ({ actor }) => ({
    id: actor.id,
    email: actor.email,
    name: actor.name,
    roles: actor.roles,
    referentOf: actor.referentOf,
  }),
});
