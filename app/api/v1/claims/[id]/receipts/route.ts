// GET /api/v1/claims/{id}/receipts — the claim's files. POST — add one (multipart, field `file`).
import { CLAIM_API } from '@/lib/claims/openapi';
import { apiRoute } from '@/lib/api/route';
import { listFilesResponse, uploadFileResponse } from '@/lib/files/server/routes';

export const GET = apiRoute({
  operation: CLAIM_API.listClaimReceipts,
  handler: async ({ actor, params }) => listFilesResponse(actor, { claimId: params.id }),
});

export const POST = apiRoute({
  operation: CLAIM_API.uploadClaimReceipt,
  handler: async ({ actor, params, request }) => uploadFileResponse(actor, { claimId: params.id }, request),
});
