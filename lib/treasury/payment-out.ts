// A payment or reversal as the API and the screens show it: its payee as `payeeId`, who recorded
// it by name, and for a payment the reversal that cancelled it, if any.
import 'server-only';
import { db } from '@/lib/db';
import type { PaymentEntry } from './payment-status';
import type { TPaymentOut } from './schemas';

export async function loadRecorderNames(
  entries: readonly Pick<PaymentEntry, 'recordedById'>[],
): Promise<Map<string, string>> {
  const ids = [...new Set(entries.map((entry) => entry.recordedById))];
  if (ids.length === 0) return new Map();
  const people = await db().person.findMany({ where: { id: { in: ids } }, select: { id: true, name: true } });
  return new Map(people.map((person) => [person.id, person.name]));
}

export function toPaymentOut(
  entry: PaymentEntry,
  periodId: string,
  recorderNames: ReadonlyMap<string, string>,
  reversedById: string | null,
): TPaymentOut {
  return {
    id: entry.id,
    periodId,
    runId: entry.runId,
    payeeId: entry.payeeKey,
    payeeName: entry.payeeName,
    kind: entry.kind,
    amountCents: entry.amountCents,
    paidOn: entry.paidOn,
    reference: entry.reference,
    reversesId: entry.reversesId,
    reversedById,
    reason: entry.reason,
    recordedById: entry.recordedById,
    recordedByName: recorderNames.get(entry.recordedById) ?? '',
    createdAt: entry.createdAt,
  };
}

/** Every entry with the id of the reversal that cancelled it (null for reversals and live payments). */
export function withReversals(
  entries: readonly PaymentEntry[],
  periodId: string,
  recorderNames: ReadonlyMap<string, string>,
): TPaymentOut[] {
  const reversalOf = new Map(
    entries
      .filter((entry) => entry.kind === 'REVERSAL' && entry.reversesId)
      .map((entry) => [entry.reversesId!, entry.id]),
  );
  return entries.map((entry) => toPaymentOut(entry, periodId, recorderNames, reversalOf.get(entry.id) ?? null));
}
