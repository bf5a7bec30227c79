// The funder report's two files from the worked example: the CSV's sections and totals (read back
// with csv-parse), and the PDF — an A4 document whose text names the collective, the period and
// the figures, accents and euro sign included.
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { computePayouts } from '@/lib/pricing';
import { csvReadable } from './csv';
import type { ExportPeriod } from './export-period';
import { funderCsvRecords } from './funder-csv';
import { renderFunderPdf } from './funder-pdf';
import { aggregatePlaceMinutes, buildFunderReport, type Figures, type FunderReport } from './funder-report';
import { pdfPages, pdfTextLines } from './test-pdf';
import { WORKED_CHANTIERS, WORKED_INPUT, WORKED_PLACES } from './test-fixtures';

const result = computePayouts(WORKED_INPUT);
const report = buildFunderReport({
  lines: result.lines,
  envelopes: result.chantiers,
  placeMinutes: aggregatePlaceMinutes(WORKED_INPUT.contributions),
  chantiers: WORKED_CHANTIERS,
  places: WORKED_PLACES,
});
const period: ExportPeriod & { frozen: boolean } = {
  id: 'per',
  name: 'Printemps 2026',
  startDate: '2026-03-01',
  endDate: '2026-06-30',
  status: 'CLOSED',
  collectiveName: 'Monscobar',
  timeZone: 'Europe/Paris',
  frozen: true,
};

async function bytesOf(stream: AsyncIterable<Uint8Array | string>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks);
}

describe('funder report CSV', () => {
  it('names the collective and the period, then the tables with their totals', async () => {
    const text = (await bytesOf(csvReadable(funderCsvRecords(report, period, 'fr')))).toString('utf8');
    expect(
      text.startsWith(
        '\ufeffRapport financeur\r\nCollectif;Monscobar\r\nPériode;Printemps 2026\r\nDu;01/03/2026\r\nAu;30/06/2026\r\n',
      ),
    ).toBe(true);
    const records: string[][] = parse(text, { delimiter: ';', bom: true, relax_column_count: true });
    const after = (title: string) => records.slice(records.findIndex((record) => record[0] === title) + 1);

    const [chantierHeader, c1, c2, total] = after('Par chantier');
    const cell = (row: string[], column: string) => row[chantierHeader.indexOf(column)];
    expect(chantierHeader.slice(0, 4)).toEqual([
      'Code chantier',
      'Chantier',
      'Heures validées (hors bénévolat)',
      'Minutes validées (hors bénévolat)',
    ]);
    expect([
      cell(c1, 'Code chantier'),
      cell(c1, 'Minutes validées (hors bénévolat)'),
      cell(c1, 'Enveloppe (centimes)'),
      cell(c1, 'Demande (centimes)'),
      cell(c1, 'Rétributions (€)'),
      cell(c1, 'Rétributions (centimes)'),
      cell(c1, "Reste de l'enveloppe (centimes)"),
    ]).toEqual(['C1', '2400', '100000', '135000', '1000,00', '100000', '0']);
    // C2 has no envelope: its envelope cells are empty, not zero.
    expect([
      cell(c2, 'Enveloppe (€)'),
      cell(c2, 'Enveloppe (centimes)'),
      cell(c2, 'Heures bénévoles'),
      cell(c2, 'Bénévolat valorisé (€)'),
      cell(c2, 'Bénévolat valorisé (centimes)'),
    ]).toEqual(['', '', '2,00', '60,00', '6000']);
    expect([
      total[0],
      cell(total, 'Rétributions (centimes)'),
      cell(total, 'Bénévolat valorisé (centimes)'),
      cell(total, 'Valeur non rétribuée (centimes)'),
    ]).toEqual(['Total', '100000', '6000', '35000']);

    const [placeHeader, baraka, coroutine, noPlace, placeTotal] = after('Par lieu');
    const paid = placeHeader.indexOf('Rétributions (centimes)');
    expect([baraka, coroutine, noPlace, placeTotal].map((row) => [row[0], row[paid]])).toEqual([
      ['La Baraka', '11111'],
      ['La Coroutine', '77778'],
      ['Sans lieu', '11111'],
      ['Total', '100000'],
    ]);
    const [cellHeader, ...cells] = after('Par chantier et par lieu');
    expect(cellHeader.slice(0, 3)).toEqual(['Code chantier', 'Chantier', 'Lieu']);
    expect(cells.slice(0, 4).map((row) => [row[0], row[2]])).toEqual([
      ['C1', 'La Baraka'],
      ['C1', 'La Coroutine'],
      ['C1', 'Sans lieu'],
      ['C2', 'La Baraka'],
    ]);
    expect(records.at(-1)![0]).toMatch(/^Heures et montants par chantier/);
  });
});

