// The SEPA file against a golden file (fixed inputs → the exact XML, byte for byte), then read back
// to check what a bank checks: the count, the control sums, every IBAN and amount.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isValidIBAN } from 'ibantools';
import { bicMatchesIban, buildSepaXml, type SepaDocumentInput } from './sepa-document';
import { sepaDocumentFor } from './sepa-file';
import { decimalToCents, readSepaFile } from './sepa-read';
import { isSepaText } from './sepa-text';
import type { PlannedTransfer } from './sepa-batch';

const GOLDEN = path.join(import.meta.dirname, 'fixtures', 'sepa-golden.xml');

const transfers: PlannedTransfer[] = [
  {
    payeeKey: 'person:alice',
    payeeName: 'Alice Martin',
    payeeType: 'SELF',
    personNames: ['Alice Martin'],
    iban: 'FR7630006000011234567890189',
    bic: 'BNPAFRPP',
    amountCents: 44_445,
  },
  {
    payeeKey: 'person:chloe',
    payeeName: 'Chloé « Clo » Dubois-Lefèvre',
    payeeType: 'SELF',
    personNames: ['Chloé Dubois'],
    iban: 'DE89370400440532013000',
    bic: 'BNPAFRPP',
    amountCents: 11_111,
  },
  {
    payeeKey: 'org:la-coroutine',
    payeeName: 'SCIC La Coroutine & Cie — Fabrique de territoire de Roubaix, Lille métropole et alentours',
    payeeType: 'ORGANISATION',
    personNames: ['Bruno Lefebvre', 'Élise Moreau'],
    iban: 'BE68539007547034',
    bic: null,
    amountCents: 1,
  },
];

const input: SepaDocumentInput = sepaDocumentFor({
  collectiveName: 'Monscobar',
  periodName: 'Période 06/2026 – 11/2026',
  runId: 'cmrun0000000000000000abcd1234',
  debtor: { name: 'Association Monscobar — Trésorerie', iban: 'FR1420041010050500013M02606', bic: 'PSSTFRPPLIL' },
  transfers,
  createdAt: '2026-12-12T09:30:05',
  executionDate: '2026-12-14',
});

/** One element per line, for a golden file a reviewer can read; reversible, as no text holds "><". */
const pretty = (xml: string) => `${xml.replace(/></g, '>\n<')}\n`;

