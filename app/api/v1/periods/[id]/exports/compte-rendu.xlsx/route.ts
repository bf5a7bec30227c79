// GET /api/v1/periods/{id}/exports/compte-rendu.xlsx — the compte rendu financier (treasurer).
import { REPORT_API } from '@/lib/plans/report-openapi';
import { apiRoute } from '@/lib/api/route';
import { compteRenduResponse } from '@/lib/plans/report-exports';

export const GET = apiRoute({
  operation: REPORT_API.exportCompteRenduXlsx,
  permission: 'exports.read',
  handler: ({ actor, params }) => compteRenduResponse({ actor, periodId: params.id, format: 'xlsx' }),
});
