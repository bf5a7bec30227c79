// The checks of a payout profile's identifiers, as plain functions: IBAN and BIC (by ibantools,
// which knows every country's IBAN length and layout), SIRET (Luhn, with La Poste's exception) and
// French postal codes. No I/O; the zod schemas and the treasury screens build on these.
import { electronicFormatIBAN, friendlyFormatIBAN, isSEPACountry, isValidBIC, isValidIBAN } from 'ibantools';

/** "fr76 3000-6000…" → "FR763000…": what is stored. Null for an empty input. */
export function normaliseIban(raw: string | null | undefined): string | null {
  const electronic = electronicFormatIBAN(raw ?? '');
  return electronic ? electronic : null;
}

export function isValidIban(raw: string | null | undefined): boolean {
  const iban = normaliseIban(raw);
  return iban !== null && isValidIBAN(iban);
}

/** SEPA credit transfers only reach IBANs of the SEPA zone. */
export function isSepaIban(raw: string | null | undefined): boolean {
  const iban = normaliseIban(raw);
  return iban !== null && isValidIBAN(iban) && isSEPACountry(iban.slice(0, 2));
}

/** Grouped by 4, as printed on a bank's RIB: "FR76 3000 6000 0112 3456 7890 189". */
export function formatIban(iban: string): string {
  const electronic = normaliseIban(iban);
  return electronic ? (friendlyFormatIBAN(electronic, ' ') ?? electronic) : '';
}

/**
 * What may be shown where the full IBAN must not be (lists, the audit log, emails): the country
 * and check digits, and the last four characters — "FR76 •••• •••• 0189". The middle is a fixed
 * width, so the mask does not even tell the length.
 */
export function maskIban(iban: string | null | undefined): string | null {
  const electronic = normaliseIban(iban);
  if (!electronic) return null;
  if (electronic.length < 12) return '••••';
  return `${electronic.slice(0, 4)} •••• •••• ${electronic.slice(-4)}`;
}

/** BICs are 8 or 11 characters, upper case, without spaces. Null for an empty input. */
export function normaliseBic(raw: string | null | undefined): string | null {
  const bic = (raw ?? '').replace(/\s+/g, '').toUpperCase();
  return bic ? bic : null;
}

export function isValidBic(raw: string | null | undefined): boolean {
  const bic = normaliseBic(raw);
  return bic !== null && isValidBIC(bic);
}

/** SIRETs are often written "123 456 789 00012" or with dots: keep the digits' order, drop the rest. */
export function normaliseSiret(raw: string | null | undefined): string | null {
  const siret = (raw ?? '').replace(/[\s.\-]+/g, '');
  return siret ? siret : null;
}

/** The Luhn checksum: from the right, every second digit doubled (minus 9 past 9); the sum ends in 0. */
export function luhnValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let sum = 0;
  for (let index = 0; index < digits.length; index++) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

/** La Poste's establishments share one SIREN and too many of them for Luhn's keys. */
export const LA_POSTE_SIREN = '356000000';

export type SiretProblem = 'LENGTH' | 'CHECKSUM';

/**
 * Why a SIRET is wrong, or null when it is right. A SIRET is 14 digits: the SIREN (9, with its
 * own Luhn key) and the establishment's number (5), the whole 14 being Luhn-valid. La Poste's
 * establishments (SIREN 356000000) are keyed instead so that the sum of the 14 digits is a
 * multiple of 5; its head office (35600000000048) keeps a Luhn key, hence either is accepted there.
 */
export function siretProblem(raw: string | null | undefined): SiretProblem | null {
  const siret = normaliseSiret(raw) ?? '';
  if (!/^\d{14}$/.test(siret)) return 'LENGTH';
  if (siret.startsWith(LA_POSTE_SIREN)) {
    const digitSum = [...siret].reduce((sum, digit) => sum + Number(digit), 0);
    return digitSum % 5 === 0 || luhnValid(siret) ? null : 'CHECKSUM';
  }
  return luhnValid(siret.slice(0, 9)) && luhnValid(siret) ? null : 'CHECKSUM';
}

export function isValidSiret(raw: string | null | undefined): boolean {
  return siretProblem(raw) === null;
}

/** "123 456 789 00012": how a SIRET is printed. */
export function formatSiret(siret: string): string {
  const digits = normaliseSiret(siret) ?? '';
  return /^\d{14}$/.test(digits)
    ? `${digits.slice(0, 3)} ${digits.slice(3, 6)} ${digits.slice(6, 9)} ${digits.slice(9)}`
    : digits;
}

/** ISO 3166-1 alpha-2, upper case. */
export function normaliseCountry(raw: string | null | undefined): string {
  return (raw ?? '').trim().toUpperCase();
}

export function isValidCountry(raw: string | null | undefined): boolean {
  return /^[A-Z]{2}$/.test(normaliseCountry(raw));
}

/**
 * A French postal code is five digits (overseas ones too: 971xx…, 988xx); "00…" does not exist.
 * Other countries' codes are too varied to check beyond their length.
 */
export function isValidPostalCode(postalCode: string, country: string): boolean {
  const code = postalCode.trim();
  if (normaliseCountry(country) === 'FR') return /^(?!00)\d{5}$/.test(code);
  return code.length > 0 && code.length <= 16;
}
