// GET /api/v1/periods/{id}/exports/compte-rendu.csv — the compte rendu financier (treasurer).
import { REPORT_API } from '@/lib/plans/report-openapi';
import { apiRoute } from '@/lib/api/route';
import { compteRenduResponse } from '@/lib/plans/report-exports';

export const GET = apiRoute({
  operation: REPORT_API.exportCompteRenduCsv,
  permission: 'exports.read',
  handler: ({ actor, params }) => compteRenduResponse({ actor, periodId: params.id, format: 'csv' }),
});
