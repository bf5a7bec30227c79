// The statement PDF, its text read back: what a freelancer attaches to
// an invoice must name the collective, the period, the person, each contribution, the computation
// and the amount, in French by default.
import { describe, expect, it } from 'vitest';
import { claimsTable, pdfBytes, renderStatementPdf } from './statement-pdf';
import { isTextColumn } from '@/lib/exports/pdf-layout';
import type { Statement } from './statement-data';
import { pdfPages, pdfTextLines } from '@/lib/exports/test-pdf';

/** The text shown by the PDF's TJ operators, pieces joined, spaces normalised. */
function pdfTextOf(bytes: Uint8Array): string {
  return pdfTextLines(bytes)
    .join('\n')
    .replace(/[\u00a0\u202f]/g, ' ');
}

const statement: Statement = {
  collectiveName: 'Monscobar',
  period: {
    id: 'p1',
    name: 'Automne 2026',
    startDate: '2026-09-01',
    endDate: '2026-11-30',
    status: 'CLOSED',
    closedOn: '2026-12-02',
  },
  person: {
    id: 'alice',
    name: 'Alice Martin',
    legalName: 'Alice Martin-Dœuvre',
    siret: '73282932000074',
    address: ['12 rue de Lannoy', '59100 Roubaix'],
    payeeName: 'Alice Martin-Dœuvre',
    paidToOrganisation: false,
  },
  contributions: [
    {
      date: '2026-09-03',
      chantier: 'C1 — Gestion et animation des tiers-lieux',
      place: 'La Coroutine',
      description: 'Animation de l’atelier du jeudi',
      minutes: 150,
      volunteer: false,
      rateCents: 3000,
    },
    {
      date: '2026-10-12',
      chantier: 'C2 — Accompagnement',
      place: null,
      description: 'Réunion « gouvernance »',
      minutes: 60,
      volunteer: true,
      rateCents: 3000,
    },
  ],
  lines: [
    {
      chantier: 'C1 — Gestion et animation des tiers-lieux',
      words: '2 h 30 × 30,00 €/h = 75,00 €',
      amountCents: 7_500,
      approvedMinutes: 150,
      volunteerMinutes: 0,
      volunteerValueCents: 0,
      unpaidValueCents: 0,
      hoursAmountCents: 7_500,
      expensesCents: 0,
      fixedFeesCents: 0,
      inKindValueCents: 0,
    },
    {
      chantier: 'C2 — Accompagnement',
      words: '1 h bénévole × 30,00 €/h = 30,00 € valorisés',
      amountCents: 0,
      approvedMinutes: 0,
      volunteerMinutes: 60,
      volunteerValueCents: 3_000,
      unpaidValueCents: 0,
      hoursAmountCents: 0,
      expensesCents: 0,
      fixedFeesCents: 0,
      inKindValueCents: 0,
    },
  ],
  claims: [],
  totals: {
    amountCents: 7_500,
    approvedMinutes: 150,
    volunteerMinutes: 60,
    volunteerValueCents: 3_000,
    unpaidValueCents: 0,
    hoursAmountCents: 7_500,
    expensesCents: 0,
    fixedFeesCents: 0,
    inKindValueCents: 0,
  },
  payment: { paidOn: '2026-12-12', reference: 'VIR-2026-12-001' },
  issuedOn: '2026-12-15',
};