describe('buildSepaXml', () => {
  it('writes exactly the golden file', () => {
    const xml = buildSepaXml(input);
    if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(GOLDEN, pretty(xml));
    expect(pretty(xml)).toBe(fs.readFileSync(GOLDEN, 'utf8'));
  });

  it('reads back with the right count, control sums, IBANs and amounts', () => {
    const file = readSepaFile(buildSepaXml(input));
    expect(file.namespace).toBe('urn:iso:std:iso:20022:tech:xsd:pain.001.001.03');
    expect(file.messageId).toBe('BUTIN20261212093005-ABCD1234');
    expect(file.createdAt).toBe('2026-12-12T09:30:05');
    expect(file.nbOfTxs).toBe('3');
    expect(file.ctrlSum).toBe('555.57');
    expect(file.payment).toMatchObject({
      method: 'TRF',
      nbOfTxs: '3',
      ctrlSum: '555.57',
      executionDate: '2026-12-14',
      debtorIban: 'FR1420041010050500013M02606',
      debtorBic: 'PSSTFRPPLIL',
    });
    expect(file.payment.debtorName).toBe('Association Monscobar - Tresorerie');
    expect(file.transfers.map((transfer) => transfer.creditorIban)).toEqual(transfers.map((transfer) => transfer.iban));
    expect(file.transfers.every((transfer) => isValidIBAN(transfer.creditorIban))).toBe(true);
    expect(file.transfers.map((transfer) => decimalToCents(transfer.amount))).toEqual([44_445, 11_111, 1]);
    expect(file.transfers.reduce((sum, transfer) => sum + decimalToCents(transfer.amount), 0)).toBe(
      decimalToCents(file.ctrlSum),
    );
    expect(file.transfers.every((transfer) => transfer.currency === 'EUR')).toBe(true);
    expect(new Set(file.transfers.map((transfer) => transfer.endToEndId)).size).toBe(3);
    expect(
      file.transfers.every((transfer) => transfer.instructionId.length <= 35 && transfer.endToEndId.length <= 35),
    ).toBe(true);
  });

  it('puts every text in the SEPA set, names within 70 characters and remittances within 140', () => {
    const file = readSepaFile(buildSepaXml(input));
    for (const transfer of file.transfers) {
      expect(isSepaText(transfer.creditorName)).toBe(true);
      expect(transfer.creditorName.length).toBeLessThanOrEqual(70);
      expect(isSepaText(transfer.remittance)).toBe(true);
      expect(transfer.remittance.length).toBeLessThanOrEqual(140);
    }
    expect(file.transfers[1].creditorName).toBe("Chloe ' Clo ' Dubois-Lefevre");
    expect(file.transfers[0].remittance).toBe('Monscobar - Retribution Periode 06/2026 - 11/2026');
    expect(file.transfers[2].remittance).toBe(
      'Monscobar - Retribution Periode 06/2026 - 11/2026 - pour Bruno Lefebvre, Elise Moreau',
    );
    expect(file.transfers[2].creditorName).toBe('SCIC La Coroutine + Cie - Fabrique de territoire de Roubaix, Lille');
  });

  it('leaves out a BIC that does not belong to the IBAN’s country, and an absent one', () => {
    const file = readSepaFile(buildSepaXml(input));
    expect(file.transfers.map((transfer) => transfer.creditorBic)).toEqual(['BNPAFRPP', null, null]);
  });

  it('does not depend on the server’s time zone', () => {
    const before = process.env.TZ;
    try {
      process.env.TZ = 'Pacific/Kiritimati';
      const far = buildSepaXml(input);
      process.env.TZ = 'America/Los_Angeles';
      expect(buildSepaXml(input)).toBe(far);
      expect(pretty(far)).toBe(fs.readFileSync(GOLDEN, 'utf8'));
    } finally {
      process.env.TZ = before;
    }
  });

  it('adds up thousands of transfers to the cent', () => {
    const many = Array.from({ length: 2_500 }, (_, index): PlannedTransfer => ({
      ...transfers[0],
      payeeKey: `person:${index}`,
      amountCents: 1 + ((index * 7_919) % 999_999),
    }));
    const xml = buildSepaXml(
      sepaDocumentFor({
        collectiveName: 'C',
        periodName: 'P',
        runId: 'r1',
        debtor: { name: 'D', iban: 'FR1420041010050500013M02606', bic: null },
        transfers: many,
        createdAt: '2026-01-01T00:00:00',
        executionDate: '2026-01-02',
      }),
    );
    const file = readSepaFile(xml);
    const total = many.reduce((sum, transfer) => sum + transfer.amountCents, 0);
    expect(decimalToCents(file.ctrlSum)).toBe(total);
    expect(file.nbOfTxs).toBe('2500');
    expect(file.payment.debtorBic).toBeNull();
    expect(xml).toContain('<DbtrAgt><FinInstnId><Othr><Id>NOTPROVIDED</Id></Othr></FinInstnId></DbtrAgt>');
  });

  it('refuses an empty file, a zero amount, and malformed dates or ids', () => {
    expect(() => buildSepaXml({ ...input, transfers: [] })).toThrow(/at least one/);
    expect(() => buildSepaXml({ ...input, transfers: [{ ...input.transfers[0], amountCents: 0 }] })).toThrow(
      /positive/,
    );
    expect(() => buildSepaXml({ ...input, createdAt: '2026-12-12 09:30' })).toThrow(/createdAt/);
    expect(() => buildSepaXml({ ...input, messageId: 'BUTIN//x' })).toThrow(/messageId/);
    expect(() => buildSepaXml({ ...input, transfers: [{ ...input.transfers[0], endToEndId: 'é' }] })).toThrow(
      /endToEndId/,
    );
  });
});

describe('bicMatchesIban', () => {
  it.each([
    ['BNPAFRPP', 'FR7630006000011234567890189', true],
    ['BNPAFRPPXXX', 'FR7630006000011234567890189', true],
    ['BNPAGPPP', 'FR7630006000011234567890189', true],
    ['COBADEFFXXX', 'FR7630006000011234567890189', false],
    ['COBADEFFXXX', 'DE89370400440532013000', true],
    ['NOTABIC', 'FR7630006000011234567890189', false],
  ])('%s with %s → %s', (bic, iban, expected) => {
    expect(bicMatchesIban(bic, iban)).toBe(expected);
  });
});
