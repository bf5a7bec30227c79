// POST /api/v1/periods/{id}/payments/{paymentId}/reversal — reverse a recorded payment with a
// mandatory reason (treasurers): a reversal entry, never an edit; a paid period is closed again.
import { TREASURY_API } from '@/lib/treasury/openapi';
import { apiRoute, json } from '@/lib/api/route';
import { reversePayment } from '@/lib/treasury/reverse-payment';

export const POST = apiRoute({
  operation: TREASURY_API.reversePayment,
  permission: 'payments.record',
  handler: async ({ actor, params, body }) => {
    const result = await reversePayment({
      actor,
      periodId: params.id,
      paymentId: params.paymentId,
      reason: body.reason,
      reversedOn: body.reversedOn,
    });
    return json({ periodId: params.id, status: result.status, reversal: result.reversal }, 201);
  },
});
