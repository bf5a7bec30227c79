// What every Butin PDF shares: an embedded font (DejaVu Sans, shipped in assets/fonts, so the
// document looks the same everywhere and can be archived: PDF/A-2b), tables whose header row is
// drawn again at the top of each page they run onto, "Page 1 / 3" at the foot of each page, and
// the collective's identity and the certification of frozen figures.
import path from 'node:path';
import PDFDocument from 'pdfkit';
import { formatCalendarDate } from '@/lib/format/date';
import { type Locale } from '@/lib/i18n/locale';
import { identityLines, type CollectiveIdentity } from '@/lib/settings/identity';
import { translatorFor } from '@/lib/i18n/translator';

// The fonts are named by their file's path, never registered under another name: pdfkit's table
// restores the font it found by its source, and a source that is not a cached name (a Buffer, a
// registered font's file) makes it parse the whole font file again, for every cell.
const FONT_FOLDER = path.join(process.cwd(), 'assets', 'fonts');
export const FONT = path.join(FONT_FOLDER, 'DejaVuSans.ttf');
export const BOLD = path.join(FONT_FOLDER, 'DejaVuSans-Bold.ttf');

/** A4, PDF/A-2b, the fonts registered, pages kept until finishPdf() numbers them. */
export function createPdf(options: {
  margin: number;
  layout?: 'portrait' | 'landscape';
  lang: string;
  info: PDFKit.DocumentInfo;
  compress?: boolean;
}): PDFKit.PDFDocument {
  const doc = new PDFDocument({
    size: 'A4',
    layout: options.layout ?? 'portrait',
    margin: options.margin,
    lang: options.lang,
    info: options.info,
    compress: options.compress ?? true,
    pdfVersion: '1.7',
    subset: 'PDF/A-2b',
    bufferPages: true,
    displayTitle: true,
  });
  doc.font(BOLD).font(FONT);
  return doc;
}

/** Writes "Page i / n" (or the locale's words) at the foot of every page, then ends the document. */
export function finishPdf(doc: PDFKit.PDFDocument, pageLabel: (page: number, pages: number) => string): void {
  const range = doc.bufferedPageRange();
  for (let index = range.start; index < range.start + range.count; index++) {
    doc.switchToPage(index);
    const { margins } = doc.page;
    const bottom = margins.bottom;
    // Below the bottom margin pdfkit would open a new page: lift the margin while writing there.
    doc.page.margins = { ...margins, bottom: 0 };
    doc
      .font(FONT)
      .fontSize(8)
      .fillColor('#4b5563')
      .text(pageLabel(index - range.start + 1, range.count), margins.left, doc.page.height - bottom / 2 - 4, {
        width: doc.page.width - margins.left - margins.right,
        align: 'right',
        lineBreak: false,
      });
    doc.page.margins = { ...margins, bottom };
  }
  doc.flushPages();
  doc.end();
}

export type PdfTable = {
  widths: number[];
  /**
   * The columns of text, left-aligned; the others hold figures, right-aligned. A count: the first
   * that many columns; a list: those columns (a text column after a figure, as a statement's receipts).
   */
  textColumns: number | readonly number[];
  header: string[];
  rows: string[][];
  total?: string[];
  fontSize?: number;
};

const PADDING = [3, 4, 3, 4] as const;

/** The height a row takes: its tallest cell, with padding (a little over, never under). */
function rowHeight(doc: PDFKit.PDFDocument, cells: string[], widths: number[], font: string, size: number): number {
  doc.font(font).fontSize(size);
  const tallest = Math.max(
    ...cells.map((text, column) =>
      doc.heightOfString(text || ' ', { width: widths[column] - PADDING[1] - PADDING[3] }),
    ),
  );
  return tallest + PADDING[0] + PADDING[2] + 2;
}

/** Whether a column of the table is left-aligned text (else a right-aligned figure). */
export function isTextColumn(table: Pick<PdfTable, 'textColumns'>, column: number): boolean {
  return typeof table.textColumns === 'number' ? column < table.textColumns : table.textColumns.includes(column);
}

