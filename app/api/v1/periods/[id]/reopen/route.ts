// POST /api/v1/periods/{id}/reopen — an admin, with a reason; the frozen run becomes superseded.
import { PERIOD_API } from '@/lib/periods/openapi';
import { apiRoute } from '@/lib/api/route';
import { reopenPeriod } from '@/lib/periods/reopen-period';

export const POST = apiRoute({
  operation: PERIOD_API.reopenPeriod,
  permission: 'periods.reopen',
  handler: async ({ actor, params, body }) => reopenPeriod({ actor, periodId: params.id, reason: body.reason }),
});
