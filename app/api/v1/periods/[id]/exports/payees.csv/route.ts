// GET /api/v1/periods/{id}/exports/payees.csv — the payout report's summary per payee
// (treasurer): one row per payee, then a total; `;`, UTF-8 with BOM, CRLF, streamed.
import { EXPORT_API } from '@/lib/exports/openapi';
import { apiRoute } from '@/lib/api/route';
import { payeesCsvResponse } from '@/lib/exports/payout-exports';

export const GET = apiRoute({
  operation: EXPORT_API.exportPayeesCsv,
  permission: 'exports.read',
  handler: ({ actor, params }) => payeesCsvResponse({ actor, periodId: params.id }),
});
