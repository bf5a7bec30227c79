// Recording transfers: one payee, or several at once (the payees of a SEPA file) with one date and
// one bank reference, all in one transaction — every payment is recorded or none is. The amount is
// never taken from the caller: it is what the current run still owes the payee; a caller that sends
// the amount it saw is refused if that is no longer it. When nobody is owed anything any more the
// period becomes PAID in the same transaction. The period row is locked first, so two treasurers
// recording the same payee at once record it once.
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { fromIsoDate } from '@/lib/format/date';
import { everyonePaid, payeeStatuses } from './payment-status';
import { toPaymentEntry, UNSAFE_loadPeriodTreasury, type PeriodTreasury } from './period-treasury';
import { toPaymentOut, loadRecorderNames } from './payment-out';
import type { TPaymentOut } from './schemas';

export type PaymentTarget = { payeeKey: string; expectedCents?: number } | { personId: string; expectedCents?: number };

export type PaymentProblem = {
  payeeId: string;
  reason: 'UNKNOWN_PAYEE' | 'NOTHING_DUE' | 'ALREADY_PAID' | 'AMOUNT_CHANGED';
  dueCents?: number;
};

/** Locks the period row and checks payments may be recorded against it now. */
export async function lockPeriodForPayments(tx: Tx, periodId: string): Promise<'CLOSED' | 'PAID'> {
  const [locked] = await tx.$queryRaw<
    { status: 'OPEN' | 'CLOSED' | 'PAID' }[]
  >`SELECT status::text AS status FROM funding_periods WHERE id = ${periodId} FOR UPDATE`;
  if (!locked) throw new AppError('NOT_FOUND', 'Period not found');
  if (locked.status === 'OPEN') {
    throw new AppError('CONFLICT', 'Payments are recorded once the period is closed and its payout run frozen', {
      details: { reason: 'PERIOD_OPEN' },
    });
  }
  return locked.status;
}

