// GET /api/v1/periods/{id}/payouts — the live preview of an open period or its frozen run
// (`?runId=` reads a given run, superseded ones included); every line with transparency on or for
// a treasurer, else the caller's own.
import { PERIOD_API } from '@/lib/periods/openapi';
import { apiRoute } from '@/lib/api/route';
import { getPayouts } from '@/lib/periods/get-payouts';

export const GET = apiRoute({
  operation: PERIOD_API.getPayouts,
  handler: async ({ actor, params, query }) => getPayouts({ actor, periodId: params.id, runId: query.runId }),
});
