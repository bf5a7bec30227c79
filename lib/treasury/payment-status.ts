// Where each payee stands: what the current run owes them, what they were sent net of reversals
// (every payment of the period counts, a superseded run's included, since that money did leave
// the account), and what is still due. A period is paid when nothing is due to anyone it owes
// money. Pure; no I/O.

export type PaymentKind = 'PAYMENT' | 'REVERSAL';

/** A stored payment or reversal, as plain data. */
export type PaymentEntry = {
  id: string;
  runId: string;
  payeeKey: string;
  payeeName: string;
  kind: PaymentKind;
  amountCents: number;
  /** YYYY-MM-DD */
  paidOn: string;
  reference: string;
  reversesId: string | null;
  reason: string | null;
  recordedById: string;
  /** ISO timestamp */
  createdAt: string;
};

export type PayeeState = 'NOTHING_DUE' | 'UNPAID' | 'PARTIAL' | 'PAID';

export type PayeeStatus = {
  owedCents: number;
  /** Sent, net of reversals. */
  paidCents: number;
  /** owed − paid; negative when more was sent than is owed. */
  dueCents: number;
  state: PayeeState;
  /** Payments not reversed, oldest first. */
  activePayments: PaymentEntry[];
  /** Payments reversed, each with its reversal, oldest first. */
  reversed: { payment: PaymentEntry; reversal: PaymentEntry }[];
};

const byCreation = (a: PaymentEntry, b: PaymentEntry) =>
  a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

export function stateOf(owedCents: number, paidCents: number): PayeeState {
  if (owedCents <= 0) return 'NOTHING_DUE';
  if (paidCents >= owedCents) return 'PAID';
  return paidCents > 0 ? 'PARTIAL' : 'UNPAID';
}

/** The status of every payee owed something or sent something, keyed by payee key. */
export function payeeStatuses(
  owed: readonly { payeeKey: string; amountCents: number }[],
  payments: readonly PaymentEntry[],
): Map<string, PayeeStatus> {
  const reversalOf = new Map<string, PaymentEntry>();
  for (const entry of payments)
    if (entry.kind === 'REVERSAL' && entry.reversesId) reversalOf.set(entry.reversesId, entry);
  const statuses = new Map<string, PayeeStatus>();
  const statusOf = (payeeKey: string) => {
    let status = statuses.get(payeeKey);
    if (!status) {
      status = { owedCents: 0, paidCents: 0, dueCents: 0, state: 'NOTHING_DUE', activePayments: [], reversed: [] };
      statuses.set(payeeKey, status);
    }
    return status;
  };
  for (const { payeeKey, amountCents } of owed) statusOf(payeeKey).owedCents += amountCents;
  for (const entry of [...payments].sort(byCreation)) {
    const status = statusOf(entry.payeeKey);
    if (entry.kind === 'PAYMENT') {
      status.paidCents += entry.amountCents;
      const reversal = reversalOf.get(entry.id);
      if (reversal) status.reversed.push({ payment: entry, reversal });
      else status.activePayments.push(entry);
    } else {
      status.paidCents -= entry.amountCents;
    }
  }
  for (const status of statuses.values()) {
    status.dueCents = status.owedCents - status.paidCents;
    status.state = stateOf(status.owedCents, status.paidCents);
  }
  return statuses;
}

/** True when every payee owed money has received it all. */
export function everyonePaid(statuses: ReadonlyMap<string, PayeeStatus>): boolean {
  return [...statuses.values()].every((status) => status.owedCents <= 0 || status.dueCents <= 0);
}

/** The payment a person is told about: the latest one not reversed. */
export function latestActivePayment(status: PayeeStatus | undefined): PaymentEntry | null {
  return status?.activePayments.at(-1) ?? null;
}
