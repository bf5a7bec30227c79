// GET /api/v1/periods/{id}/exports/payouts.csv — the payout report (treasurer): one row per
// person and chantier, then the summary per payee; `;`, UTF-8 with BOM, CRLF, streamed.
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { payoutsCsvResponse } from '@/lib/exports/payout-exports';

export const GET = apiRoute({
  permission: 'exports.read',
  params: ZIdParams,
  handler: ({ actor, params }) => payoutsCsvResponse({ actor, periodId: params.id }),
});
