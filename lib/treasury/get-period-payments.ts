// The payments of a period as a caller may see them. A treasurer: every payee of the current run
// with what it is owed, sent and still due, whether its IBAN allows a transfer, every payment and
// reversal, and what the SEPA file would hold now (who it leaves out, and why). Anyone else: their
// own payee only — for an organisation receiving for several people, just their own share and
// whether and when the organisation was paid, never the others' amounts — and no bank details.
import 'server-only';
import { can, type Actor } from '@/lib/auth/permissions';
import { db } from '@/lib/db';
import { maskIban } from '@/lib/payees/validate';
import { planSepaBatch } from './sepa-batch';
import { latestActivePayment, stateOf } from './payment-status';
import { UNSAFE_loadPeriodTreasury, type TreasuryPayee } from './period-treasury';
import { loadRecorderNames, withReversals } from './payment-out';
import type { TPayeeOut, TPeriodPaymentsOut } from './schemas';

/** Treasurers see (and record) every payee's payments. */
export function seesAllPayments(actor: Pick<Actor, 'roles'>): boolean {
  return can(actor, 'payments.record') || can(actor, 'exports.read');
}

function lastPaymentOf(payee: TreasuryPayee): TPayeeOut['lastPayment'] {
  const last = latestActivePayment(payee.status);
  return last ? { id: last.id, paidOn: last.paidOn, reference: last.reference } : null;
}

function toPayeeOut(payee: TreasuryPayee): TPayeeOut {
  return {
    payeeId: payee.payeeKey,
    payeeName: payee.payeeName,
    payeeType: payee.payeeType,
    people: payee.people,
    amountCents: payee.amountCents,
    paidCents: payee.status.paidCents,
    dueCents: payee.status.dueCents,
    state: payee.status.state,
    ibanStatus: payee.ibanStatus,
    ibanMasked: maskIban(payee.iban),
    lastPayment: lastPaymentOf(payee),
  };
}

/** A person's view of their own payee: for an organisation, their own share only. */
function ownPayeeOut(payee: TreasuryPayee, personId: string): TPayeeOut {
  const self = payee.people.find((person) => person.personId === personId)!;
  if (payee.payeeType === 'SELF') return { ...toPayeeOut(payee), ibanStatus: null, ibanMasked: null };
  const paidCents = payee.status.state === 'PAID' ? self.amountCents : 0;
  return {
    payeeId: payee.payeeKey,
    payeeName: payee.payeeName,
    payeeType: payee.payeeType,
    people: [self],
    amountCents: self.amountCents,
    paidCents,
    dueCents: self.amountCents - paidCents,
    state: stateOf(self.amountCents, paidCents),
    ibanStatus: null,
    ibanMasked: null,
    lastPayment: lastPaymentOf(payee),
  };
}

export async function getPeriodPayments(options: { actor: Actor; periodId: string }): Promise<TPeriodPaymentsOut> {
  const treasury = await UNSAFE_loadPeriodTreasury(db(), options.periodId);
  const all = seesAllPayments(options.actor);
  const ownKey = treasury.payeeKeyByPerson.get(options.actor.id);
  const ownPayee = ownKey ? treasury.payees.find((payee) => payee.payeeKey === ownKey) : undefined;
  const payees = all ? treasury.payees.map(toPayeeOut) : ownPayee ? [ownPayeeOut(ownPayee, options.actor.id)] : [];
  const entries = all
    ? treasury.payments
    : ownPayee?.payeeType === 'SELF'
      ? treasury.payments.filter((entry) => entry.payeeKey === ownPayee.payeeKey)
      : [];
  const names = await loadRecorderNames(entries);
  const sepa = all && treasury.runId ? planSepaBatch(treasury.payees) : null;
  return {
    periodId: treasury.period.id,
    status: treasury.period.status,
    runId: treasury.runId,
    scope: all ? 'ALL' : 'OWN',
    payees,
    items: withReversals(entries, treasury.period.id, names),
    totals: {
      amountCents: payees.reduce((sum, payee) => sum + payee.amountCents, 0),
      paidCents: payees.reduce((sum, payee) => sum + payee.paidCents, 0),
      dueCents: payees.reduce((sum, payee) => sum + Math.max(payee.dueCents, 0), 0),
    },
    sepa: sepa
      ? {
          transferCount: sepa.transfers.length,
          totalCents: sepa.totalCents,
          transfers: sepa.transfers.map((transfer) => ({
            payeeId: transfer.payeeKey,
            payeeName: transfer.payeeName,
            amountCents: transfer.amountCents,
          })),
          excluded: sepa.excluded.map((excluded) => ({
            payeeId: excluded.payeeKey,
            payeeName: excluded.payeeName,
            amountCents: excluded.amountCents,
            dueCents: excluded.dueCents,
            reason: excluded.reason,
          })),
        }
      : null,
  };
}
