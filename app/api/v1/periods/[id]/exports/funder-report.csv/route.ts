// GET /api/v1/periods/{id}/exports/funder-report.csv — hours and money per chantier and per
// place, volunteer hours valued, envelopes against what was paid (treasurer); streamed.
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { funderCsvResponse } from '@/lib/exports/funder-exports';

export const GET = apiRoute({
  permission: 'exports.read',
  params: ZIdParams,
  handler: ({ actor, params }) => funderCsvResponse({ actor, periodId: params.id }),
});
