// Money at the edge: integer euro cents formatted the French way (`1 234,56 €`), and amounts as
// people type them ("30", "30,50", "1 234,5 €") parsed into cents. No floating point: the
// formatter hands Intl an exact decimal string, the parser works on the digits.

export type MoneyLocale = 'fr' | 'en';

const FORMATTERS: Record<MoneyLocale, Intl.NumberFormat> = {
  fr: new Intl.NumberFormat('fr-FR', { style: 'currency', currency: 'EUR' }),
  en: new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'EUR' }),
};

/** Cents as an exact decimal string of euros: 123456 → "1234.56", -5 → "-0.05". */
export function centsToDecimalString(cents: number | bigint): `${number}` {
  const value = BigInt(cents);
  const negative = value < BigInt(0);
  const magnitude = negative ? -value : value;
  const euros = magnitude / BigInt(100);
  const rest = (magnitude % BigInt(100)).toString().padStart(2, '0');
  return `${negative ? '-' : ''}${euros}.${rest}` as `${number}`;
}

/** 123456 → "1 234,56 €" (fr, with the narrow no-break spaces Intl uses) or "€1,234.56" (en). */
export function formatCents(cents: number | bigint, locale: MoneyLocale = 'fr'): string {
  if (typeof cents === 'number' && !Number.isSafeInteger(cents))
    throw new RangeError(`Cents must be an integer, got ${cents}`);
  return FORMATTERS[locale].format(centsToDecimalString(cents));
}

/** The amount typed in a form field without its unit, for editing: 3050 → "30,50" (fr), "30.50" (en). */
export function centsToInput(cents: number, locale: MoneyLocale = 'fr'): string {
  const text = centsToDecimalString(cents);
  return locale === 'fr' ? text.replace('.', ',') : text;
}

export type MoneyErrorCode = 'EMPTY' | 'INVALID' | 'NEGATIVE' | 'TOO_PRECISE' | 'TOO_LARGE';
export type ParsedMoney = { ok: true; cents: number } | { ok: false; code: MoneyErrorCode };

/** The largest amount a form accepts: the database stores cents in a 32-bit integer. */
export const MAX_CENTS = 2_147_483_647;

// Digits grouped by spaces (any kind: typed, no-break, narrow no-break) or not, then at most one
// decimal separator. A dot followed by exactly three digits is ambiguous ("1.234"), so a dot is
// only read as the decimal point, as both French and English writers mostly mean it here.
const AMOUNT = /^(\d+)(?:[.,](\d+))?$/;
const SPACES = /[\s\u00a0\u202f']/g;
const MAX_INPUT_LENGTH = 30;

/** "30" → 3000, "30,5" → 3050, "1 234,56 €" → 123456; refuses "-3", "3,555", "abc". */
export function parseEurosToCents(input: string): ParsedMoney {
  let text = input.trim();
  if (text === '') return { ok: false, code: 'EMPTY' };
  if (text.length > MAX_INPUT_LENGTH) return { ok: false, code: 'INVALID' };
  text = text.replace(/€|eur(os?)?$/i, '').replace(SPACES, '');
  const negative = /^[-\u2212]/.test(text);
  if (negative) text = text.slice(1);
  const match = AMOUNT.exec(text);
  if (!match) return { ok: false, code: 'INVALID' };
  const [, whole, fraction = ''] = match;
  if (fraction.length > 2 && /[1-9]/.test(fraction.slice(2))) return { ok: false, code: 'TOO_PRECISE' };
  const cents = BigInt(whole) * BigInt(100) + BigInt(fraction.slice(0, 2).padEnd(2, '0'));
  if (negative && cents > BigInt(0)) return { ok: false, code: 'NEGATIVE' };
  if (cents > BigInt(MAX_CENTS)) return { ok: false, code: 'TOO_LARGE' };
  return { ok: true, cents: Number(cents) };
}
