// French typography for what the screen shows: the space before a colon, semicolon, question
// or exclamation mark, inside « » quotes, between a number and its unit and inside a number's
// thousands is a no-break space, so a line never starts with ":" or "»" and "13 h" never splits
// (docs/architecture.md, "French typography"). The message files keep plain spaces, easy to type and to compare in tests;
// lib/i18n/precompiled.ts applies this to the French messages next-intl renders.

/** U+00A0 before a colon and around « », as Intl writes "12 €"; U+202F (narrow) before ; ? !. */
const NBSP = '\u00a0';
const NNBSP = '\u202f';

const RULES: [RegExp, string][] = [
  [/ :/g, `${NBSP}:`],
  [/ ([;?!])/g, `${NNBSP}$1`],
  [/« /g, `«${NBSP}`],
  [/ »/g, `${NBSP}»`],
  // A number (or an argument that holds one) and its unit: "24 h", "{percent} %", "10 Mo".
  [/(\d|\}) (h|min|km|Mo|%|€)(?![\p{L}\d])/gu, `$1${NBSP}$2`],
  // Thousands: "1 000 000 €", "10 000 lignes"; not the groups of an IBAN ("7890 189").
  [/(?<=(?:^|\D)\d{1,3}) (?=\d{3}(?!\d))/g, NNBSP],
  [/n° /g, `n°${NBSP}`],
];

export function frenchTypography(text: string): string {
  let result = text;
  for (const [pattern, replacement] of RULES) result = result.replace(pattern, replacement);
  return result;
}

type Tree = { [key: string]: string | Tree };

/** Every string of a message tree through frenchTypography. */
export function frenchTypographyTree<T extends Tree>(tree: T): T {
  const out: Tree = {};
  for (const [key, value] of Object.entries(tree))
    out[key] = typeof value === 'string' ? frenchTypography(value) : frenchTypographyTree(value);
  return out as T;
}
