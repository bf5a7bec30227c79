// The contribution endpoints' entries in the OpenAPI document, from the schemas the handlers use.
import { z } from 'zod';
import type { Operation } from '@/lib/api/openapi-types';
import { ZIdParams } from '@/lib/api/schemas';
import { CONTRIBUTION_STATUSES } from '@/lib/contributions/lifecycle';
import {
  ZBulkReview,
  ZContributionCreate,
  ZContributionFilters,
  ZContributionPatch,
  ZReview,
} from '@/lib/contributions/inputs';

export const ZContributionOut = z.object({
  id: z.string(),
  personId: z.string(),
  chantierId: z.string(),
  placeId: z.string().nullable(),
  periodId: z.string(),
  date: z.string().describe('YYYY-MM-DD'),
  minutes: z.number().int(),
  description: z.string(),
  link: z.string().nullable(),
  volunteer: z.boolean(),
  status: z.enum(CONTRIBUTION_STATUSES),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

const ZListItem = ZContributionOut.extend({
  personName: z.string(),
  chantierName: z.string(),
  placeName: z.string().nullable(),
  lastComment: z.string().nullable(),
});
const ZHistory = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.string(),
      kind: z.string(),
      actorId: z.string(),
      actorName: z.string(),
      fromStatus: z.string().nullable(),
      toStatus: z.string().nullable(),
      comment: z.string().nullable(),
      previousValues: z.unknown(),
    }),
  ),
});
const ZActionParams = z.object({
  id: z.string(),
  action: z.enum(['submit', 'approve', 'reject', 'request-changes', 'unapprove']),
});

export const CONTRIBUTION_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/contributions',
    summary: 'Contributions you may see (filters, pagination)',
    who: 'signed in',
    query: ZContributionFilters,
    response: { status: 200, schema: z.object({ items: z.array(ZListItem), nextCursor: z.string().nullable() }) },
  },
  {
    method: 'post',
    path: '/contributions',
    summary: 'Declare a contribution (minutes, or duration such as "1h30")',
    who: 'signed in',
    body: ZContributionCreate,
    response: { status: 201, schema: ZContributionOut },
  },
  {
    method: 'get',
    path: '/contributions/{id}',
    summary: 'One contribution',
    who: 'who may see it',
    params: ZIdParams,
    response: { status: 200, schema: ZContributionOut },
  },
  {
    method: 'patch',
    path: '/contributions/{id}',
    summary:
      'Edit: only the fields sent change (null clears placeId or link); `version` is the one the edit started from, a stale one → 409 STALE_VERSION with error.details.current',
    who: 'owner, while not approved and the period is open',
    params: ZIdParams,
    body: ZContributionPatch,
    response: { status: 200, schema: ZContributionOut },
  },
  {
    method: 'delete',
    path: '/contributions/{id}',
    summary: 'Delete',
    who: 'owner, while not approved and the period is open',
    params: ZIdParams,
    response: { status: 204 },
  },
  {
    method: 'post',
    path: '/contributions/{id}/{action}',
    summary:
      'submit (owner) · approve, reject (reason), request-changes (comment), unapprove (comment) (referent of its chantier, not its owner; admin)',
    who: 'see summary',
    params: ZActionParams,
    body: ZReview,
    response: { status: 200, schema: ZContributionOut },
  },
  {
    method: 'get',
    path: '/contributions/{id}/history',
    summary: 'Transitions and edits, oldest first',
    who: 'who may see it',
    params: ZIdParams,
    response: { status: 200, schema: ZHistory },
  },
  {
    method: 'post',
    path: '/contributions/bulk-review',
    summary: 'Review several contributions at once: all or none',
    who: 'referent of their chantiers, admin',
    body: ZBulkReview,
    response: { status: 200, schema: z.object({ items: z.array(ZContributionOut) }) },
  },
];
