// GET /api/v1/periods — everyone signed in, newest first, paginated; POST — a treasurer creates one.
import { apiRoute, json } from '@/lib/api/route';
import { ZPeriodInput, ZPeriodListQuery } from '@/lib/periods/schemas';
import { createPeriod, listPeriods } from '@/lib/periods/periods';

export const GET = apiRoute({
  query: ZPeriodListQuery,
  handler: async ({ actor, query }) => listPeriods({ actor, ...query }),
});

export const POST = apiRoute({
  permission: 'periods.manage',
  body: ZPeriodInput,
  handler: async ({ actor, body }) => json(await createPeriod({ actor, input: body }), 201),
});
