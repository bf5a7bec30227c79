// GET /api/v1/periods/{id}/exports/contributions.csv — one row per contribution of the period, the
// audit trail behind the payout report (treasurer): drafts and deleted ones left out, optionally
// one status only (`?status=APPROVED`); `;`, UTF-8 with BOM, CRLF, streamed in batches.
import { EXPORT_API } from '@/lib/exports/openapi';
import { apiRoute } from '@/lib/api/route';
import { contributionsCsvResponse } from '@/lib/exports/contributions-csv-export';

export const GET = apiRoute({
  operation: EXPORT_API.exportContributionsCsv,
  permission: 'exports.read',
  handler: ({ actor, params, query }) => contributionsCsvResponse({ actor, periodId: params.id, status: query.status }),
});
