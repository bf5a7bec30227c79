// The payout report's two CSV files, one table each (what pandas, Power Query or a spreadsheet's
// import expect): payouts.csv, one row per person and chantier; payees.csv, one row per payee and
// a total. Every amount twice: in euros with a decimal comma (for people) and in integer cents
// (for tools, and to check against the API).
import type { CsvRecord } from './csv';
import { safeText } from './csv';
import { claimColumnLabels } from './claim-labels';
import { fileLabels, type ExportLocale } from './labels';
import { eurosText, hoursText } from './numbers';
import type { PayoutDetailRow, PayoutReport } from './payout-report';

export function payoutDetailHeader(locale: ExportLocale): CsvRecord {
  const c = fileLabels(locale).payouts.columns;
  const k = claimColumnLabels(locale);
  return [
    c.personName,
    c.email,
    c.payee,
    c.chantierCode,
    c.chantier,
    c.rate,
    c.rateCents,
    c.rateSource,
    c.approvedHours,
    c.approvedMinutes,
    c.volunteerHours,
    c.volunteerMinutes,
    c.cappedHours,
    c.cappedMinutes,
    c.amount,
    c.amountCents,
    c.unpaidValue,
    c.unpaidValueCents,
    c.volunteerValue,
    c.volunteerValueCents,
    // The claim parts come last, so that tools reading the columns by position keep working.
    k.hoursAmount,
    k.hoursAmountCents,
    k.expenses,
    k.expensesCents,
    k.fixedFees,
    k.fixedFeesCents,
    k.inKindValue,
    k.inKindValueCents,
  ];
}

export function payoutDetailRecord(row: PayoutDetailRow, locale: ExportLocale): CsvRecord {
  const labels = fileLabels(locale).payouts;
  return [
    safeText(row.personName),
    safeText(row.email),
    safeText(row.payeeName),
    safeText(row.chantierCode),
    safeText(row.chantierName),
    eurosText(row.rateCents),
    row.rateCents,
    labels.rateSource[row.rateSource],
    hoursText(row.approvedMinutes),
    row.approvedMinutes,
    hoursText(row.volunteerMinutes),
    row.volunteerMinutes,
    hoursText(row.cappedMinutes),
    row.cappedMinutes,
    eurosText(row.amountCents),
    row.amountCents,
    eurosText(row.unpaidValueCents),
    row.unpaidValueCents,
    eurosText(row.volunteerValueCents),
    row.volunteerValueCents,
    eurosText(row.hoursAmountCents),
    row.hoursAmountCents,
    eurosText(row.expensesCents),
    row.expensesCents,
    eurosText(row.fixedFeesCents),
    row.fixedFeesCents,
    eurosText(row.inKindValueCents),
    row.inKindValueCents,
  ];
}

/** Every record of payouts.csv, produced one at a time as the stream asks for them. */
export function* payoutCsvRecords(report: PayoutReport, locale: ExportLocale): Generator<CsvRecord> {
  yield payoutDetailHeader(locale);
  for (const row of report.detail) yield payoutDetailRecord(row, locale);
}

/** Every record of payees.csv: who receives how much, then the total (its own file since one table is one file). */
export function* payeesCsvRecords(report: PayoutReport, locale: ExportLocale): Generator<CsvRecord> {
  const labels = fileLabels(locale).payouts;
  const p = labels.payeeColumns;
  yield [p.payee, p.people, p.peopleCount, p.amount, p.amountCents];
  for (const payee of report.payees) {
    yield [
      safeText(payee.payeeName),
      safeText(payee.peopleNames.join(', ')),
      payee.peopleNames.length,
      eurosText(payee.amountCents),
      payee.amountCents,
    ];
  }
  yield [labels.total, '', report.totals.people, eurosText(report.totals.amountCents), report.totals.amountCents];
}
