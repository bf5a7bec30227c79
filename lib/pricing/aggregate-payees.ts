/**
 * Step 6 of the pricing rules, second half: a payee (the person, or an organisation named in
 * their payout profile) receives the sum of the payouts of the people it receives for.
 * Kept apart from computePayouts because payout profiles are not pricing settings: they may
 * change after a run is frozen without changing anyone's pay.
 */
import type { PayeeTotal, PersonPayout } from './types';
import { byString } from '@/lib/format/compare';

export interface AggregatePayeesOptions {
  people: readonly PersonPayout[];
  /** Every person's payee key; a person missing from it is an error, never silently dropped. */
  payeeKeyByPerson: ReadonlyMap<string, string> | Readonly<Record<string, string>>;
}

function payeeKeyOf(
  payeeKeyByPerson: AggregatePayeesOptions['payeeKeyByPerson'],
  personId: string,
): string | undefined {
  if (payeeKeyByPerson instanceof Map) return payeeKeyByPerson.get(personId);
  const record = payeeKeyByPerson as Readonly<Record<string, string>>;
  // hasOwn, so that a person id like "constructor" does not find Object.prototype's.
  return Object.prototype.hasOwnProperty.call(record, personId) ? record[personId] : undefined;
}

/** Sums people's amounts per payee; sorted by payeeKey, each with its people sorted. */
export function aggregatePayees({ people, payeeKeyByPerson }: AggregatePayeesOptions): PayeeTotal[] {
  const byPayee = new Map<string, PayeeTotal>();
  const seen = new Set<string>();
  for (const { personId, amountCents } of people) {
    if (seen.has(personId)) throw new Error(`aggregatePayees: person ${personId} appears twice`);
    seen.add(personId);
    if (!Number.isSafeInteger(amountCents) || amountCents < 0) {
      throw new Error(`aggregatePayees: amount of ${personId} must be a non-negative integer, got ${amountCents}`);
    }
    const payeeKey = payeeKeyOf(payeeKeyByPerson, personId);
    if (typeof payeeKey !== 'string' || payeeKey.length === 0) {
      throw new Error(`aggregatePayees: no payee for person ${personId}`);
    }
    const payee = byPayee.get(payeeKey) ?? { payeeKey, personIds: [], amountCents: 0 };
    payee.personIds.push(personId);
    payee.amountCents += amountCents;
    byPayee.set(payeeKey, payee);
  }
  const payees = [...byPayee.values()].sort((a, b) => byString(a.payeeKey, b.payeeKey));
  for (const payee of payees) payee.personIds.sort(byString);
  return payees;
}
