// GET /api/v1/periods/{id}/exports/funder-report.pdf — the funder report as an A4 PDF
// (treasurer); streamed.
import { EXPORT_API } from '@/lib/exports/openapi';
import { apiRoute } from '@/lib/api/route';
import { funderPdfResponse } from '@/lib/exports/funder-exports';

export const GET = apiRoute({
  operation: EXPORT_API.exportFunderReportPdf,
  permission: 'exports.read',
  handler: ({ actor, params }) => funderPdfResponse({ actor, periodId: params.id }),
});
