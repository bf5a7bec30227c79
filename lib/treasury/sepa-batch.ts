// Which payees a SEPA credit transfer file pays, and why each other one is left out: nothing owed,
// already paid, no IBAN, an invalid one, one outside the SEPA zone, or two different ones for one
// organisation. Every payee of the run lands in exactly one of the two lists. Pure; no I/O.
import type { PayeeOwed } from './group-payees';
import type { PayeeStatus } from './payment-status';

export const EXCLUSION_REASONS = [
  'ZERO_AMOUNT',
  'ALREADY_PAID',
  'NO_IBAN',
  'INVALID_IBAN',
  'OUTSIDE_SEPA',
  'IBAN_CONFLICT',
] as const;
export type ExclusionReason = (typeof EXCLUSION_REASONS)[number];

export type SepaCandidate = PayeeOwed & { status: PayeeStatus };

export type PlannedTransfer = {
  payeeKey: string;
  payeeName: string;
  payeeType: 'SELF' | 'ORGANISATION';
  personNames: string[];
  iban: string;
  bic: string | null;
  /** What is still due: the whole amount unless part of it was already sent. */
  amountCents: number;
};

export type ExcludedPayee = {
  payeeKey: string;
  payeeName: string;
  amountCents: number;
  dueCents: number;
  reason: ExclusionReason;
};

export type SepaBatch = { transfers: PlannedTransfer[]; excluded: ExcludedPayee[]; totalCents: number };

function exclusionOf(payee: SepaCandidate): ExclusionReason | null {
  if (payee.amountCents <= 0) return 'ZERO_AMOUNT';
  if (payee.status.dueCents <= 0) return 'ALREADY_PAID';
  switch (payee.ibanStatus) {
    case 'MISSING':
      return 'NO_IBAN';
    case 'INVALID':
      return 'INVALID_IBAN';
    case 'OUTSIDE_SEPA':
      return 'OUTSIDE_SEPA';
    case 'CONFLICT':
      return 'IBAN_CONFLICT';
    case 'VALID':
      return null;
  }
}

/** Splits the payees (in the order given) into the file's transfers and the ones left out. */
export function planSepaBatch(payees: readonly SepaCandidate[]): SepaBatch {
  const transfers: PlannedTransfer[] = [];
  const excluded: ExcludedPayee[] = [];
  for (const payee of payees) {
    const reason = exclusionOf(payee);
    if (reason || !payee.iban) {
      excluded.push({
        payeeKey: payee.payeeKey,
        payeeName: payee.payeeName,
        amountCents: payee.amountCents,
        dueCents: Math.max(payee.status.dueCents, 0),
        reason: reason ?? 'NO_IBAN',
      });
      continue;
    }
    transfers.push({
      payeeKey: payee.payeeKey,
      payeeName: payee.payeeName,
      payeeType: payee.payeeType,
      personNames: payee.people.map((person) => person.name),
      iban: payee.iban,
      bic: payee.bic,
      amountCents: payee.status.dueCents,
    });
  }
  return { transfers, excluded, totalCents: transfers.reduce((sum, transfer) => sum + transfer.amountCents, 0) };
}
