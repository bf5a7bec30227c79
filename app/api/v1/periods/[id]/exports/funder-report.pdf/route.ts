// GET /api/v1/periods/{id}/exports/funder-report.pdf — the funder report as an A4 PDF
// (treasurer); streamed.
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { funderPdfResponse } from '@/lib/exports/funder-exports';

export const GET = apiRoute({
  permission: 'exports.read',
  params: ZIdParams,
  handler: ({ actor, params }) => funderPdfResponse({ actor, periodId: params.id }),
});
