// PATCH /api/v1/people/{id} — an admin changes a person's name, email, roles, referent links or
// activity; only the fields sent change; `active: false` cuts their sessions and tokens at once.
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { ZPersonUpdate } from '@/lib/people/schemas';
import { updatePerson } from '@/lib/people/people';

export const PATCH = apiRoute({
  permission: 'people.update',
  params: ZIdParams,
  body: ZPersonUpdate,
  handler: async ({ actor, params, body }) => updatePerson({ actor, personId: params.id, input: body }),
});
