// The funder report as an A4 PDF/A (pdfkit, with the embedded font of pdf-layout.ts): the
// collective, the period and its dates, whether the figures are frozen, how they are derived, then the tables per
// chantier (envelope against what was paid), per place, and per chantier and place, each with its
// total, and how the per-place money is derived. When the period has approved claims, every table
// ends with their three columns (expenses and mileage, fixed fees, in-kind value), as the CSV does. The document is a stream: the answer reads it
// as pdfkit writes it.
import { formatCalendarDate } from '@/lib/format/date';
import { formatDuration } from '@/lib/contributions/duration';
import { formatCents } from '@/lib/format/money';
import type { ExportPeriod } from './export-period';
import type { Figures, FunderReport } from './funder-report';
import { fileLabels, type ExportLocale } from './labels';
import { pdfText } from './pdf-text';
import {
  BOLD,
  createPdf,
  drawCertification,
  drawIdentity,
  drawTable as drawPdfTable,
  finishPdf,
  heading as drawHeading,
  FONT,
  type PdfTable,
} from './pdf-layout';
import { chantierLabel } from '@/lib/format/chantier';
import { claimPdfColumnLabels } from './claim-labels';
import { translatorFor } from '@/lib/i18n/translator';

type Cell = string;

/** Cells go through pdfText (one mapping of unusual characters for every PDF). */
function drawTable(doc: PDFKit.PDFDocument, table: PdfTable): void {
  const clean = (cells: string[]) => cells.map(pdfText);
  drawPdfTable(doc, {
    ...table,
    header: clean(table.header),
    rows: table.rows.map(clean),
    total: table.total ? clean(table.total) : undefined,
  });
}

const heading = (doc: PDFKit.PDFDocument, text: string) => drawHeading(doc, pdfText(text));

