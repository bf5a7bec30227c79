import { describe, expect, it } from 'vitest';
import { amountForName, receiptNamer } from './receipt-names';

const base = {
  date: '2026-09-10',
  personName: 'Chloé Dubois',
  kindLabel: 'Note de frais',
  valueCents: 15_000,
  contentType: 'application/pdf',
};

describe('receiptNamer', () => {
  it.each([
    [base, '2026-09-10_chloe-dubois_note-de-frais_150,00.pdf'],
    [{ ...base, contentType: 'image/jpeg' }, '2026-09-10_chloe-dubois_note-de-frais_150,00.jpg'],
    [
      {
        ...base,
        personName: 'Élise Œuvre',
        kindLabel: 'Indemnités kilométriques',
        valueCents: 1_520,
        contentType: 'image/png',
      },
      '2026-09-10_elise-oeuvre_indemnites-kilometriques_15,20.png',
    ],
    [{ ...base, contentType: 'image/heic', valueCents: 5 }, '2026-09-10_chloe-dubois_note-de-frais_0,05.heic'],
    [
      { ...base, personName: '../../etc/passwd', contentType: 'image/webp' },
      '2026-09-10_etc-passwd_note-de-frais_150,00.webp',
    ],
  ])('names %o as %s', (receipt, expected) => {
    expect(receiptNamer()(receipt)).toBe(expected);
  });

  it('keeps every name unique in one archive', () => {
    const name = receiptNamer();
    expect([name(base), name(base), name(base), name({ ...base, contentType: 'image/png' })]).toEqual([
      '2026-09-10_chloe-dubois_note-de-frais_150,00.pdf',
      '2026-09-10_chloe-dubois_note-de-frais_150,00-2.pdf',
      '2026-09-10_chloe-dubois_note-de-frais_150,00-3.pdf',
      '2026-09-10_chloe-dubois_note-de-frais_150,00.png',
    ]);
  });

  it.each([
    [0, '0,00'],
    [1, '0,01'],
    [100_000_000, '1000000,00'],
  ])('writes %i cents as %s', (cents, expected) => {
    expect(amountForName(cents)).toBe(expected);
  });
});
