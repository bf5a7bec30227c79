// GET /api/v1/periods/{id}/payments — the period's payees, payments and reversals (a treasurer:
// everyone's, with IBAN validity and what the SEPA file leaves out; anyone else: their own payee).
// POST — record a payment, treasurers only: `{ personId | payeeId, paidOn, reference, amountCents? }`
// for one payee, or `{ payees: [{ payeeId, amountCents? }], paidOn, reference }` for several at once
// (the payees of a SEPA file), all or nothing. The amount is what the run still owes each payee;
// `amountCents`, when sent, must be it, else 409 and nothing is recorded.
import { TREASURY_API } from '@/lib/treasury/openapi';
import { apiRoute, json } from '@/lib/api/route';
import { getPeriodPayments } from '@/lib/treasury/get-period-payments';
import { recordPayments, type PaymentTarget } from '@/lib/treasury/record-payments';

export const GET = apiRoute({
  operation: TREASURY_API.getPeriodPayments,
  handler: async ({ actor, params }) => getPeriodPayments({ actor, periodId: params.id }),
});

export const POST = apiRoute({
  operation: TREASURY_API.recordPayments,
  permission: 'payments.record',
  handler: async ({ actor, params, body }) => {
    const targets: PaymentTarget[] = body.payees
      ? body.payees.map((payee) => ({ payeeKey: payee.payeeId, expectedCents: payee.amountCents }))
      : [
          body.personId
            ? { personId: body.personId, expectedCents: body.amountCents }
            : { payeeKey: body.payeeId!, expectedCents: body.amountCents },
        ];
    const result = await recordPayments({
      actor,
      periodId: params.id,
      targets,
      paidOn: body.paidOn,
      reference: body.reference,
    });
    return json({ periodId: params.id, status: result.status, items: result.payments }, 201);
  },
});
