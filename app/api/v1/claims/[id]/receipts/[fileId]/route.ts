// GET /api/v1/claims/{id}/receipts/{fileId} — the file, streamed. DELETE — remove it.
import { CLAIM_API } from '@/lib/claims/openapi';
import { apiRoute } from '@/lib/api/route';
import { deleteFileResponse, downloadFileResponse } from '@/lib/files/server/routes';

export const GET = apiRoute({
  operation: CLAIM_API.downloadClaimReceipt,
  handler: async ({ actor, params, query }) =>
    downloadFileResponse(actor, { claimId: params.id }, params.fileId, query.download === '1'),
});

export const DELETE = apiRoute({
  operation: CLAIM_API.deleteClaimReceipt,
  handler: async ({ actor, params }) => deleteFileResponse(actor, { claimId: params.id }, params.fileId),
});