/** A PDF document (a Readable stream), already ended: read it to get the bytes. */
export function renderFunderPdf(options: {
  report: FunderReport;
  period: ExportPeriod & { frozen: boolean };
  locale: ExportLocale;
  issuedOn: string;
}): PDFKit.PDFDocument {
  const { report, period, locale } = options;
  const labels = fileLabels(locale).funder;
  const say = translatorFor(locale);
  const p = labels.pdfColumns;
  const money = (cents: number) => formatCents(cents, locale);
  const hours = (minutes: number) => formatDuration(minutes);
  const date = (iso: string) => formatCalendarDate(iso, locale);
  const placeName = (name: string | null) => name ?? labels.noPlace;
  const t = report.totals;
  // Without claims the report is portrait, its tables as they always were; with claims, three
  // more columns, and the pages turn landscape so that every figure keeps its width.
  const withClaims = t.expensesCents > 0 || t.fixedFeesCents > 0 || t.inKindValueCents > 0;
  const k = claimPdfColumnLabels(locale);
  const claimHeader: Cell[] = withClaims ? [k.expenses, k.fixedFees, k.inKindValue] : [];
  const claimCells = (f: Figures): Cell[] =>
    withClaims ? [money(f.expensesCents), money(f.fixedFeesCents), money(f.inKindValueCents)] : [];
  /** Without claims, `widths`; with them, `textWithClaims` and the rest of the landscape line shared by the figures. */
  const layout = (widths: number[], textWithClaims: number[]): number[] => {
    if (!withClaims) return widths;
    const line = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    const count = widths.length - textWithClaims.length + claimHeader.length;
    const figure = Math.floor((line - textWithClaims.reduce((sum, width) => sum + width, 0)) / count);
    return [...textWithClaims, ...Array.from({ length: count }, () => figure)];
  };
  const figures = (f: Figures): Cell[] => [
    hours(f.approvedMinutes),
    hours(f.volunteerMinutes),
    money(f.amountCents),
    money(f.volunteerValueCents),
    money(f.unpaidValueCents),
    ...claimCells(f),
  ];

  const doc = createPdf({
    margin: 40,
    layout: withClaims ? 'landscape' : 'portrait',
    lang: locale === 'en' ? 'en-GB' : 'fr-FR',
    info: {
      Title: pdfText(`${labels.title} — ${period.collectiveName} — ${period.name}`),
      Author: pdfText(period.collectiveName),
      Creator: 'Butin',
    },
  });
  const left = doc.page.margins.left;

  doc.font(BOLD).fontSize(18).fillColor('#111827').text(pdfText(labels.title));
  doc.font(BOLD).fontSize(13).text(pdfText(period.collectiveName));
  drawIdentity(doc, period.identity, locale, pdfText);
  doc.moveDown(0.3);
  doc.font(FONT).fontSize(10).fillColor('#374151');
  doc.text(
    pdfText(
      `${labels.period} : ${period.name} — ${say('exports.files.funder.dates', { start: date(period.startDate), end: date(period.endDate) })}`,
    ),
  );
  doc.text(pdfText(period.frozen ? labels.stateFrozen : labels.statePreview));
  doc.text(pdfText(say('exports.files.funder.generatedOn', { date: date(options.issuedOn) })));
  // How the figures are derived, under the title: at the end it could fall alone onto a last page.
  doc.moveDown(0.6);
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor('#4b5563')
    .text(pdfText(labels.method), { width: doc.page.width - left - doc.page.margins.right });

  heading(doc, labels.byChantier);
  drawTable(doc, {
    widths: layout([145, 50, 50, 68, 68, 67, 67], [170]),
    textColumns: 1,
    header: [
      p.chantier,
      p.hours,
      p.volunteerHours,
      p.envelope,
      p.paid,
      p.volunteerValue,
      p.unpaidValue,
      ...claimHeader,
    ],
    rows: report.chantiers.map((chantier) => {
      const f = chantier.figures;
      const name = chantierLabel(chantier);
      return [
        name,
        hours(f.approvedMinutes),
        hours(f.volunteerMinutes),
        chantier.envelopeCents === null ? labels.unlimited : money(chantier.envelopeCents),
        money(f.amountCents),
        money(f.volunteerValueCents),
        money(f.unpaidValueCents),
        ...claimCells(f),
      ];
    }),
    total: [
      labels.total,
      hours(t.approvedMinutes),
      hours(t.volunteerMinutes),
      t.envelopeCents === null ? labels.unlimited : money(t.envelopeCents),
      money(t.amountCents),
      money(t.volunteerValueCents),
      money(t.unpaidValueCents),
      ...claimCells(t),
    ],
  });

  if (report.places.length === 0) {
    doc.moveDown(1);
    doc.x = left;
    doc.font(FONT).fontSize(10).text(pdfText(labels.nothing));
  } else {
    heading(doc, labels.byPlace);
    drawTable(doc, {
      widths: layout([160, 65, 65, 75, 75, 75], [170]),
      textColumns: 1,
      header: [p.place, p.hours, p.volunteerHours, p.paid, p.volunteerValue, p.unpaidValue, ...claimHeader],
      rows: report.places.map((place) => [placeName(place.name), ...figures(place.figures)]),
      total: [labels.total, ...figures(t)],
    });

    heading(doc, labels.byChantierAndPlace);
    drawTable(doc, {
      widths: layout([125, 85, 55, 55, 65, 65, 65], [150, 100]),
      textColumns: 2,
      header: [p.chantier, p.place, p.hours, p.volunteerHours, p.paid, p.volunteerValue, p.unpaidValue, ...claimHeader],
      rows: report.cells.map((cell) => [
        chantierLabel({ code: cell.code, name: cell.chantierName }),
        placeName(cell.name),
        ...figures(cell.figures),
      ]),
    });
  }

  drawCertification(doc, period.certifiedBy, locale, pdfText);
  finishPdf(doc, (page, pages) => pdfText(say('everyday.pdf.page', { page, pages })));
  return doc;
}
