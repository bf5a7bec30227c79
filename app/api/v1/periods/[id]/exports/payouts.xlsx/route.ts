// GET /api/v1/periods/{id}/exports/payouts.xlsx — the payout report as a workbook (treasurer):
// a "Détail" sheet and a "Bénéficiaires" sheet, real number cells, streamed.
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { payoutsXlsxResponse } from '@/lib/exports/payout-exports';

export const GET = apiRoute({
  permission: 'exports.read',
  params: ZIdParams,
  handler: ({ actor, params }) => payoutsXlsxResponse({ actor, periodId: params.id }),
});
