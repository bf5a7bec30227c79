// GET /api/v1/periods/{id}/exports/payouts.xlsx — the payout report as a workbook (treasurer):
// a "Détail" sheet and a "Bénéficiaires" sheet, real number cells, streamed.
import { EXPORT_API } from '@/lib/exports/openapi';
import { apiRoute } from '@/lib/api/route';
import { payoutsXlsxResponse } from '@/lib/exports/payout-exports';

export const GET = apiRoute({
  operation: EXPORT_API.exportPayoutsXlsx,
  permission: 'exports.read',
  handler: ({ actor, params }) => payoutsXlsxResponse({ actor, periodId: params.id }),
});
