// The collective's identity in the OpenAPI document: GET and PUT /settings/identity, with the
// schema the settings form uses (lib/settings/identity.ts).
import { z } from 'zod';
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZCollectiveIdentity } from './identity';

/** The identity as GET/PUT /settings/identity answer it: each field null until set. */
export const ZCollectiveIdentityOut = z.object({
  legalName: z.string().nullable(),
  address: z.string().nullable(),
  siret: z.string().nullable(),
  rna: z.string().nullable(),
});

export const SETTINGS_API = {
  getIdentity: defineOperation({
    operationId: 'getCollectiveIdentity',
    method: 'get',
    path: '/settings/identity',
    summary:
      'The collective’s identity as its documents print it (statements, funder report): legal name, postal address (up to 4 lines), SIRET (14 digits) and RNA number (W and 9 digits); null fields until set',
    who: 'admin, treasurer',
    responses: { 200: ZCollectiveIdentityOut },
  }),
  saveIdentity: defineOperation({
    operationId: 'saveCollectiveIdentity',
    method: 'put',
    path: '/settings/identity',
    summary:
      'Set the collective’s identity as a whole: a field absent, null or blank is cleared. The SIRET is checked (14 digits, Luhn) and stored without spaces, the RNA number upper-cased; each change is audited',
    who: 'admin',
    body: ZCollectiveIdentity,
    responses: { 200: ZCollectiveIdentityOut },
  }),
};

export const SETTINGS_OPERATIONS: Operation[] = Object.values(SETTINGS_API);
