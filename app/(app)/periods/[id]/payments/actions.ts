'use server';
// The payments page's server actions: each goes through formAction() (session, zod, permission)
// into the same domain functions as the API; a refusal comes back in the person's language, next
// to the form. A recorded payment or reversal changes the rows (the form it came from may be gone),
// so success is said at the top of the page it lands on.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formAction } from '@/lib/actions/form-action';
import { ZId } from '@/lib/people/schemas';
import { ZIsoDate } from '@/lib/periods/schemas';
import { ZPayeeId, ZReference, ZReversalCreate } from '@/lib/treasury/schemas';
import { recordPayments } from '@/lib/treasury/record-payments';
import { reversePayment } from '@/lib/treasury/reverse-payment';
import { treasuryRefusal } from '@/lib/treasury/action-errors';

const ZCents = z.coerce.number().int().positive();

/** "12345:person:abc" — the amount the page showed, then the payee — one per transfer of the file. */
const ZBatchItem = z.string().transform((value, context) => {
  const separator = value.indexOf(':');
  const amountCents = ZCents.safeParse(value.slice(0, separator));
  const payeeId = ZPayeeId.safeParse(value.slice(separator + 1));
  if (separator < 1 || !amountCents.success || !payeeId.success) {
    context.addIssue({ code: 'custom', message: 'treasury.validation.payeeId' });
    return z.NEVER;
  }
  return { payeeKey: payeeId.data, expectedCents: amountCents.data };
});

function refresh(periodId: string) {
  revalidatePath(`/periods/${periodId}/payments`);
  revalidatePath(`/periods/${periodId}`);
  revalidatePath('/periods');
  revalidatePath('/payouts');
}

export const recordPaymentAction = formAction({
  name: 'recordPayment',
  schema: z.object({ periodId: ZId, payeeId: ZPayeeId, amountCents: ZCents, paidOn: ZIsoDate, reference: ZReference }),
  permission: 'payments.record',
  handler: async ({ actor, input, locale }) => {
    try {
      await recordPayments({
        actor,
        periodId: input.periodId,
        targets: [{ payeeKey: input.payeeId, expectedCents: input.amountCents }],
        paidOn: input.paidOn,
        reference: input.reference,
      });
    } catch (error) {
      return treasuryRefusal(error, locale);
    }
    refresh(input.periodId);
    redirect(`/periods/${input.periodId}/payments?done=recorded`);
  },
});

export const recordBatchAction = formAction({
  name: 'recordPaymentBatch',
  schema: z.object({ periodId: ZId, payees: z.array(ZBatchItem).min(1), paidOn: ZIsoDate, reference: ZReference }),
  permission: 'payments.record',
  handler: async ({ actor, input, locale }) => {
    let count: number;
    try {
      count = (
        await recordPayments({
          actor,
          periodId: input.periodId,
          targets: input.payees,
          paidOn: input.paidOn,
          reference: input.reference,
        })
      ).payments.length;
    } catch (error) {
      return treasuryRefusal(error, locale);
    }
    refresh(input.periodId);
    redirect(`/periods/${input.periodId}/payments?done=batch&count=${count}`);
  },
});

export const reversePaymentAction = formAction({
  name: 'reversePayment',
  schema: ZReversalCreate.extend({
    periodId: ZId,
    paymentId: ZId,
    reversedOn: ZIsoDate.optional().or(z.literal('').transform(() => undefined)),
  }),
  permission: 'payments.record',
  handler: async ({ actor, input, locale }) => {
    try {
      await reversePayment({
        actor,
        periodId: input.periodId,
        paymentId: input.paymentId,
        reason: input.reason,
        reversedOn: input.reversedOn,
      });
    } catch (error) {
      return treasuryRefusal(error, locale);
    }
    refresh(input.periodId);
    redirect(`/periods/${input.periodId}/payments?done=reversed`);
  },
});
