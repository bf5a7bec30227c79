// POST /api/v1/people/{id}/anonymise — an admin anonymises a deactivated person (see
// lib/people/anonymise-person.ts for what is erased and what is kept).
import { PERSONAL_DATA_API } from '@/lib/people/data-openapi';
import { apiRoute } from '@/lib/api/route';
import { anonymisePerson } from '@/lib/people/anonymise-person';

export const POST = apiRoute({
  operation: PERSONAL_DATA_API.anonymisePerson,
  permission: 'people.update',
  handler: ({ actor, params }) => anonymisePerson({ actor, personId: params.id }),
});
