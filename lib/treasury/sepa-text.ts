// Text as a SEPA credit transfer may carry it. The EPC's basic Latin character set is all a bank
// must accept: a–z A–Z 0–9 / - ? : ( ) . , ' + and the space. Anything else is transliterated
// (é → e, œ → oe, « » → ', & → +, € → EUR) or becomes a space, and the result is cut to the
// field's length (70 for a name, 140 for the remittance text). Pure; no I/O.

/** Characters a SEPA file may carry unchanged. */
export const SEPA_CHARACTER = /^[A-Za-z0-9/\-?:().,'+ ]$/;

// What NFKD leaves as a base letter plus accents is handled by dropping the accents; these are
// the letters and signs it leaves alone.
const REPLACEMENTS: Record<string, string> = {
  œ: 'oe',
  Œ: 'OE',
  æ: 'ae',
  Æ: 'AE',
  ß: 'ss',
  ẞ: 'SS',
  ø: 'o',
  Ø: 'O',
  đ: 'd',
  Đ: 'D',
  ð: 'd',
  Ð: 'D',
  ł: 'l',
  Ł: 'L',
  þ: 'th',
  Þ: 'TH',
  ı: 'i',
  ħ: 'h',
  Ħ: 'H',
  // Quotes: the double quote is outside the set, the apostrophe inside.
  '«': "'",
  '»': "'",
  '‹': "'",
  '›': "'",
  '“': "'",
  '”': "'",
  '„': "'",
  '"': "'",
  '‘': "'",
  '’': "'",
  '‚': "'",
  '`': "'",
  '´': "'",
  // Dashes and the like.
  '–': '-',
  '—': '-',
  '‐': '-',
  '‑': '-',
  '‒': '-',
  '−': '-',
  _: '-',
  '~': '-',
  '=': '-',
  // Signs with a customary spelling.
  '&': '+',
  '€': 'EUR',
  '£': 'GBP',
  $: 'USD',
  '%': 'pct',
  '@': '(at)',
  '°': 'o',
  '×': 'x',
  '·': '.',
  '•': '.',
  '!': '.',
  ';': ',',
  '[': '(',
  ']': ')',
  '{': '(',
  '}': ')',
  '<': '(',
  '>': ')',
  '\\': '/',
  '|': '/',
  '⁄': '/',
  '#': 'No',
};

const COMBINING_MARKS = /\p{M}/gu;

/**
 * `text` in the SEPA character set, spaces collapsed, at most `maxLength` characters (cut on the
 * last whole word when one ends in the second half, so a name is not left with half a word).
 */
export function toSepaText(text: string, maxLength = 140): string {
  if (!Number.isInteger(maxLength) || maxLength < 1)
    throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);
  let result = '';
  for (const character of text.normalize('NFKD').replace(COMBINING_MARKS, '')) {
    if (SEPA_CHARACTER.test(character)) result += character;
    else result += REPLACEMENTS[character] ?? ' ';
  }
  result = result.replace(/ +/g, ' ').trim();
  if (result.length <= maxLength) return result;
  const cut = result.slice(0, maxLength);
  const lastSpace = cut.lastIndexOf(' ');
  return (result[maxLength] === ' ' ? cut : lastSpace >= maxLength / 2 ? cut.slice(0, lastSpace) : cut).trim();
}

/** True when every character of `text` is in the SEPA set. */
export function isSepaText(text: string): boolean {
  return [...text].every((character) => SEPA_CHARACTER.test(character));
}
