// Whether and when a person was paid for a period: "payé le 12/12/2026, réf. VIR-001", or what is
// still to come, or a cancelled transfer and why. For a person paid through an organisation, the
// organisation's payment (its date and reference) and their own share only. The person themselves
// and treasurers may read it; to anyone else it does not exist.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { canReadPersonalData, type Actor } from '@/lib/auth/permissions';
import { latestActivePayment, type PayeeState } from './payment-status';
import { UNSAFE_loadPeriodTreasury } from './period-treasury';

export type PersonPaymentStatus = {
  periodStatus: 'CLOSED' | 'PAID';
  /** The person's own amount in the current run. */
  amountCents: number;
  payeeName: string;
  paidToOrganisation: boolean;
  state: PayeeState;
  /** Sent and still due, for the payee (for an organisation: the person's share, paid or not). */
  paidCents: number;
  dueCents: number;
  payment: { paidOn: string; reference: string } | null;
  /** Transfers to this payee that were cancelled, newest last. */
  reversals: { paidOn: string; reversedOn: string; reason: string }[];
};

/** Null while the period is open, and when the person has nothing in its run. */
export async function getPersonPaymentStatus(options: {
  actor: Actor;
  periodId: string;
  personId: string;
}): Promise<PersonPaymentStatus | null> {
  if (!canReadPersonalData(options.actor, options.personId))
    throw new AppError('NOT_FOUND', 'Payment status not found');
  const treasury = await UNSAFE_loadPeriodTreasury(db(), options.periodId);
  if (treasury.period.status === 'OPEN') return null;
  const payeeKey = treasury.payeeKeyByPerson.get(options.personId);
  const payee = payeeKey ? treasury.payees.find((candidate) => candidate.payeeKey === payeeKey) : undefined;
  const self = payee?.people.find((person) => person.personId === options.personId);
  if (!payee || !self) return null;
  const organisation = payee.payeeType === 'ORGANISATION';
  const state = organisation
    ? self.amountCents <= 0
      ? 'NOTHING_DUE'
      : payee.status.state === 'PAID'
        ? 'PAID'
        : 'UNPAID'
    : payee.status.state;
  const paidCents = organisation ? (state === 'PAID' ? self.amountCents : 0) : payee.status.paidCents;
  const last = latestActivePayment(payee.status);
  return {
    periodStatus: treasury.period.status,
    amountCents: self.amountCents,
    payeeName: payee.payeeName,
    paidToOrganisation: organisation,
    state,
    paidCents,
    dueCents: (organisation ? self.amountCents : payee.amountCents) - paidCents,
    payment:
      last && (state === 'PAID' || state === 'PARTIAL') ? { paidOn: last.paidOn, reference: last.reference } : null,
    reversals: payee.status.reversed.map(({ payment, reversal }) => ({
      paidOn: payment.paidOn,
      reversedOn: reversal.paidOn,
      reason: reversal.reason ?? '',
    })),
  };
}
