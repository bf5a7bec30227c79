// GET /api/v1/periods — everyone signed in, newest first, paginated; POST — a treasurer creates one.
import { PERIOD_API } from '@/lib/periods/openapi';
import { apiRoute, json } from '@/lib/api/route';
import { createPeriod, listPeriods } from '@/lib/periods/periods';

export const GET = apiRoute({
  operation: PERIOD_API.listPeriods,
  handler: async ({ actor, query }) => listPeriods({ actor, ...query }),
});

export const POST = apiRoute({
  operation: PERIOD_API.createPeriod,
  permission: 'periods.manage',
  handler: async ({ actor, body }) => json(await createPeriod({ actor, input: body }), 201),
});
