// A person's statement as an A4 PDF/A (pdfkit, with the embedded font and the paging of
// lib/exports/pdf-layout.ts): the document a freelancer attaches to their invoice. The collective
// and the period, the person, their approved contributions (date, chantier, duration, rate), their
// approved claims (kind, amount, the names of their receipts), each payout line in words, the
// amount, and whether it was paid. The document is a stream, ended once drawn: the
// answer reads it as pdfkit writes it.
import { formatCalendarDate } from '@/lib/format/date';
import { formatDuration } from '@/lib/contributions/duration';
import { formatCents } from '@/lib/format/money';
import type { Locale, Messages } from '@/lib/i18n/locale';
import type { MessageKeys, NestedKeyOf } from 'next-intl';
import { translateKey, translatorFor, type MessageKey, type MessageValues } from '@/lib/i18n/translator';
import { pdfText } from '@/lib/exports/pdf-text';
import {
  BOLD,
  createPdf,
  drawCertification,
  drawIdentity,
  drawTable,
  finishPdf,
  FONT,
  type PdfTable,
} from '@/lib/exports/pdf-layout';
import type { Statement } from './statement-data';

type StatementMessages = Messages['treasury']['statement'];
/** A statement phrase, by its key under treasury.statement (typed). */
type StatementT = (
  key: MessageKeys<StatementMessages, NestedKeyOf<StatementMessages>>,
  values?: MessageValues,
) => string;
const MUTED = '#4b5563';
const INK = '#111827';

type Doc = PDFKit.PDFDocument;

function heading(doc: Doc, text: string): void {
  doc.moveDown(1);
  doc.x = doc.page.margins.left;
  doc.font(BOLD).fontSize(12).fillColor(INK).text(pdfText(text));
  doc.moveDown(0.3);
}

function paragraph(doc: Doc, text: string, options: { bold?: boolean; size?: number; color?: string } = {}): void {
  doc.x = doc.page.margins.left;
  doc
    .font(options.bold ? BOLD : FONT)
    .fontSize(options.size ?? 10)
    .fillColor(options.color ?? INK)
    .text(pdfText(text));
}

function contributionsTable(doc: Doc, statement: Statement, t: StatementT, locale: Locale): void {
  doc.x = doc.page.margins.left;
  drawTable(doc, {
    widths: [58, 112, 170, 45, 62, 48],
    // Date, chantier and description are text; duration and rate figures; "bénévole" text again.
    textColumns: 3,
    header: [
      t('columns.date'),
      t('columns.chantier'),
      t('columns.description'),
      t('columns.duration'),
      t('columns.rate'),
      t('columns.volunteer'),
    ].map(pdfText),
    rows: statement.contributions.map((contribution) =>
      [
        formatCalendarDate(contribution.date, locale),
        contribution.place ? `${contribution.chantier} (${contribution.place})` : contribution.chantier,
        contribution.description,
        formatDuration(contribution.minutes),
        t('perHour', { amount: formatCents(contribution.rateCents, locale) }),
        contribution.volunteer ? t('yes') : '',
      ].map(pdfText),
    ),
  });
}

/** The claims' table: date, chantier, kind and description are text, the amount a figure, the receipts' names text again. */
export function claimsTable(statement: Statement, locale: Locale): PdfTable {
  const k = (key: string, values: MessageValues = {}) =>
    translateKey(locale, `claimsPay.statement.${key}` as MessageKey, values);
  const amount = (claim: Statement['claims'][number]) => {
    const value = formatCents(claim.valueCents, locale);
    if (claim.kind === 'MILEAGE')
      return `${value} (${k('mileage', { distance: claim.distanceKm ?? 0, rate: formatCents(claim.mileageRateCents ?? 0, locale) })})`;
    return claim.kind === 'IN_KIND' ? `${value} (${k('inKind')})` : value;
  };
  return {
    widths: [52, 90, 70, 120, 70, 93],
    textColumns: [0, 1, 2, 3, 5],
    header: [
      k('columns.date'),
      k('columns.chantier'),
      k('columns.kind'),
      k('columns.description'),
      k('columns.amount'),
      k('columns.receipts'),
    ].map(pdfText),
    rows: statement.claims.map((claim) =>
      [
        formatCalendarDate(claim.date, locale),
        claim.place ? `${claim.chantier} (${claim.place})` : claim.chantier,
        translateKey(locale, `claimsPay.kinds.${claim.kind}` as MessageKey),
        claim.description,
        amount(claim),
        claim.receipts.length > 0 ? claim.receipts.join(', ') : k('noReceipt'),
      ].map(pdfText),
    ),
  };
}

