// POST /api/v1/people/{id}/anonymise — an admin anonymises a deactivated person (see
// lib/people/anonymise-person.ts for what is erased and what is kept).
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { anonymisePerson } from '@/lib/people/anonymise-person';

export const POST = apiRoute({
  permission: 'people.update',
  params: ZIdParams,
  handler: ({ actor, params }) => anonymisePerson({ actor, personId: params.id }),
});
