// The period and payout endpoints' entries in the OpenAPI document, with the schemas the handlers
// parse and answer with.
import type { Operation } from '@/lib/api/openapi-types';
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

export const PERIOD_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/periods',
    summary: 'The funding periods, newest first',
    who: 'signed in',
    query: ZPeriodListQuery,
    response: { status: 200, schema: listOf(ZPeriodOut) },
  },
  {
    method: 'post',
    path: '/periods',
    summary: 'Create a funding period with its envelopes and rate overrides',
    who: 'treasurer',
    body: ZPeriodInput,
    response: { status: 201, schema: ZPeriodOut },
  },
  {
    method: 'get',
    path: '/periods/{id}',
    summary: 'A funding period and its frozen payout runs',
    who: 'signed in',
    params: ZIdParams,
    response: { status: 200, schema: ZPeriodDetailOut },
  },
  {
    method: 'patch',
    path: '/periods/{id}',
    summary:
      'Edit an open period; envelopes and rates, when given, replace the whole list; a stale version is refused (409)',
    who: 'treasurer, while the period is open',
    params: ZIdParams,
    body: ZPeriodPatch,
    response: { status: 200, schema: ZPeriodOut },
  },
  {
    method: 'post',
    path: '/periods/{id}/close',
    summary:
      'Close a period and freeze its payout run; 409 PENDING_CONTRIBUTIONS lists in error.details.pending the contributions still waiting for review',
    who: 'treasurer',
    params: ZIdParams,
    response: { status: 200, schema: ZCloseOut },
  },
  {
    method: 'post',
    path: '/periods/{id}/reopen',
    summary: 'Reopen a closed period; its payout run is kept as superseded',
    who: 'admin',
    params: ZIdParams,
    body: ZReopenInput,
    response: { status: 200, schema: ZReopenOut },
  },
  {
    method: 'get',
    path: '/periods/{id}/payouts',
    summary:
      'Payouts of a period: a live preview while open (frozen: false), the frozen run once closed (frozen: true)',
    who: 'signed in: every line with transparency on, else one’s own; treasurers every line',
    params: ZIdParams,
    query: ZPayoutsQuery,
    response: { status: 200, schema: ZPayoutsOut },
  },
];