/** The statement as a PDF document (a Readable stream), already ended: read it to get the bytes. */
export function renderStatementPdf(statement: Statement, options: { locale: Locale; compress?: boolean }): Doc {
  const { locale } = options;
  const t: StatementT = (key, values = {}) => translateKey(locale, `treasury.statement.${key}`, values);
  const money = (cents: number) => formatCents(cents, locale);
  const date = (iso: string) => formatCalendarDate(iso, locale);
  const { person, period } = statement;

  const doc = createPdf({
    margin: 50,
    lang: locale === 'en' ? 'en-GB' : 'fr-FR',
    compress: options.compress ?? true,
    info: {
      Title: pdfText(t('documentTitle', { name: person.name, period: period.name })),
      Author: pdfText(statement.collectiveName),
      Creator: 'Butin',
    },
  });

  paragraph(doc, statement.collectiveName, { color: MUTED });
  drawIdentity(doc, statement.collectiveIdentity, locale, pdfText);
  doc.moveDown(0.3);
  paragraph(doc, t('title'), { bold: true, size: 18 });
  doc.moveDown(0.3);
  paragraph(doc, t('period', { name: period.name, start: date(period.startDate), end: date(period.endDate) }));
  paragraph(
    doc,
    period.status === 'OPEN' ? t('preview') : t('frozen', { date: period.closedOn ? date(period.closedOn) : '' }),
    { color: MUTED, size: 9 },
  );

  heading(doc, t('personTitle'));
  paragraph(
    doc,
    person.legalName && person.legalName !== person.name ? `${person.legalName} (${person.name})` : person.name,
    { bold: true },
  );
  if (person.siret) paragraph(doc, t('siret', { siret: person.siret }));
  for (const line of person.address) paragraph(doc, line);
  if (person.paidToOrganisation) paragraph(doc, t('paidTo', { payee: person.payeeName }));

  heading(doc, t('contributionsTitle', { count: statement.contributions.length }));
  if (statement.contributions.length) contributionsTable(doc, statement, t, locale);
  else paragraph(doc, t('noContributions'), { color: MUTED });

  if (statement.claims.length > 0) {
    heading(doc, translatorFor(locale)('claimsPay.statement.claimsTitle', { count: statement.claims.length }));
    drawTable(doc, claimsTable(statement, locale));
  }

  heading(doc, t('computationTitle'));
  for (const line of statement.lines) {
    paragraph(doc, line.chantier, { bold: true, size: 10 });
    paragraph(doc, line.words || t('nothingPaid'), { size: 9 });
    if (line.expensesCents + line.fixedFeesCents > 0)
      paragraph(
        doc,
        translatorFor(locale)('claimsPay.statement.lineParts', {
          hours: money(line.hoursAmountCents),
          expenses: money(line.expensesCents),
          fees: money(line.fixedFeesCents),
        }),
        { size: 9 },
      );
    paragraph(doc, t('lineAmount', { amount: money(line.amountCents) }), { size: 9 });
    doc.moveDown(0.4);
  }

  doc.moveDown(0.6);
  paragraph(doc, t('total', { amount: money(statement.totals.amountCents) }), { bold: true, size: 14 });
  paragraph(
    doc,
    t('hours', {
      approved: formatDuration(statement.totals.approvedMinutes),
      volunteer: formatDuration(statement.totals.volunteerMinutes),
    }),
    { size: 9, color: MUTED },
  );
  if (statement.totals.volunteerValueCents > 0)
    paragraph(doc, t('volunteerValue', { amount: money(statement.totals.volunteerValueCents) }), {
      size: 9,
      color: MUTED,
    });
  if (statement.totals.inKindValueCents > 0)
    paragraph(
      doc,
      translatorFor(locale)('claimsPay.statement.inKindValue', { amount: money(statement.totals.inKindValueCents) }),
      { size: 9, color: MUTED },
    );
  if (statement.totals.unpaidValueCents > 0)
    paragraph(doc, t('unpaidValue', { amount: money(statement.totals.unpaidValueCents) }), { size: 9, color: MUTED });
  doc.moveDown(0.6);
  if (statement.payment)
    paragraph(doc, t('paid', { date: date(statement.payment.paidOn), reference: statement.payment.reference }), {
      bold: true,
    });
  else if (period.status !== 'OPEN' && statement.totals.amountCents > 0) paragraph(doc, t('notPaid'));

  drawCertification(doc, statement.certifiedBy, locale, pdfText);
  doc.moveDown(1.5);
  paragraph(doc, t('footer', { date: date(statement.issuedOn), collective: statement.collectiveName }), {
    size: 8,
    color: MUTED,
  });
  finishPdf(doc, (page, pages) => pdfText(translateKey(locale, 'everyday.pdf.page', { page, pages })));
  return doc;
}

/** The bytes of a PDF document stream. */
export async function pdfBytes(doc: Doc): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  for await (const chunk of doc as unknown as AsyncIterable<Buffer>) chunks.push(chunk);
  return new Uint8Array(Buffer.concat(chunks));
}