/**
 * A table that breaks between rows only, and starts each page it runs onto with its header row
 * again (a reader of page 3 knows which column is which). Each page's slice is one pdfkit table.
 */
export function drawTable(doc: PDFKit.PDFDocument, table: PdfTable): void {
  const size = table.fontSize ?? 8;
  const left = doc.page.margins.left;
  const cell = (text: string, column: number, options: { bold?: boolean; header?: boolean } = {}) => ({
    text,
    font: { src: options.bold || options.header ? BOLD : FONT, size },
    align: { x: isTextColumn(table, column) ? ('left' as const) : ('right' as const), y: 'center' as const },
    ...(options.header ? { backgroundColor: '#e8eef5', type: 'TH' as const } : {}),
  });
  const headerRow = table.header.map((text, column) => cell(text, column, { header: true }));
  const headerHeight = rowHeight(doc, table.header, table.widths, BOLD, size);
  const bodyRows = [
    ...table.rows.map((cells) => ({ cells, bold: false })),
    ...(table.total ? [{ cells: table.total, bold: true }] : []),
  ];

  let slice: ReturnType<typeof cell>[][] = [];
  const flush = () => {
    doc.x = left;
    doc.font(FONT).fontSize(size).fillColor('#111827');
    doc.table({
      columnStyles: table.widths,
      defaultStyle: { border: 0.5, borderColor: '#b8c2cc', padding: [...PADDING] },
      data: [headerRow, ...slice],
    });
    slice = [];
  };
  let y = doc.y + headerHeight;
  // A header with no row under it on this page moves to the next one.
  if (bodyRows.length && y + rowHeight(doc, bodyRows[0].cells, table.widths, FONT, size) > doc.page.maxY()) {
    doc.addPage();
    y = doc.y + headerHeight;
  }
  for (const row of bodyRows) {
    const height = rowHeight(doc, row.cells, table.widths, row.bold ? BOLD : FONT, size);
    if (slice.length && y + height > doc.page.maxY()) {
      flush();
      doc.addPage();
      y = doc.y + headerHeight;
    }
    slice.push(row.cells.map((text, column) => cell(text, column, { bold: row.bold })));
    y += height;
  }
  flush();
  doc.x = left;
}

/** A section's title, with space above and below. */
export function heading(doc: PDFKit.PDFDocument, text: string): void {
  doc.moveDown(1.2);
  doc.x = doc.page.margins.left;
  doc.font(BOLD).fontSize(12).fillColor('#1f2937').text(text);
  doc.moveDown(0.4);
}

/** The collective's legal name, address and numbers, under its name (nothing when unset). */
export function drawIdentity(
  doc: PDFKit.PDFDocument,
  identity: CollectiveIdentity | undefined,
  locale: Locale,
  clean: (text: string) => string,
): void {
  if (!identity) return;
  const lines = identityLines(identity, {
    siret: (siret) => translatorFor(locale)('everyday.pdf.siret', { siret }),
    rna: (rna) => translatorFor(locale)('everyday.pdf.rna', { rna }),
  });
  if (lines.length === 0) return;
  doc.font(FONT).fontSize(9).fillColor('#374151');
  for (const line of lines) doc.text(clean(line), doc.page.margins.left);
}

/** "Certifié exact par …, qui a clôturé la période le …": frozen figures only. */
export function drawCertification(
  doc: PDFKit.PDFDocument,
  certifiedBy: { name: string; on: string } | null | undefined,
  locale: Locale,
  clean: (text: string) => string,
): void {
  if (!certifiedBy) return;
  doc.moveDown(1);
  doc
    .font(BOLD)
    .fontSize(10)
    .fillColor('#111827')
    .text(
      clean(
        translatorFor(locale)('everyday.pdf.certified', {
          name: certifiedBy.name,
          date: formatCalendarDate(certifiedBy.on, locale),
        }),
      ),
      doc.page.margins.left,
    );
}
