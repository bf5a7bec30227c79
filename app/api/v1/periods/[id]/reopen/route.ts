// POST /api/v1/periods/{id}/reopen — an admin, with a reason; the frozen run becomes superseded.
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { ZReopenInput } from '@/lib/periods/schemas';
import { reopenPeriod } from '@/lib/periods/reopen-period';

export const POST = apiRoute({
  permission: 'periods.reopen',
  params: ZIdParams,
  body: ZReopenInput,
  handler: async ({ actor, params, body }) => reopenPeriod({ actor, periodId: params.id, reason: body.reason }),
});
