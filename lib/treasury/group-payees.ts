// The payees of a frozen payout run: each person's amount goes to their payee (themselves, or an
// organisation receiving for several people), summed by the pricing module's aggregatePayees.
// An organisation's account is the IBAN its people give; when they give two different ones the
// payee is held back (IBAN_CONFLICT) rather than paid to either; its name is the one given with
// its IBAN. Pure; no I/O.
import { aggregatePayees } from '@/lib/pricing';
import { byName, byString } from '@/lib/format/compare';

export type IbanStatus = 'VALID' | 'MISSING' | 'INVALID' | 'OUTSIDE_SEPA';

/** One person of the run with their amount and what their payout profile says. */
export type PersonOwed = {
  personId: string;
  name: string;
  amountCents: number;
  payeeKey: string;
  payeeName: string;
  payeeType: 'SELF' | 'ORGANISATION';
  /** Electronic format, or null when the profile has none. */
  iban: string | null;
  ibanStatus: IbanStatus;
  bic: string | null;
};

export type PayeeOwed = {
  payeeKey: string;
  payeeName: string;
  payeeType: 'SELF' | 'ORGANISATION';
  /** The people it receives for, by name. */
  people: { personId: string; name: string; amountCents: number }[];
  amountCents: number;
  iban: string | null;
  ibanStatus: IbanStatus | 'CONFLICT';
  bic: string | null;
};

/** Payees sorted by name (accents aside), then key, so files and screens list them alike. */
export function groupPayees(people: readonly PersonOwed[]): PayeeOwed[] {
  const byPerson = new Map(people.map((person) => [person.personId, person]));
  const totals = aggregatePayees({
    people: people.map(({ personId, amountCents }) => ({ personId, amountCents })),
    payeeKeyByPerson: new Map(people.map((person) => [person.personId, person.payeeKey])),
  });
  const payees = totals.map(({ payeeKey, personIds, amountCents }): PayeeOwed => {
    const members = personIds.map((personId) => byPerson.get(personId)!);
    const first = members[0];
    const ibans = [...new Set(members.flatMap((member) => (member.iban ? [member.iban] : [])))];
    const holder = ibans.length === 1 ? members.find((member) => member.iban === ibans[0])! : null;
    return {
      payeeKey,
      // People may spell their organisation differently: the one who gave its IBAN names the account.
      payeeName: (holder ?? first).payeeName,
      payeeType: first.payeeType,
      people: members
        .map((member) => ({ personId: member.personId, name: member.name, amountCents: member.amountCents }))
        .sort((a, b) => byName(a.name, b.name)),
      amountCents,
      iban: holder?.iban ?? null,
      ibanStatus: ibans.length > 1 ? 'CONFLICT' : (holder?.ibanStatus ?? 'MISSING'),
      bic: holder ? (members.find((member) => member.iban === holder.iban && member.bic)?.bic ?? null) : null,
    };
  });
  return payees.sort((a, b) => byName(a.payeeName, b.payeeName) || byString(a.payeeKey, b.payeeKey));
}