describe('funder report PDF', () => {
  it('is an A4 PDF naming the collective, the period and the figures', async () => {
    const bytes = await bytesOf(renderFunderPdf({ report, period, locale: 'fr', issuedOn: '2026-07-02' }));
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 595\.28 841\.89\]/);
    expect(bytes.toString('latin1').trimEnd().endsWith('%%EOF')).toBe(true);
    const text = pdfTextLines(bytes)
      .join('\n')
      .replace(/\u00a0/g, ' ');
    for (const expected of [
      'Rapport financeur',
      'Monscobar',
      'Printemps 2026',
      '01/03/2026',
      '30/06/2026',
      'Édité le 02/07/2026',
      'Rétributions figées',
      'Par lieu',
      'La Coroutine',
      'Sans lieu',
      '1 000,00 €',
      '777,78 €',
      '60,00 €',
      '40 h',
      'illimitée',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('ends every table with the claims: expenses and mileage, fixed fees, in-kind value', async () => {
    // The worked example with claims on C1 at La Coroutine: 150 € of expenses, 300 € of fees, 200 € in kind.
    const claims = { expensesCents: 15_000, fixedFeesCents: 30_000, inKindValueCents: 20_000 };
    const withClaims = (f: Figures, yes: boolean): Figures => (yes ? { ...f, ...claims } : f);
    const claimed: FunderReport = {
      chantiers: report.chantiers.map((c) => ({ ...c, figures: withClaims(c.figures, c.code === 'C1') })),
      places: report.places.map((place) => ({
        ...place,
        figures: withClaims(place.figures, place.name === 'La Coroutine'),
      })),
      cells: report.cells.map((cell) => ({
        ...cell,
        figures: withClaims(cell.figures, cell.code === 'C1' && cell.name === 'La Coroutine'),
      })),
      totals: { ...report.totals, ...claims },
    };
    for (const [locale, headers] of [
      ['fr', ['Frais et km', 'Forfaits', 'En nature']],
      ['en', ['Expenses and mileage', 'Fixed fees', 'In kind']],
    ] as const) {
      const bytes = await bytesOf(renderFunderPdf({ report: claimed, period, locale, issuedOn: '2026-07-02' }));
      const pages = pdfPages(bytes);
      const lines = pages.flat().map((line) => line.replace(/[\u00a0\u202f]/g, ' '));
      // Each of the three tables has the three headers, on landscape pages (842 × 595).
      expect(bytes.toString('latin1')).toMatch(/\/MediaBox \[0 0 841\.89 595\.28\]/);
      const joined = lines.join(' ').replace(/\s+/g, ' ');
      for (const header of headers) expect(joined.split(header).length - 1).toBe(3);
      const euros = locale === 'fr' ? ['150,00 €', '300,00 €', '200,00 €'] : ['€150.00', '€300.00', '€200.00'];
      // C1, its total, La Coroutine, the places' total and the cell C1 × La Coroutine: five times each.
      for (const amount of euros) expect(lines.filter((line) => line === amount)).toHaveLength(5);
    }
    // Without claims the tables are as before: no claim column.
    const plain = pdfTextLines(
      await bytesOf(renderFunderPdf({ report, period, locale: 'fr', issuedOn: '2026-07-02' })),
    );
    expect(plain.join(' ')).not.toContain('Forfaits');
  });

  it('says so when there is nothing to report, in English too', async () => {
    const empty = buildFunderReport({
      lines: [],
      envelopes: [],
      placeMinutes: [],
      chantiers: WORKED_CHANTIERS,
      places: WORKED_PLACES,
    });
    const text = pdfTextLines(
      await bytesOf(
        renderFunderPdf({ report: empty, period: { ...period, frozen: false }, locale: 'en', issuedOn: '2026-07-02' }),
      ),
    ).join('\n');
    expect(text).toContain('Funder report');
    expect(text).toContain('Live preview (open period)');
    expect(text).toContain('No approved hours in this period.');
  });

  it('embeds its font (PDF/A-2b), numbers its pages and repeats a table header on every page', async () => {
    // 90 chantiers × 2 places: the tables run over several pages.
    const figures = {
      approvedMinutes: 90,
      volunteerMinutes: 0,
      amountCents: 4500,
      unpaidValueCents: 0,
      volunteerValueCents: 0,
      expensesCents: 0,
      fixedFeesCents: 0,
      inKindValueCents: 0,
    };
    const chantiers = Array.from({ length: 90 }, (_, index) => ({
      chantierId: `c${index}`,
      code: `C${index}`,
      name: `Chantier numéro ${index}`,
      envelopeCents: 100_000,
      demandCents: 4500,
      figures,
    }));
    const long: FunderReport = {
      chantiers,
      places: [{ placeId: 'pl', name: 'La Coroutine', figures }],
      cells: chantiers.flatMap((chantier) =>
        ['La Coroutine', 'La Baraka'].map((name) => ({
          placeId: name,
          name,
          chantierId: chantier.chantierId,
          code: chantier.code,
          chantierName: chantier.name,
          figures,
        })),
      ),
      totals: { ...figures, envelopeCents: 9_000_000, demandCents: 405_000 },
    };
    const bytes = await bytesOf(renderFunderPdf({ report: long, period, locale: 'fr', issuedOn: '2026-07-02' }));
    const raw = bytes.toString('latin1');
    expect(raw).toMatch(/\/FontFile2 \d+ 0 R/);
    expect(raw).toMatch(/\/BaseFont \/[A-Z]{6}\+DejaVuSans\b/);
    expect(raw).not.toMatch(/\/BaseFont \/Helvetica/);
    expect(raw).toContain('<pdfaid:part>2</pdfaid:part>');

    const pages = pdfPages(bytes);
    expect(pages.length).toBeGreaterThanOrEqual(4);
    pages.forEach((lines, index) => {
      expect(lines.at(-1)).toBe(`Page ${index + 1} / ${pages.length}`);
    });
    // The header rows: once per table and once more per page a table runs onto.
    const headers = pages.flat().filter((line) => line === 'Heures').length;
    expect(headers).toBeGreaterThanOrEqual(3 + pages.length - 1);
    // A page a table runs onto starts with that table's header row.
    const continued = pages.slice(1).filter((lines) => lines[0] === 'Chantier');
    expect(continued.length).toBeGreaterThanOrEqual(pages.length - 2);
    // Every row is there once.
    for (const chantier of chantiers) {
      expect(
        pages.flat().filter((line) => line === `C${chantier.chantierId.slice(1)} — ${chantier.name}`),
      ).toHaveLength(3);
    }
  }, 60_000);
});
