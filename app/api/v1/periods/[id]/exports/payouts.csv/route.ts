// GET /api/v1/periods/{id}/exports/payouts.csv — the payout report (treasurer): one row per
// person and chantier (the summary per payee is payees.csv); `;`, UTF-8 with BOM, CRLF, streamed.
import { EXPORT_API } from '@/lib/exports/openapi';
import { apiRoute } from '@/lib/api/route';
import { payoutsCsvResponse } from '@/lib/exports/payout-exports';

export const GET = apiRoute({
  operation: EXPORT_API.exportPayoutsCsv,
  permission: 'exports.read',
  handler: ({ actor, params }) => payoutsCsvResponse({ actor, periodId: params.id }),
});
