// GET /api/v1/me — who the token or session belongs to.
import { apiRoute } from '@/lib/api/route';

export const GET = apiRoute({
  handler: async ({ actor }) => ({
    id: actor.id,
    email: actor.email,
    name: actor.name,
    roles: actor.roles,
    referentOf: actor.referentOf,
  }),
});
