// The period and payout endpoints' entries in the OpenAPI document, with the schemas the handlers
// parse and answer with.
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZIdParams, listOf } from '@/lib/api/schemas';
import {
  ZCloseOut,
  ZPayoutsOut,
  ZPayoutsQuery,
  ZPeriodDetailOut,
  ZPeriodInput,
  ZPeriodListQuery,
  ZPeriodOut,
  ZPeriodPatch,
  ZReopenInput,
  ZReopenOut,
} from './schemas';

export const PERIOD_API = {
  listPeriods: defineOperation({
    operationId: 'listPeriods',
    method: 'get',
    path: '/periods',
    summary: 'The funding periods, newest first',
    who: 'signed in',
    query: ZPeriodListQuery,
    responses: { 200: listOf(ZPeriodOut) },
  }),
  createPeriod: defineOperation({
    operationId: 'createPeriod',
    method: 'post',
    path: '/periods',
    summary: 'Create a funding period with its envelopes and rate overrides',
    who: 'treasurer',
    body: ZPeriodInput,
    responses: { 201: ZPeriodOut },
    errors: {
      409: 'PERIOD_OVERLAP: the dates overlap another period',
    },
  }),
  getPeriod: defineOperation({
    operationId: 'getPeriod',
    method: 'get',
    path: '/periods/{id}',
    summary: 'A funding period and its frozen payout runs',
    who: 'signed in',
    params: ZIdParams,
    responses: { 200: ZPeriodDetailOut },
  }),
  updatePeriod: defineOperation({
    operationId: 'updatePeriod',
    method: 'patch',
    path: '/periods/{id}',
    summary:
      'Edit an open period; envelopes and rates, when given, replace the whole list; a stale version is refused (409)',
    who: 'treasurer, while the period is open',
    params: ZIdParams,
    body: ZPeriodPatch,
    responses: { 200: ZPeriodOut },
    errors: {
      409: 'STALE_VERSION; PERIOD_NOT_OPEN; PERIOD_OVERLAP; CONFLICT: contributions would fall outside the new dates',
    },
  }),
  closePeriod: defineOperation({
    operationId: 'closePeriod',
    method: 'post',
    path: '/periods/{id}/close',
    summary:
      'Close a period and freeze its payout run; 409 PENDING_CONTRIBUTIONS lists in error.details.pending the contributions still waiting for review',
    who: 'treasurer',
    params: ZIdParams,
    responses: { 200: ZCloseOut },
    errors: {
      409: 'PENDING_CONTRIBUTIONS: error.details.pending (and pendingClaims) list the contributions and claims still waiting for review; ENVELOPE_OVERDRAWN: error.details.overdrawn lists each chantier whose fixed amounts exceed its envelope, with envelopeCents and fixedCents; CONFLICT: approved trips need the mileage rate; PERIOD_NOT_OPEN',
    },
  }),
  reopenPeriod: defineOperation({
    operationId: 'reopenPeriod',
    method: 'post',
    path: '/periods/{id}/reopen',
    summary: 'Reopen a closed period; its payout run is kept as superseded',
    who: 'admin',
    params: ZIdParams,
    body: ZReopenInput,
    responses: { 200: ZReopenOut },
    errors: {
      409: 'PERIOD_NOT_OPEN or CONFLICT: only a closed period reopens',
    },
  }),
  getPayouts: defineOperation({
    operationId: 'getPayouts',
    method: 'get',
    path: '/periods/{id}/payouts',
    summary:
      'Payouts of a period: a live preview while open (frozen: false), the frozen run once closed (frozen: true)',
    who: 'signed in: every line with transparency on, else one’s own; treasurers every line',
    params: ZIdParams,
    query: ZPayoutsQuery,
    responses: { 200: ZPayoutsOut },
  }),
};

export const PERIOD_OPERATIONS: Operation[] = Object.values(PERIOD_API);
