// The contribution endpoints' entries in the OpenAPI document, from the schemas the handlers use.
import { z } from 'zod';
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZIdParams } from '@/lib/api/schemas';
import { ZId } from '@/lib/people/schemas';
import { CONTRIBUTION_STATUSES } from '@/lib/contributions/lifecycle';
import {
  ZBulkReview,
  ZContributionCreate,
  ZContributionFilters,
  ZContributionPatch,
  ZReview,
  ZVersion,
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
  chantierCode: z.string().nullable(),
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
/** The owner's submit and the reviews, as the URL names them. */
export const CONTRIBUTION_URL_ACTIONS = ['submit', 'approve', 'reject', 'request-changes', 'unapprove'] as const;
const ZActionParams = z.object({ id: ZId, action: z.enum(CONTRIBUTION_URL_ACTIONS) });

export const CONTRIBUTION_API = {
  listContributions: defineOperation({
    operationId: 'listContributions',
    method: 'get',
    path: '/contributions',
    summary: 'Contributions you may see (filters, pagination)',
    who: 'signed in',
    query: ZContributionFilters,
    responses: { 200: z.object({ items: z.array(ZListItem), nextCursor: z.string().nullable() }) },
  }),
  createContribution: defineOperation({
    operationId: 'createContribution',
    method: 'post',
    path: '/contributions',
    summary: 'Declare a contribution (minutes, or duration such as "1h30")',
    who: 'signed in',
    body: ZContributionCreate,
    responses: { 201: ZContributionOut },
    errors: {
      409: 'PERIOD_CLOSED: the date falls in a closed period',
      422: 'NO_PERIOD: no period covers the date',
    },
  }),
  getContribution: defineOperation({
    operationId: 'getContribution',
    method: 'get',
    path: '/contributions/{id}',
    summary: 'One contribution',
    who: 'who may see it',
    params: ZIdParams,
    responses: { 200: ZContributionOut },
  }),
  updateContribution: defineOperation({
    operationId: 'updateContribution',
    method: 'patch',
    path: '/contributions/{id}',
    summary:
      'Edit: only the fields sent change (null clears placeId or link); `version` is the one the edit started from, a stale one → 409 STALE_VERSION with error.details.current',
    who: 'owner, while not approved and the period is open',
    params: ZIdParams,
    body: ZContributionPatch,
    responses: { 200: ZContributionOut },
    errors: {
      409: 'STALE_VERSION: changed since `version` (error.details.current holds what is stored); PERIOD_CLOSED; INVALID_TRANSITION: approved or otherwise no longer editable',
      422: 'NO_PERIOD: no period covers the new date',
    },
  }),
  deleteContribution: defineOperation({
    operationId: 'deleteContribution',
    method: 'delete',
    path: '/contributions/{id}',
    summary: 'Delete (a soft delete, kept in the history); with ?version=, a stale one → 409 STALE_VERSION',
    who: 'owner, while not approved and the period is open',
    params: ZIdParams,
    query: ZVersion,
    responses: { 204: null },
    errors: {
      409: 'STALE_VERSION (error.details.current); PERIOD_CLOSED; INVALID_TRANSITION',
    },
  }),
  actOnContribution: defineOperation({
    operationId: 'actOnContribution',
    method: 'post',
    path: '/contributions/{id}/{action}',
    summary:
      'submit (owner) · approve, reject (reason), request-changes (comment), unapprove (comment) (referent of its chantier, not its owner; admin)',
    who: 'see summary',
    params: ZActionParams,
    body: ZReview,
    responses: { 200: ZContributionOut },
    errors: {
      409: 'STALE_VERSION (error.details.current); INVALID_TRANSITION; ALREADY_REVIEWED; PERIOD_CLOSED',
    },
  }),
  getContributionHistory: defineOperation({
    operationId: 'getContributionHistory',
    method: 'get',
    path: '/contributions/{id}/history',
    summary: 'Transitions and edits, oldest first',
    who: 'who may see it',
    params: ZIdParams,
    responses: { 200: ZHistory },
  }),
  reviewContributions: defineOperation({
    operationId: 'reviewContributions',
    method: 'post',
    path: '/contributions/bulk-review',
    summary: 'Review several contributions at once: all or none',
    who: 'referent of their chantiers, admin',
    body: ZBulkReview,
    responses: { 200: z.object({ items: z.array(ZContributionOut) }) },
    errors: {
      409: 'INVALID_TRANSITION, ALREADY_REVIEWED or PERIOD_CLOSED for one of them: none is reviewed',
    },
  }),
};

export const CONTRIBUTION_OPERATIONS: Operation[] = Object.values(CONTRIBUTION_API);
