// GET /api/v1/periods/{id} — everyone signed in; PATCH — a treasurer, while the period is open.
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { ZPeriodPatch } from '@/lib/periods/schemas';
import { getPeriod, updatePeriod } from '@/lib/periods/periods';

export const GET = apiRoute({
  params: ZIdParams,
  handler: async ({ actor, params }) => getPeriod({ actor, periodId: params.id }),
});

export const PATCH = apiRoute({
  permission: 'periods.manage',
  params: ZIdParams,
  body: ZPeriodPatch,
  handler: async ({ actor, params, body }) => updatePeriod({ actor, periodId: params.id, input: body }),
});
