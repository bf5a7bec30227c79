// GET /api/v1/people — everyone signed in; POST — an admin invites a person.
import { PEOPLE_API } from '@/lib/people/openapi';
import { apiRoute, json } from '@/lib/api/route';
import { invitePerson, listPeople } from '@/lib/people/people';

export const GET = apiRoute({
  operation: PEOPLE_API.listPeople,
  handler: async ({ query }) => listPeople(query),
});

export const POST = apiRoute({
  operation: PEOPLE_API.invitePerson,
  permission: 'people.invite',
  handler: async ({ actor, body }) => {
    const { person, invitationUrl, emailed } = await invitePerson({ actor, input: body });
    return json({ ...person, invitationUrl, invitationEmailed: emailed }, 201);
  },
});
