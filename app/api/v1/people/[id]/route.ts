// PATCH /api/v1/people/{id} — an admin changes a person's name, email, roles, referent links or
// activity; only the fields sent change; `active: false` cuts their sessions and tokens at once.
import { PEOPLE_API } from '@/lib/people/openapi';
import { apiRoute } from '@/lib/api/route';
import { updatePerson } from '@/lib/people/people';

export const PATCH = apiRoute({
  operation: PEOPLE_API.updatePerson,
  permission: 'people.update',
  handler: async ({ actor, params, body }) => updatePerson({ actor, personId: params.id, input: body }),
});
