// The payout report as rows, from the payout lines exactly as GET /periods/{id}/payouts gives
// them: one row per person and chantier, and one per payee (the person, or the organisation that
// receives for them). Pure: the names, emails and payees are looked up by the caller. The CSV and
// the XLSX both write these rows, so their cents cannot differ.
import {
  aggregatePayees,
  summarisePricedLines,
  type ClaimAmounts,
  type PayoutLine,
  type RateSource,
} from '@/lib/pricing';
import { byName, byString } from '@/lib/format/compare';

/** A payout line without its explanation, with its claim parts: the figures a report shows. */
export type ReportLine = Omit<PayoutLine, 'explanation'> & ClaimAmounts;

export type ReportPerson = { name: string; email: string; payeeKey: string; payeeName: string };
export type ReportChantier = { code: string | null; name: string };

export type PayoutReportInput = {
  lines: readonly ReportLine[];
  people: ReadonlyMap<string, ReportPerson>;
  chantiers: ReadonlyMap<string, ReportChantier>;
};

export type PayoutDetailRow = {
  personId: string;
  personName: string;
  email: string;
  payeeName: string;
  chantierId: string;
  chantierCode: string;
  chantierName: string;
  rateCents: number;
  rateSource: RateSource;
  approvedMinutes: number;
  volunteerMinutes: number;
  cappedMinutes: number;
  amountCents: number;
  unpaidValueCents: number;
  volunteerValueCents: number;
} & ClaimAmounts;

export type PayeeSummaryRow = { payeeKey: string; payeeName: string; peopleNames: string[]; amountCents: number };

export type PayoutReport = {
  detail: PayoutDetailRow[];
  payees: PayeeSummaryRow[];
  totals: { amountCents: number; unpaidValueCents: number; volunteerValueCents: number; people: number } & ClaimAmounts;
};

export function buildPayoutReport(input: PayoutReportInput): PayoutReport {
  const personOf = (personId: string): ReportPerson => {
    const person = input.people.get(personId);
    // A line always names a stored person; a missing one is a bug, never a silently dropped row.
    if (!person) throw new Error(`Payout report: no person ${personId}`);
    return person;
  };
  const detail = input.lines.map((line): PayoutDetailRow => {
    const person = personOf(line.personId);
    const chantier = input.chantiers.get(line.chantierId);
    return {
      personId: line.personId,
      personName: person.name,
      email: person.email,
      payeeName: person.payeeName,
      chantierId: line.chantierId,
      chantierCode: chantier?.code ?? '',
      chantierName: chantier?.name ?? line.chantierId,
      rateCents: line.rateCents,
      rateSource: line.rateSource,
      approvedMinutes: line.approvedMinutes,
      volunteerMinutes: line.volunteerMinutes,
      cappedMinutes: line.cappedMinutes,
      amountCents: line.amountCents,
      unpaidValueCents: line.unpaidValueCents,
      volunteerValueCents: line.volunteerValueCents,
      hoursAmountCents: line.hoursAmountCents,
      expensesCents: line.expensesCents,
      fixedFeesCents: line.fixedFeesCents,
      inKindValueCents: line.inKindValueCents,
    };
  });
  detail.sort(
    (a, b) =>
      byName(a.personName, b.personName) ||
      byString(a.personId, b.personId) ||
      byName(a.chantierCode, b.chantierCode) ||
      byName(a.chantierName, b.chantierName) ||
      byString(a.chantierId, b.chantierId),
  );

  const { people, totals } = summarisePricedLines(input.lines);
  const payeeKeyByPerson = new Map(people.map(({ personId }) => [personId, personOf(personId).payeeKey]));
  const payees = aggregatePayees({
    people,
    payeeKeyByPerson,
  }).map((payee): PayeeSummaryRow => ({
    payeeKey: payee.payeeKey,
    // People typing one organisation's name differently share a key; the first (by id) names it.
    payeeName: personOf(payee.personIds[0]).payeeName,
    peopleNames: payee.personIds.map((personId) => personOf(personId).name).sort(byName),
    amountCents: payee.amountCents,
  }));
  payees.sort((a, b) => byName(a.payeeName, b.payeeName) || byString(a.payeeKey, b.payeeKey));

  return { detail, payees, totals: { ...totals, people: people.length } };
}