/** Sets the period PAID when nobody is owed anything, CLOSED otherwise; audits a change. */
export async function settlePeriodStatus(
  tx: Tx,
  options: { actor: Actor; treasury: PeriodTreasury; before: 'CLOSED' | 'PAID'; payments: PeriodTreasury['payments'] },
): Promise<'CLOSED' | 'PAID'> {
  const statuses = payeeStatuses(options.treasury.payees, options.payments);
  const after = everyonePaid(statuses) ? 'PAID' : 'CLOSED';
  if (after !== options.before) {
    await tx.fundingPeriod.update({
      where: { id: options.treasury.period.id },
      data: { status: after, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: after === 'PAID' ? 'period.paid' : 'period.unpaid',
      entityType: 'period',
      entityId: options.treasury.period.id,
      data: { runId: options.treasury.runId },
    });
  }
  return after;
}

function resolveTargets(treasury: PeriodTreasury, targets: readonly PaymentTarget[]) {
  const problems: PaymentProblem[] = [];
  const chosen: { payee: PeriodTreasury['payees'][number]; amountCents: number }[] = [];
  const seen = new Set<string>();
  for (const target of targets) {
    const payeeKey = 'payeeKey' in target ? target.payeeKey : treasury.payeeKeyByPerson.get(target.personId);
    const payeeId = 'payeeKey' in target ? target.payeeKey : `person:${target.personId}`;
    const payee = payeeKey ? treasury.payees.find((candidate) => candidate.payeeKey === payeeKey) : undefined;
    if (!payee) {
      problems.push({ payeeId, reason: 'UNKNOWN_PAYEE' });
      continue;
    }
    if (seen.has(payee.payeeKey))
      throw new AppError('VALIDATION', `Payee ${payee.payeeKey} is named twice`, {
        fields: { payees: 'treasury.validation.duplicatePayee' },
      });
    seen.add(payee.payeeKey);
    const due = payee.status.dueCents;
    if (payee.amountCents <= 0) problems.push({ payeeId: payee.payeeKey, reason: 'NOTHING_DUE' });
    else if (due <= 0) problems.push({ payeeId: payee.payeeKey, reason: 'ALREADY_PAID' });
    else if (target.expectedCents !== undefined && target.expectedCents !== due)
      problems.push({ payeeId: payee.payeeKey, reason: 'AMOUNT_CHANGED', dueCents: due });
    else chosen.push({ payee, amountCents: due });
  }
  return { problems, chosen };
}

function refusal(problems: PaymentProblem[]): AppError {
  const unknownOnly = problems.every((problem) => problem.reason === 'UNKNOWN_PAYEE');
  const first = problems[0];
  const message =
    problems.length === 1
      ? {
          UNKNOWN_PAYEE: `${first.payeeId} is owed nothing by this period's payout run`,
          NOTHING_DUE: `${first.payeeId} is owed nothing by this period's payout run`,
          ALREADY_PAID: `${first.payeeId} is already paid`,
          AMOUNT_CHANGED: `The amount due to ${first.payeeId} is now ${first.dueCents} cents`,
        }[first.reason]
      : `Nothing was recorded: ${problems.length} payees cannot be paid (see details)`;
  return new AppError(unknownOnly ? 'NOT_FOUND' : 'CONFLICT', message, { details: { reason: first.reason, problems } });
}

/**
 * Records one payment per target, all or nothing. Each payment is the amount still due to its
 * payee under the current run. Refused (nothing recorded) when the period is open, a target is
 * unknown, owed nothing, already paid, or owed another amount than the one the caller expected.
 */
export async function recordPayments(options: {
  actor: Actor;
  periodId: string;
  targets: readonly PaymentTarget[];
  paidOn: string;
  reference: string;
}): Promise<{ status: 'CLOSED' | 'PAID'; payments: TPaymentOut[] }> {
  assertCan(options.actor, 'payments.record');
  const reference = options.reference.trim();
  if (!reference)
    throw new AppError('VALIDATION', 'A bank reference is required', { fields: { reference: 'validation.required' } });
  if (options.targets.length === 0)
    throw new AppError('VALIDATION', 'Name at least one payee', { fields: { payees: 'treasury.validation.onePayee' } });
  const result = await db().$transaction((tx) => recordPaymentsInTx(tx, { ...options, reference }));
  const names = await loadRecorderNames(result.entries);
  return {
    status: result.status,
    payments: result.entries.map((entry) => toPaymentOut(entry, options.periodId, names, null)),
  };
}

/** The recording itself, inside a transaction the caller holds (the demo seed pays in its own). */
export async function recordPaymentsInTx(
  tx: Tx,
  options: { actor: Actor; periodId: string; targets: readonly PaymentTarget[]; paidOn: string; reference: string },
) {
  assertCan(options.actor, 'payments.record');
  const reference = options.reference;
  const before = await lockPeriodForPayments(tx, options.periodId);
  const treasury = await UNSAFE_loadPeriodTreasury(tx, options.periodId);
  if (!treasury.runId)
    throw new AppError('CONFLICT', 'This period has no current payout run', { details: { reason: 'NO_RUN' } });
  const { problems, chosen } = resolveTargets(treasury, options.targets);
  if (problems.length) throw refusal(problems);
  const created = await tx.payment.createManyAndReturn({
    data: chosen.map(({ payee, amountCents }) => ({
      periodId: options.periodId,
      runId: treasury.runId!,
      payeeKey: payee.payeeKey,
      payeeName: payee.payeeName,
      amountCents,
      paidOn: fromIsoDate(options.paidOn),
      reference,
      kind: 'PAYMENT' as const,
      recordedById: options.actor.id,
    })),
  });
  const entries = created.map(toPaymentEntry);
  await writeAudit(tx, {
    actorId: options.actor.id,
    action: 'payments.recorded',
    entityType: 'period',
    entityId: options.periodId,
    data: {
      runId: treasury.runId,
      paidOn: options.paidOn,
      reference,
      count: entries.length,
      totalCents: entries.reduce((sum, entry) => sum + entry.amountCents, 0),
      paymentIds: entries.map((entry) => entry.id),
    },
  });
  const status = await settlePeriodStatus(tx, {
    actor: options.actor,
    treasury,
    before,
    payments: [...treasury.payments, ...entries],
  });
  return { status, entries };
}

/** One payee, named by a person it receives for (`personId`) or by its key (`payeeKey`). */
export async function recordPayment(options: {
  actor: Actor;
  periodId: string;
  target: PaymentTarget;
  paidOn: string;
  reference: string;
}) {
  const { status, payments } = await recordPayments({ ...options, targets: [options.target] });
  return { status, payment: payments[0] };
}
