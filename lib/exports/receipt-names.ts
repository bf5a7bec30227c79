// The names of the files in a period's ZIP of receipts, so that an accountant can file them as
// they come: `<date>_<person>_<kind>_<amount>.<ext>` (e.g. `2026-09-10_chloe-dubois_note-de-frais_150,00.pdf`),
// plain ASCII, and unique in the archive (a claim's second receipt, or two alike claims, get -2, -3 …).
import { fileSlug } from '@/lib/treasury/files';

const EXTENSIONS: Record<string, string> = {
  'application/pdf': 'pdf',
  'image/jpeg': 'jpg',
  'image/png': 'png',
  'image/webp': 'webp',
  'image/heic': 'heic',
};

export type ReceiptToName = {
  date: string;
  personName: string;
  /** The kind as people read it, e.g. "Note de frais". */
  kindLabel: string;
  valueCents: number;
  contentType: string;
};

/** Whole euros and cents with a decimal comma, no thousands separator: `1500,00`. */
export function amountForName(cents: number): string {
  const euros = Math.trunc(cents / 100);
  return `${euros},${String(Math.abs(cents % 100)).padStart(2, '0')}`;
}

/** Names the receipts in order; the same receipts in the same order always get the same names. */
export function receiptNamer(): (receipt: ReceiptToName) => string {
  const used = new Set<string>();
  return (receipt) => {
    const stem = [
      receipt.date,
      fileSlug(receipt.personName),
      fileSlug(receipt.kindLabel),
      amountForName(receipt.valueCents),
    ].join('_');
    const extension = EXTENSIONS[receipt.contentType] ?? 'bin';
    let name = `${stem}.${extension}`;
    for (let copy = 2; used.has(name); copy++) name = `${stem}-${copy}.${extension}`;
    used.add(name);
    return name;
  };
}
