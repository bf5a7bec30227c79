// GET /api/v1/periods/{id}/exports/funder-report.csv — hours and money per chantier and per
// place, volunteer hours valued, envelopes against what was paid (treasurer); streamed.
import { EXPORT_API } from '@/lib/exports/openapi';
import { apiRoute } from '@/lib/api/route';
import { funderCsvResponse } from '@/lib/exports/funder-exports';

export const GET = apiRoute({
  operation: EXPORT_API.exportFunderReportCsv,
  permission: 'exports.read',
  handler: ({ actor, params }) => funderCsvResponse({ actor, periodId: params.id }),
});
