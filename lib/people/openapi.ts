// The people endpoints' entries in the OpenAPI document, with the schemas the handlers parse and
// answer with.
import { z } from 'zod';
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZIdParams, listOf } from '@/lib/api/schemas';
import { ZPagination, ZPersonInvite, ZPersonOut, ZPersonUpdate } from '@/lib/people/schemas';

export const PEOPLE_API = {
  listPeople: defineOperation({
    operationId: 'listPeople',
    method: 'get',
    path: '/people',
    summary: 'The people of the collective',
    who: 'signed in',
    query: ZPagination,
    responses: { 200: listOf(ZPersonOut) },
  }),
  invitePerson: defineOperation({
    operationId: 'invitePerson',
    method: 'post',
    path: '/people',
    summary: 'Invite a person: the answer carries the invitation link (also emailed when the server sends mail)',
    who: 'admin',
    body: ZPersonInvite,
    responses: { 201: ZPersonOut.extend({ invitationUrl: z.string(), invitationEmailed: z.boolean() }) },
    errors: { 409: 'ALREADY_EXISTS: a person with this email exists (error.fields.email)' },
  }),
  updatePerson: defineOperation({
    operationId: 'updatePerson',
    method: 'patch',
    path: '/people/{id}',
    summary:
      'Change a person: only the fields sent change; roles or referentOf given alone keep the other as stored; active: false deactivates and cuts their sessions and tokens at once',
    who: 'admin',
    params: ZIdParams,
    body: ZPersonUpdate,
    responses: { 200: ZPersonOut },
    errors: {
      409: 'ALREADY_EXISTS: the email is taken; CONFLICT: the last active admin would go, or an admin deactivating themselves',
    },
  }),
};

export const PEOPLE_OPERATIONS: Operation[] = Object.values(PEOPLE_API);
