// The claim endpoints' entries in the OpenAPI document, from the schemas the handlers use
// (docs/claims.md, docs/api.md).
import { z } from 'zod';
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZIdParams } from '@/lib/api/schemas';
import { ZId } from '@/lib/people/schemas';
import { CLAIM_KINDS, CLAIM_STATUSES, CLAIM_TRANSITIONS } from '@/lib/claims/lifecycle';
import {
  ZClaimBulkReview,
  ZClaimCreate,
  ZClaimFilters,
  ZClaimPatch,
  ZClaimReview,
  ZClaimVersion,
} from '@/lib/claims/inputs';
import { ZAttachmentOut, ATTACHMENT_UPLOAD, ATTACHMENT_FILE_TYPES } from '@/lib/files/schemas';

export const ZClaimOut = z.object({
  id: z.string(),
  personId: z.string(),
  /** The person, or the referent or treasurer who committed the fee. */
  createdById: z.string(),
  chantierId: z.string(),
  placeId: z.string().nullable(),
  periodId: z.string(),
  kind: z.enum(CLAIM_KINDS),
  date: z.string().describe('YYYY-MM-DD'),
  description: z.string(),
  amountCents: z.number().int().nullable().describe('for MILEAGE: distanceKm × the period’s mileageRateCents'),
  distanceKm: z.number().int().nullable(),
  status: z.enum(CLAIM_STATUSES),
  version: z.number().int(),
  fileCount: z.number().int(),
  submittedAt: z.string().nullable(),
  reviewedById: z.string().nullable(),
  reviewedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TClaimOut = z.infer<typeof ZClaimOut>;

export const ZClaimListItem = ZClaimOut.extend({
  personName: z.string(),
  chantierName: z.string(),
  placeName: z.string().nullable(),
  lastComment: z.string().nullable(),
});
export type TClaimListItem = z.infer<typeof ZClaimListItem>;

export const ZClaimHistoryItem = z.object({
  id: z.string(),
  at: z.string(),
  kind: z.string(),
  actorId: z.string(),
  actorName: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  comment: z.string().nullable(),
  previousValues: z.unknown(),
});
export type TClaimHistoryItem = z.infer<typeof ZClaimHistoryItem>;

const ZActionParams = z.object({ id: ZId, action: z.enum(CLAIM_TRANSITIONS) });
const ZFileParams = z.object({ id: ZId, fileId: ZId });
const ZDownloadQuery = z.object({ download: z.enum(['0', '1']).optional() });

const FILE_ERRORS = {
  409: 'INVALID_TRANSITION: the item no longer takes files; TOO_MANY_FILES: it already has 10; PERIOD_CLOSED',
  413: 'FILE_TOO_LARGE: more than 10 MB',
  415: `UNSUPPORTED_FILE_TYPE: not ${ATTACHMENT_FILE_TYPES.join(', ')} by its content, or its name says another type`,
};

export const CLAIM_API = {
  listClaims: defineOperation({
    operationId: 'listClaims',
    method: 'get',
    path: '/claims',
    summary: 'Claims you may see (filters, pagination)',
    who: 'signed in',
    query: ZClaimFilters,
    responses: { 200: z.object({ items: z.array(ZClaimListItem), nextCursor: z.string().nullable() }) },
  }),
  createClaim: defineOperation({
    operationId: 'createClaim',
    method: 'post',
    path: '/claims',
    summary:
      'Declare a claim (EXPENSE, FIXED_FEE, IN_KIND: amountCents; MILEAGE: distanceKm, its amount computed from the period’s rate); with personId, commit a fixed fee for someone (status COMMITTED)',
    who: 'signed in; with personId: a referent of the chantier, a treasurer or an admin',
    body: ZClaimCreate,
    responses: { 201: ZClaimOut },
    errors: {
      409: 'PERIOD_CLOSED: the date falls in a closed period',
      422: 'NO_PERIOD: no period covers the date; NO_MILEAGE_RATE: the period pays no mileage; RECEIPT_REQUIRED: an expense is submitted with its receipt (create it as a draft, add the receipt, then submit)',
    },
  }),
  getClaim: defineOperation({
    operationId: 'getClaim',
    method: 'get',
    path: '/claims/{id}',
    summary: 'One claim',
    who: 'who may see it',
    params: ZIdParams,
    responses: { 200: ZClaimOut },
  }),
  updateClaim: defineOperation({
    operationId: 'updateClaim',
    method: 'patch',
    path: '/claims/{id}',
    summary:
      'Edit: only the fields sent change (null clears placeId); `version` is the one the edit started from, a stale one → 409 STALE_VERSION with error.details.current',
    who: 'its person while not approved (a committed fee: its chantier’s referents, treasurers); the period open',
    params: ZIdParams,
    body: ZClaimPatch,
    responses: { 200: ZClaimOut },
    errors: {
      409: 'STALE_VERSION (error.details.current); PERIOD_CLOSED; INVALID_TRANSITION: no longer editable',
      422: 'NO_PERIOD: no period covers the new date; NO_MILEAGE_RATE',
    },
  }),
  deleteClaim: defineOperation({
    operationId: 'deleteClaim',
    method: 'delete',
    path: '/claims/{id}',
    summary: 'Delete (kept in the history; its files are removed); with ?version=, a stale one → 409 STALE_VERSION',
    who: 'as updateClaim',
    params: ZIdParams,
    query: ZClaimVersion,
    responses: { 204: null },
    errors: { 409: 'STALE_VERSION (error.details.current); PERIOD_CLOSED; INVALID_TRANSITION' },
  }),
  actOnClaim: defineOperation({
    operationId: 'actOnClaim',
    method: 'post',
    path: '/claims/{id}/{action}',
    summary:
      'submit (its person) · approve, reject (reason), request-changes (comment), unapprove (comment) (a referent of its chantier, not its person; admin)',
    who: 'see summary',
    params: ZActionParams,
    body: ZClaimReview,
    responses: { 200: ZClaimOut },
    errors: {
      409: 'STALE_VERSION (error.details.current); INVALID_TRANSITION; ALREADY_REVIEWED; PERIOD_CLOSED',
      422: 'RECEIPT_REQUIRED: an expense needs a receipt; NO_MILEAGE_RATE',
    },
  }),
  getClaimHistory: defineOperation({
    operationId: 'getClaimHistory',
    method: 'get',
    path: '/claims/{id}/history',
    summary: 'Transitions and edits, oldest first',
    who: 'who may see it',
    params: ZIdParams,
    responses: { 200: z.object({ items: z.array(ZClaimHistoryItem) }) },
  }),
  reviewClaims: defineOperation({
    operationId: 'reviewClaims',
    method: 'post',
    path: '/claims/bulk-review',
    summary: 'Review several claims at once: all or none',
    who: 'referent of their chantiers, admin',
    body: ZClaimBulkReview,
    responses: { 200: z.object({ items: z.array(ZClaimOut) }) },
    errors: { 409: 'INVALID_TRANSITION, ALREADY_REVIEWED or PERIOD_CLOSED for one of them: none is reviewed' },
  }),
  listClaimReceipts: defineOperation({
    operationId: 'listClaimReceipts',
    method: 'get',
    path: '/claims/{id}/receipts',
    summary: 'The files of a claim',
    who: 'its person, referents of its chantier, treasurers, admins',
    params: ZIdParams,
    responses: { 200: z.object({ items: z.array(ZAttachmentOut) }) },
  }),
  uploadClaimReceipt: defineOperation({
    operationId: 'uploadClaimReceipt',
    method: 'post',
    path: '/claims/{id}/receipts',
    summary:
      'Add a receipt: multipart/form-data, field `file` (PDF, JPEG, PNG, WebP or HEIC by content; 10 MB; 10 per claim)',
    who: 'its person, while the claim can change',
    params: ZIdParams,
    upload: ATTACHMENT_UPLOAD,
    responses: { 201: ZAttachmentOut },
    errors: FILE_ERRORS,
  }),
  downloadClaimReceipt: defineOperation({
    operationId: 'downloadClaimReceipt',
    method: 'get',
    path: '/claims/{id}/receipts/{fileId}',
    summary: 'The file, inline (?download=1: as an attachment), with nosniff and a sandboxing CSP',
    who: 'its person, referents of its chantier, treasurers, admins',
    params: ZFileParams,
    query: ZDownloadQuery,
    responses: { 200: { contentType: ATTACHMENT_FILE_TYPES } },
  }),
  deleteClaimReceipt: defineOperation({
    operationId: 'deleteClaimReceipt',
    method: 'delete',
    path: '/claims/{id}/receipts/{fileId}',
    summary: 'Remove a receipt',
    who: 'its person, while the claim can change',
    params: ZFileParams,
    responses: { 204: null },
    errors: { 409: 'INVALID_TRANSITION; PERIOD_CLOSED: the files of a closed period are kept' },
  }),
  listContributionAttachments: defineOperation({
    operationId: 'listContributionAttachments',
    method: 'get',
    path: '/contributions/{id}/attachments',
    summary: 'The files of a contribution',
    who: 'its person, referents of its chantier, treasurers, admins',
    params: ZIdParams,
    responses: { 200: z.object({ items: z.array(ZAttachmentOut) }) },
  }),
  uploadContributionAttachment: defineOperation({
    operationId: 'uploadContributionAttachment',
    method: 'post',
    path: '/contributions/{id}/attachments',
    summary:
      'Attach a file: multipart/form-data, field `file` (PDF, JPEG, PNG, WebP or HEIC by content; 10 MB; 10 per contribution)',
    who: 'its person, while the contribution can change',
    params: ZIdParams,
    upload: ATTACHMENT_UPLOAD,
    responses: { 201: ZAttachmentOut },
    errors: FILE_ERRORS,
  }),
  downloadContributionAttachment: defineOperation({
    operationId: 'downloadContributionAttachment',
    method: 'get',
    path: '/contributions/{id}/attachments/{fileId}',
    summary: 'The file, inline (?download=1: as an attachment), with nosniff and a sandboxing CSP',
    who: 'its person, referents of its chantier, treasurers, admins',
    params: ZFileParams,
    query: ZDownloadQuery,
    responses: { 200: { contentType: ATTACHMENT_FILE_TYPES } },
  }),
  deleteContributionAttachment: defineOperation({
    operationId: 'deleteContributionAttachment',
    method: 'delete',
    path: '/contributions/{id}/attachments/{fileId}',
    summary: 'Remove an attachment',
    who: 'its person, while the contribution can change',
    params: ZFileParams,
    responses: { 204: null },
    errors: { 409: 'INVALID_TRANSITION; PERIOD_CLOSED: the files of a closed period are kept' },
  }),
};

export const CLAIM_OPERATIONS: Operation[] = Object.values(CLAIM_API);
