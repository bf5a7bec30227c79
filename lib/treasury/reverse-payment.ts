// Correcting a recorded payment: never an edit (payments are append-only, by trigger) but a
// reversal entry naming the payment, with a mandatory reason — a transfer returned by the bank, a
// wrong amount, a payment recorded twice. The payee is owed the money again; a PAID period goes
// back to CLOSED in the same transaction.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { fromIsoDate } from '@/lib/format/date';
import { todayIn } from '@/lib/contributions/server/periods';
import { getSettings } from '@/lib/settings/settings';
import { lockPeriodForPayments, settlePeriodStatus } from './record-payments';
import { toPaymentEntry, UNSAFE_loadPeriodTreasury } from './period-treasury';
import { loadRecorderNames, toPaymentOut } from './payment-out';
import type { TPaymentOut } from './schemas';

export async function reversePayment(options: {
  actor: Actor;
  periodId: string;
  paymentId: string;
  reason: string;
  reversedOn?: string;
}): Promise<{ status: 'CLOSED' | 'PAID'; reversal: TPaymentOut }> {
  assertCan(options.actor, 'payments.record');
  const reason = options.reason.trim();
  if (!reason)
    throw new AppError('VALIDATION', 'A reason is required', { fields: { reason: 'errors.COMMENT_REQUIRED' } });
  const reversedOn = options.reversedOn ?? todayIn((await getSettings()).timeZone);
  const result = await db().$transaction(async (tx) => {
    const before = await lockPeriodForPayments(tx, options.periodId);
    const payment = await tx.payment.findFirst({ where: { id: options.paymentId, periodId: options.periodId } });
    if (!payment) throw new AppError('NOT_FOUND', 'No such payment in this period');
    if (payment.kind !== 'PAYMENT')
      throw new AppError('CONFLICT', 'A reversal cannot itself be reversed; record the payment again instead', {
        details: { reason: 'NOT_A_PAYMENT' },
      });
    const existing = await tx.payment.findFirst({ where: { reversesId: payment.id }, select: { id: true } });
    if (existing)
      throw new AppError('CONFLICT', 'This payment is already reversed', {
        details: { reason: 'ALREADY_REVERSED', reversalId: existing.id },
      });
    const treasury = await UNSAFE_loadPeriodTreasury(tx, options.periodId);
    const created = await tx.payment.create({
      data: {
        periodId: options.periodId,
        runId: payment.runId,
        payeeKey: payment.payeeKey,
        payeeName: payment.payeeName,
        amountCents: payment.amountCents,
        paidOn: fromIsoDate(reversedOn),
        reference: payment.reference,
        kind: 'REVERSAL',
        reversesId: payment.id,
        reason,
        recordedById: options.actor.id,
      },
    });
    const entry = toPaymentEntry(created);
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: 'payment.reversed',
      entityType: 'payment',
      entityId: payment.id,
      data: {
        periodId: options.periodId,
        reversalId: created.id,
        payeeKey: payment.payeeKey,
        amountCents: payment.amountCents,
        reason,
      },
    });
    const status = await settlePeriodStatus(tx, {
      actor: options.actor,
      treasury,
      before,
      payments: [...treasury.payments, entry],
    });
    return { status, entry };
  });
  const names = await loadRecorderNames([result.entry]);
  return { status: result.status, reversal: toPaymentOut(result.entry, options.periodId, names, null) };
}
