// GET /api/v1/people — everyone signed in; POST — an admin invites a person.
import { apiRoute, json } from '@/lib/api/route';
import { ZPagination, ZPersonInvite } from '@/lib/people/schemas';
import { invitePerson, listPeople } from '@/lib/people/people';

export const GET = apiRoute({
  query: ZPagination,
  handler: async ({ actor, query }) => listPeople({ ...query, viewer: actor }),
});

export const POST = apiRoute({
  permission: 'people.invite',
  body: ZPersonInvite,
  handler: async ({ actor, body }) => {
    const { person, invitationUrl, emailed } = await invitePerson({ actor, input: body });
    return json({ ...person, invitationUrl, invitationEmailed: emailed }, 201);
  },
});
