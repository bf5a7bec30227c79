// The funder report as an A4 PDF (pdfkit, standard Helvetica: no font file to ship): the
// collective, the period and its dates, whether the figures are frozen, then the tables per
// chantier (envelope against what was paid), per place, and per chantier and place, each with its
// total, and how the per-place money is derived. The document is a stream: the answer reads it
// as pdfkit writes it.
import PDFDocument from 'pdfkit';
import { formatCalendarDate } from '@/lib/format/date';
import { formatDuration } from '@/lib/contributions/duration';
import { formatCents } from '@/lib/format/money';
import type { ExportPeriod } from './export-period';
import type { Figures, FunderReport } from './funder-report';
import { fileLabels, type ExportLocale } from './labels';
import { translatorFor } from '@/lib/i18n/translator';
import { pdfText } from './pdf-text';
import { chantierLabel } from '@/lib/format/chantier';

export type Cell = string;
/** The first `textColumns` columns hold names, left-aligned; the others figures, right-aligned so digits line up. */
export type Table = { widths: number[]; textColumns: number; header: string[]; rows: Cell[][]; total?: Cell[] };

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
const TABLE_FONT_SIZE = 8;

export function drawTable(doc: PDFKit.PDFDocument, table: Table): void {
  const cell = (value: Cell, options: { bold?: boolean; header?: boolean; column: number }) => {
    return {
      text: pdfText(value),
      font: { src: options.bold || options.header ? BOLD : FONT, size: TABLE_FONT_SIZE },
      align: { x: options.column >= table.textColumns ? ('right' as const) : ('left' as const), y: 'center' as const },
      ...(options.header ? { backgroundColor: '#e8eef5', type: 'TH' as const } : {}),
    };
  };
  const row = (cells: Cell[], options: { bold?: boolean; header?: boolean } = {}) =>
    cells.map((value, column) => cell(value, { ...options, column }));
  doc.font(FONT).fontSize(TABLE_FONT_SIZE);
  doc.table({
    columnStyles: table.widths,
    defaultStyle: { border: 0.5, borderColor: '#b8c2cc', padding: [3, 4, 3, 4] },
    data: [
      row(table.header, { header: true }),
      ...table.rows.map((cells) => row(cells)),
      ...(table.total ? [row(table.total, { bold: true })] : []),
    ],
  });
}

export function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(1.2);
  doc.x = doc.page.margins.left;
  doc.font(BOLD).fontSize(12).fillColor('#1f2937').text(pdfText(text));
  doc.moveDown(0.4);
}

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
  const figures = (f: Figures): Cell[] => [
    hours(f.approvedMinutes),
    hours(f.volunteerMinutes),
    money(f.amountCents),
    money(f.volunteerValueCents),
    money(f.unpaidValueCents),
  ];

  const doc = new PDFDocument({
    size: 'A4',
    margin: 40,
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
  doc.moveDown(0.3);
  doc.font(FONT).fontSize(10).fillColor('#374151');
  doc.text(
    pdfText(
      `${labels.period} : ${period.name} — ${say('exports.files.funder.dates', { start: date(period.startDate), end: date(period.endDate) })}`,
    ),
  );
  doc.text(pdfText(period.frozen ? labels.stateFrozen : labels.statePreview));
  doc.text(pdfText(say('exports.files.funder.generatedOn', { date: date(options.issuedOn) })));

  heading(doc, labels.byChantier);
  const t = report.totals;
  drawTable(doc, {
    widths: [145, 50, 50, 68, 68, 67, 67],
    textColumns: 1,
    header: [p.chantier, p.hours, p.volunteerHours, p.envelope, p.paid, p.volunteerValue, p.unpaidValue],
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
    ],
  });

  if (report.places.length === 0) {
    doc.moveDown(1);
    doc.x = left;
    doc.font(FONT).fontSize(10).text(pdfText(labels.nothing));
  } else {
    heading(doc, labels.byPlace);
    drawTable(doc, {
      widths: [160, 65, 65, 75, 75, 75],
      textColumns: 1,
      header: [p.place, p.hours, p.volunteerHours, p.paid, p.volunteerValue, p.unpaidValue],
      rows: report.places.map((place) => [placeName(place.name), ...figures(place.figures)]),
      total: [labels.total, ...figures(t)],
    });

    heading(doc, labels.byChantierAndPlace);
    drawTable(doc, {
      widths: [125, 85, 55, 55, 65, 65, 65],
      textColumns: 2,
      header: [p.chantier, p.place, p.hours, p.volunteerHours, p.paid, p.volunteerValue, p.unpaidValue],
      rows: report.cells.map((cell) => [
        chantierLabel({ code: cell.code, name: cell.chantierName }),
        placeName(cell.name),
        ...figures(cell.figures),
      ]),
    });
  }

  doc.moveDown(1.5);
  doc.x = left;
  doc
    .font(FONT)
    .fontSize(8)
    .fillColor('#4b5563')
    .text(pdfText(labels.method), { width: doc.page.width - left - doc.page.margins.right });
  doc.end();
  return doc;
}
