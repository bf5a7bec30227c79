// GET /api/v1/periods/{id} — everyone signed in; PATCH — a treasurer, while the period is open.
import { PERIOD_API } from '@/lib/periods/openapi';
import { apiRoute } from '@/lib/api/route';
import { getPeriod, updatePeriod } from '@/lib/periods/periods';

export const GET = apiRoute({
  operation: PERIOD_API.getPeriod,
  handler: async ({ actor, params }) => getPeriod({ actor, periodId: params.id }),
});

export const PATCH = apiRoute({
  operation: PERIOD_API.updatePeriod,
  permission: 'periods.manage',
  handler: async ({ actor, params, body }) => updatePeriod({ actor, periodId: params.id, input: body }),
});
