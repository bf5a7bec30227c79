// The compte rendu financier as an A4 landscape PDF (the shared layout: embedded font, headers
// repeated on each page, page numbers, identity and certification), laid out to be
// attached as it is to the funder's form (Cerfa 15059): the collective, the period and its state,
// the table of planned against realised money per chantier with the gaps and the voluntary
// contributions, then each chantier's explanation of its gap, and how the figures are derived.
import { formatCalendarDate } from '@/lib/format/date';
import { formatDuration } from '@/lib/contributions/duration';
import { formatCents } from '@/lib/format/money';
import { chantierLabel } from '@/lib/format/chantier';
import type { ExportPeriod } from '@/lib/exports/export-period';
import type { ExportLocale } from '@/lib/exports/labels';
import { pdfText } from '@/lib/exports/pdf-text';
import {
  BOLD,
  createPdf,
  drawCertification,
  drawIdentity,
  drawTable,
  finishPdf,
  FONT,
  heading,
} from '@/lib/exports/pdf-layout';
import { translatorFor } from '@/lib/i18n/translator';
import { formatGapPercent, type CompteRendu, type ReportFigures } from '@/lib/plans/report';
import { reportLabels } from '@/lib/plans/report-labels';

export function renderReportPdf(options: {
  report: CompteRendu;
  period: ExportPeriod & { frozen: boolean };
  locale: ExportLocale;
  issuedOn: string;
}): PDFKit.PDFDocument {
  const { report, period, locale } = options;
  const labels = reportLabels(locale);
  const say = translatorFor(locale);
  const c = labels.columns;
  const money = (cents: number) => formatCents(cents, locale);
  const date = (iso: string) => formatCalendarDate(iso, locale);
  const figures = (f: ReportFigures): string[] => [
    money(f.plannedCents),
    money(f.realisedCents),
    money(f.gapCents),
    formatGapPercent(f.gapPerThousand, locale),
    formatDuration(f.volunteerMinutes),
    money(f.volunteerValueCents),
    money(f.inKindCents),
  ];

  const doc = createPdf({
    layout: 'landscape',
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
  doc.font(FONT).fontSize(9).fillColor('#374151').text(pdfText(labels.subtitle));
  doc.moveDown(0.4);
  doc.font(BOLD).fontSize(13).fillColor('#111827').text(pdfText(period.collectiveName));
  drawIdentity(doc, period.identity, locale, pdfText);
  doc.font(FONT).fontSize(10).fillColor('#374151');
  doc.text(
    pdfText(
      `${labels.period} : ${period.name} — ${say('alerts.files.dates', { start: date(period.startDate), end: date(period.endDate) })}`,
    ),
  );
  doc.text(pdfText(period.frozen ? labels.stateFrozen : labels.statePreview));
  doc.text(pdfText(say('alerts.files.generatedOn', { date: date(options.issuedOn) })));

  heading(doc, pdfText(labels.byChantier));
  if (report.rows.length === 0) {
    doc.x = left;
    doc.font(FONT).fontSize(10).text(pdfText(labels.nothing));
  } else {
    drawTable(doc, {
      widths: [190, 80, 80, 80, 60, 75, 85, 80],
      textColumns: 1,
      header: [
        c.chantier,
        c.planned,
        c.realised,
        c.gap,
        c.gapPercent,
        c.volunteerHours,
        c.volunteerValue,
        c.inKind,
      ].map(pdfText),
      rows: report.rows.map((row) => [chantierLabel(row), ...figures(row)].map(pdfText)),
      total: [labels.total, ...figures(report.totals)].map(pdfText),
    });
    heading(doc, pdfText(labels.explanations));
    for (const row of report.rows) {
      doc.x = left;
      doc
        .font(BOLD)
        .fontSize(10)
        .fillColor('#111827')
        .text(pdfText(chantierLabel(row)));
      doc
        .font(FONT)
        .fontSize(10)
        .fillColor('#374151')
        .text(pdfText(row.explanation ?? labels.noExplanation));
      doc.moveDown(0.5);
    }
  }
  doc.moveDown(1);
  doc.x = left;
  doc.font(FONT).fontSize(8).fillColor('#4b5563').text(pdfText(labels.notes));
  drawCertification(doc, period.certifiedBy, locale, pdfText);
  finishPdf(doc, (page, pages) => pdfText(say('everyday.pdf.page', { page, pages })));
  return doc;
}
