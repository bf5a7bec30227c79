// GET /api/v1/contributions/{id}/attachments — the contribution's files. POST — add one (multipart, field `file`).
import { CLAIM_API } from '@/lib/claims/openapi';
import { apiRoute } from '@/lib/api/route';
import { listFilesResponse, uploadFileResponse } from '@/lib/files/server/routes';

export const GET = apiRoute({
  operation: CLAIM_API.listContributionAttachments,
  handler: async ({ actor, params }) => listFilesResponse(actor, { contributionId: params.id }),
});

export const POST = apiRoute({
  operation: CLAIM_API.uploadContributionAttachment,
  handler: async ({ actor, params, request }) => uploadFileResponse(actor, { contributionId: params.id }, request),
});