describe('renderStatementPdf', () => {
  it('writes an A4 PDF naming the collective, the period, the person, the contributions, the computation and the amount', async () => {
    const bytes = await pdfBytes(renderStatementPdf(statement, { locale: 'fr', compress: false }));
    expect(Buffer.from(bytes.slice(0, 5)).toString('latin1')).toBe('%PDF-');
    expect(Buffer.from(bytes).toString('latin1')).toContain('/MediaBox [0 0 595.28 841.89]');
    const text = pdfTextOf(bytes);
    for (const expected of [
      'Monscobar',
      'Attestation de rétribution',
      'Période « Automne 2026 », du 01/09/2026 au 30/11/2026',
      'Montants figés à la clôture de la période, le 02/12/2026.',
      'Alice Martin-Dœuvre (Alice Martin)',
      'SIRET : 73282932000074',
      '59100 Roubaix',
      'Contributions validées (2)',
      '03/09/2026',
      'C1 — Gestion et animation des tiers-lieux (La Coroutine)',
      'Animation de l’atelier du jeudi',
      '2 h 30',
      '30,00 €/h',
      'Réunion « gouvernance »',
      '2 h 30 × 30,00 €/h = 75,00 €',
      'Rétribution : 75,00 €',
      'Bénévolat valorisé : 30,00 €',
      'Payé le 12/12/2026, référence VIR-2026-12-001.',
    ]) {
      expect(text.replace(/\n/g, '')).toContain(expected);
    }
  });

  it('says a preview is a preview, and speaks English when asked', async () => {
    const preview = pdfTextOf(
      await pdfBytes(
        renderStatementPdf(
          { ...statement, period: { ...statement.period, status: 'OPEN', closedOn: null }, payment: null },
          { locale: 'en', compress: false },
        ),
      ),
    );
    expect(preview.replace(/\n/g, '')).toContain('Preview: the period is open, these amounts may still change.');
    expect(preview.replace(/\n/g, '')).toContain('Payout statement');
    expect(preview).not.toContain('Paid on');
  });

  it('lists the claims with their kind, amount and receipts, and splits each line into hours, expenses and fees', async () => {
    const withClaims: Statement = {
      ...statement,
      claims: [
        {
          date: '2026-09-10',
          chantier: 'C1 — Gestion et animation des tiers-lieux',
          place: null,
          kind: 'EXPENSE',
          description: 'Billet de train Lille–Roubaix',
          valueCents: 15_000,
          distanceKm: null,
          mileageRateCents: null,
          receipts: ['billet.pdf', 'facture.jpg'],
        },
        {
          date: '2026-09-11',
          chantier: 'C1 — Gestion et animation des tiers-lieux',
          place: 'La Coroutine',
          kind: 'MILEAGE',
          description: 'Roubaix → Lille',
          valueCents: 1_520,
          distanceKm: 40,
          mileageRateCents: 38,
          receipts: [],
        },
        {
          date: '2026-09-12',
          chantier: 'C2 — Accompagnement',
          place: null,
          kind: 'IN_KIND',
          description: 'Salle prêtée',
          valueCents: 20_000,
          distanceKm: null,
          mileageRateCents: null,
          receipts: [],
        },
      ],
      lines: [{ ...statement.lines[0], amountCents: 24_020, expensesCents: 16_520 }, statement.lines[1]],
      totals: { ...statement.totals, amountCents: 24_020, expensesCents: 16_520, inKindValueCents: 20_000 },
    };
    const text = pdfTextOf(await pdfBytes(renderStatementPdf(withClaims, { locale: 'fr', compress: false }))).replace(
      /\n/g,
      '',
    );
    for (const expected of [
      'Demandes validées (3)',
      'Note de frais',
      'Billet de train Lille–Roubaix',
      '150,00 €',
      'billet.pdf, facture.jpg',
      'Indemnités kilométriques',
      '15,20 € (40 km × 0,38 €/km)',
      'Contribution en nature',
      '200,00 € (valorisé, non versé)',
      'Heures : 75,00 € ; frais et kilomètres : 165,20 € ; forfaits : 0,00 €',
      'Rétribution : 240,20 €',
      'Contributions en nature valorisées : 200,00 €',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it("aligns the claims' receipts left, as text, and only their amount right", () => {
    const table = claimsTable(statement, 'fr');
    expect(table.header.map((header, column) => [header, isTextColumn(table, column)])).toEqual([
      ['Date', true],
      ['Chantier', true],
      ['Nature', true],
      ['Description', true],
      ['Montant', false],
      ['Justificatifs', true],
    ]);
    // A count still means the first columns.
    expect([0, 1, 2].map((column) => isTextColumn({ textColumns: 2 }, column))).toEqual([true, true, false]);
  });

  it('runs over several pages for a long list of contributions', async () => {
    const many = Array.from({ length: 160 }, (_, index) => ({
      ...statement.contributions[0],
      date: `2026-10-${String((index % 28) + 1).padStart(2, '0')}`,
    }));
    const bytes = await pdfBytes(
      renderStatementPdf({ ...statement, contributions: many }, { locale: 'fr', compress: false }),
    );
    const pages = pdfPages(bytes);
    expect(pages.length).toBeGreaterThan(2);
    expect(pdfTextOf(bytes).replace(/\n/g, '')).toContain('Rétribution : 75,00 €');
    // Each page is numbered; a page the table runs onto starts with its header row.
    pages.forEach((lines, index) => expect(lines.at(-1)).toBe(`Page ${index + 1} / ${pages.length}`));
    const tablePages = pages.filter((lines) => lines.filter((line) => line === '03/10/2026').length > 0);
    expect(tablePages.length).toBeGreaterThan(1);
    for (const lines of tablePages.slice(1)) expect(lines[0]).toBe('Date');
    expect(Buffer.from(bytes).toString('latin1')).toMatch(/\/FontFile2 \d+ 0 R/);
  }, 60_000);

  it('names the collective as the settings hold it, and who certified the frozen figures', async () => {
    const text = pdfTextOf(
      await pdfBytes(
        renderStatementPdf(
          {
            ...statement,
            collectiveIdentity: {
              name: 'Monscobar',
              legalName: 'Association Monscobar',
              address: '5 place de la Liberté\n59100 Roubaix',
              siret: '73282932000074',
              rna: 'W595012345',
            },
            certifiedBy: { name: 'Théo Trésorier', on: '2026-12-02' },
          },
          { locale: 'fr' },
        ),
      ),
    );
    for (const expected of [
      'Association Monscobar',
      '5 place de la Liberté',
      '59100 Roubaix',
      'SIRET 732 829 320 00074 · RNA W595012345',
      'Certifié exact par Théo Trésorier, qui a clôturé la période le 02/12/2026.',
    ])
      expect(text.replace(/\n/g, ' ')).toContain(expected);
    // A preview certifies nothing.
    const preview = pdfTextOf(
      await pdfBytes(renderStatementPdf({ ...statement, certifiedBy: null }, { locale: 'fr' })),
    );
    expect(preview).not.toContain('Certifié exact');
  }, 60_000);
});
