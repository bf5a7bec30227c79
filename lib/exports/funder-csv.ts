// The funder report's CSV records: a few lines naming the collective and the period, then three
// tables — per chantier (with envelope, demand and what was paid), per place, per chantier and
// place — each with a title row, a header row and, for the first two, a total. Amounts twice, in
// euros with a decimal comma and in integer cents; hours twice, decimal and in minutes.
import { formatCalendarDate } from '@/lib/format/date';
import { safeText, type CsvCell, type CsvRecord } from './csv';
import type { ExportPeriod } from './export-period';
import type { Figures, FunderReport } from './funder-report';
import { claimColumnLabels } from './claim-labels';
import { fileLabels, type ExportLocale } from './labels';
import { eurosText, hoursText } from './numbers';

const money = (cents: number | null): CsvCell[] => (cents === null ? ['', ''] : [eurosText(cents), cents]);
const hours = (minutes: number): CsvCell[] => [hoursText(minutes), minutes];

function figureCells(figures: Figures): CsvCell[] {
  return [
    ...hours(figures.approvedMinutes),
    ...hours(figures.volunteerMinutes),
    ...money(figures.amountCents),
    ...money(figures.volunteerValueCents),
    ...money(figures.unpaidValueCents),
    ...claimCells(figures),
  ];
}

/** The claims' columns, last in every table: expenses and mileage, fixed fees (both inside what was paid), in-kind value. */
function claimCells(figures: Figures): CsvCell[] {
  return [...money(figures.expensesCents), ...money(figures.fixedFeesCents), ...money(figures.inKindValueCents)];
}

function claimHeader(locale: ExportLocale): CsvRecord {
  const k = claimColumnLabels(locale);
  return [k.expenses, k.expensesCents, k.fixedFees, k.fixedFeesCents, k.inKindValue, k.inKindValueCents];
}

export function* funderCsvRecords(
  report: FunderReport,
  period: ExportPeriod & { frozen: boolean },
  locale: ExportLocale,
): Generator<CsvRecord> {
  const labels = fileLabels(locale).funder;
  const c = labels.columns;
  const placeName = (name: string | null) => (name === null ? labels.noPlace : safeText(name));

  yield [labels.title];
  yield [labels.collective, safeText(period.collectiveName)];
  yield [labels.period, safeText(period.name)];
  yield [labels.from, formatCalendarDate(period.startDate, locale)];
  yield [labels.to, formatCalendarDate(period.endDate, locale)];
  yield [labels.state, period.frozen ? labels.stateFrozen : labels.statePreview];
  yield [];

  yield [labels.byChantier];
  yield [
    c.chantierCode,
    c.chantier,
    c.approvedHours,
    c.approvedMinutes,
    c.volunteerHours,
    c.volunteerMinutes,
    c.envelope,
    c.envelopeCents,
    c.demand,
    c.demandCents,
    c.paid,
    c.paidCents,
    c.envelopeLeft,
    c.envelopeLeftCents,
    c.volunteerValue,
    c.volunteerValueCents,
    c.unpaidValue,
    c.unpaidValueCents,
    ...claimHeader(locale),
  ];
  const left = (envelopeCents: number | null, paidCents: number) =>
    envelopeCents === null ? null : envelopeCents - paidCents;
  for (const chantier of report.chantiers) {
    const f = chantier.figures;
    yield [
      safeText(chantier.code),
      safeText(chantier.name),
      ...hours(f.approvedMinutes),
      ...hours(f.volunteerMinutes),
      ...money(chantier.envelopeCents),
      ...money(chantier.demandCents),
      ...money(f.amountCents),
      ...money(left(chantier.envelopeCents, f.amountCents)),
      ...money(f.volunteerValueCents),
      ...money(f.unpaidValueCents),
      ...claimCells(f),
    ];
  }
  const t = report.totals;
  yield [
    labels.total,
    '',
    ...hours(t.approvedMinutes),
    ...hours(t.volunteerMinutes),
    ...money(t.envelopeCents),
    ...money(t.demandCents),
    ...money(t.amountCents),
    ...money(left(t.envelopeCents, t.amountCents)),
    ...money(t.volunteerValueCents),
    ...money(t.unpaidValueCents),
    ...claimCells(t),
  ];
  yield [];

  const figureHeader = [
    c.approvedHours,
    c.approvedMinutes,
    c.volunteerHours,
    c.volunteerMinutes,
    c.paid,
    c.paidCents,
    c.volunteerValue,
    c.volunteerValueCents,
    c.unpaidValue,
    c.unpaidValueCents,
    ...claimHeader(locale),
  ];
  yield [labels.byPlace];
  yield [c.place, ...figureHeader];
  for (const place of report.places) yield [placeName(place.name), ...figureCells(place.figures)];
  yield [labels.total, ...figureCells(t)];
  yield [];

  yield [labels.byChantierAndPlace];
  yield [c.chantierCode, c.chantier, c.place, ...figureHeader];
  for (const cell of report.cells)
    yield [safeText(cell.code), safeText(cell.chantierName), placeName(cell.name), ...figureCells(cell.figures)];
  yield [];
  yield [labels.method];
}
