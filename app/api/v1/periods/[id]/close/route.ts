// POST /api/v1/periods/{id}/close — a treasurer freezes the payout run; 409 PENDING_CONTRIBUTIONS
// lists in error.details.pending what still waits for review.
import { PERIOD_API } from '@/lib/periods/openapi';
import { apiRoute } from '@/lib/api/route';
import { closePeriod } from '@/lib/periods/payouts';

export const POST = apiRoute({
  operation: PERIOD_API.closePeriod,
  permission: 'periods.close',
  handler: async ({ actor, params }) => {
    const { status, runId } = await closePeriod({ actor, periodId: params.id });
    return { status, runId };
  },
});
