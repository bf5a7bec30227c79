// The payout profile endpoints' entries in the OpenAPI document, with the schemas the handlers
// parse and answer with.
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZIdParams } from '@/lib/api/schemas';
import { ZPayoutProfileInput, ZPayoutProfileOut } from './schemas';
import { z } from 'zod';

export const PAYEE_API = {
  getMyPayoutProfile: defineOperation({
    operationId: 'getMyPayoutProfile',
    method: 'get',
    path: '/me/payout-profile',
    summary: 'My payout profile: who receives my pay, legal name, IBAN, BIC, SIRET, postal address; 404 until filled',
    who: 'signed in (one’s own)',
    responses: { 200: ZPayoutProfileOut },
    errors: {
      404: 'NOT_FOUND: no payout profile yet (PUT one)',
    },
  }),
  saveMyPayoutProfile: defineOperation({
    operationId: 'saveMyPayoutProfile',
    method: 'put',
    path: '/me/payout-profile',
    summary:
      'Create or replace my payout profile (fields left out become empty). IBAN and BIC are checked and stored normalised, SIRET by its checksum; a refused field is named in error.fields. A change of IBAN is audited and notified to me (and emailed when the server sends mail).',
    who: 'signed in, for one’s own profile only (a treasurer cannot edit it)',
    body: ZPayoutProfileInput,
    responses: { 200: ZPayoutProfileOut.extend({ ibanChanged: z.boolean(), ibanChangeEmailed: z.boolean() }) },
  }),
  getPayoutProfile: defineOperation({
    operationId: 'getPayoutProfile',
    method: 'get',
    path: '/people/{id}/payout-profile',
    summary: 'A person’s payout profile; 404 when there is none, or when the caller may not read it',
    who: 'that person, or a treasurer',
    params: ZIdParams,
    responses: { 200: ZPayoutProfileOut },
  }),
};

export const PAYEE_OPERATIONS: Operation[] = Object.values(PAYEE_API);
