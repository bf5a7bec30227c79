import { fileTypeFromBuffer } from 'file-type';
import { describe, expect, it } from 'vitest';
import { receiptPdf, receiptPng } from './receipts';

describe('demo receipts', () => {
  it('makes a PNG that reads as a PNG from its bytes, the same every time', async () => {
    const png = receiptPng([200, 180, 120]);
    expect(await fileTypeFromBuffer(png)).toMatchObject({ mime: 'image/png' });
    expect(png.readUInt32BE(16)).toBe(96);
    expect(png.readUInt32BE(20)).toBe(128);
    expect(receiptPng([200, 180, 120]).equals(png)).toBe(true);
  });

  it('makes a PDF that reads as a PDF from its bytes', async () => {
    const pdf = await receiptPdf(['Facture n° 42', 'Imprimerie du Nord', 'Total : 84,00 €']);
    expect(await fileTypeFromBuffer(pdf)).toMatchObject({ mime: 'application/pdf' });
    expect(pdf.length).toBeLessThan(20_000);
  });
});
