// The API's own operations (tokens, who am I, chantiers, places) for the OpenAPI document and
// their routes.
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZChantierOut, ZIdParams, ZMe, ZPlaceOut, ZTokenCreate, ZTokenCreated, listOf } from '@/lib/api/schemas';

export const CORE_API = {
  createToken: defineOperation({
    operationId: 'createToken',
    method: 'post',
    path: '/tokens',
    summary: 'Create a personal API token from an email and password',
    who: 'anyone, rate limited',
    public: true,
    body: ZTokenCreate,
    responses: { 201: ZTokenCreated },
    errors: {
      401: 'UNAUTHENTICATED: wrong email or password',
      409: 'CONFLICT: too many active tokens; revoke some first',
      429: 'RATE_LIMITED: too many failed attempts for this account or address (Retry-After)',
    },
  }),
  revokeToken: defineOperation({
    operationId: 'revokeToken',
    method: 'delete',
    path: '/tokens/{id}',
    summary: 'Revoke one of your tokens',
    who: 'the token owner',
    params: ZIdParams,
    responses: { 204: null },
  }),
  getMe: defineOperation({
    operationId: 'getMe',
    method: 'get',
    path: '/me',
    summary: 'Who you are',
    who: 'signed in',
    responses: { 200: ZMe },
  }),
  listChantiers: defineOperation({
    operationId: 'listChantiers',
    method: 'get',
    path: '/chantiers',
    summary: 'The chantiers',
    who: 'signed in',
    responses: { 200: listOf(ZChantierOut) },
  }),
  listPlaces: defineOperation({
    operationId: 'listPlaces',
    method: 'get',
    path: '/places',
    summary: 'The places',
    who: 'signed in',
    responses: { 200: listOf(ZPlaceOut) },
  }),
};

export const CORE_OPERATIONS: Operation[] = Object.values(CORE_API);
