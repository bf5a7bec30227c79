// Durations as people type them ("1h30", "45 min", "1,5") turned into whole minutes, and back.
//
// Choices worth knowing:
// - A bare number is hours ("2" → 120), as people think of a morning of work in hours.
// - Decimal hours are rounded half-up to the nearest minute ("1.01" → 61): refusing "1,33" would
//   surprise more than the 12 seconds it loses. The arithmetic is exact (BigInt), so the
//   rounding never depends on floating point.
// - In "1h30" and "1:30" the minutes must be below 60 ("1:75" is refused as a likely typo);
//   a minutes-only input may be as large as it likes ("90min").
// - "1:5" is refused: it could mean 1:05 or 1:50.
// - A leading minus on an otherwise valid duration is NEGATIVE, so the form can say why.

export const MAX_CONTRIBUTION_MINUTES = 24 * 60;

export type DurationErrorCode = 'EMPTY' | 'INVALID' | 'ZERO' | 'NEGATIVE' | 'TOO_LONG';

export type ParsedDuration = { ok: true; minutes: number } | { ok: false; code: DurationErrorCode };

export type DurationLocale = 'fr' | 'en';

const HOUR_UNIT = '(?:hours?|heures?|hrs?|h)';
const MINUTE_UNIT = '(?:minutes?|mins?|mn|m)';
const CLOCK = /^(\d+):(\d{2})$/;
const HOURS_THEN_MINUTES = new RegExp(`^(\\d+) ?${HOUR_UNIT}(?: ?(\\d{1,2}) ?${MINUTE_UNIT}?)?$`);
const MINUTES_ONLY = new RegExp(`^(\\d+) ?${MINUTE_UNIT}$`);
const DECIMAL_HOURS = new RegExp(`^(\\d*)(?:[.,](\\d+))? ?${HOUR_UNIT}?$`);
const LEADING_MINUS = /^[-\u2212] ?/;
// Nobody types a duration this long; the cap keeps BigInt work on hostile input small.
const MAX_INPUT_LENGTH = 40;

const SIXTY = BigInt(60);
const TWO = BigInt(2);

export function parseDuration(input: string): ParsedDuration {
  const normalized = input.trim().toLowerCase().replace(/\s+/g, ' ');
  if (normalized === '') return { ok: false, code: 'EMPTY' };
  if (normalized.length > MAX_INPUT_LENGTH) return { ok: false, code: 'INVALID' };

  const negative = LEADING_MINUS.test(normalized);
  const minutes = parseMagnitude(negative ? normalized.replace(LEADING_MINUS, '') : normalized);
  if (minutes === null) return { ok: false, code: 'INVALID' };
  if (minutes === BigInt(0)) return { ok: false, code: 'ZERO' };
  if (negative) return { ok: false, code: 'NEGATIVE' };
  if (minutes > BigInt(MAX_CONTRIBUTION_MINUTES)) return { ok: false, code: 'TOO_LONG' };
  return { ok: true, minutes: Number(minutes) };
}

/** Minutes for a normalized, unsigned input, or null when it is not a duration. */
function parseMagnitude(text: string): bigint | null {
  const hoursAndMinutes = CLOCK.exec(text) ?? HOURS_THEN_MINUTES.exec(text);
  if (hoursAndMinutes) {
    const [, hours = '0', minutes = '0'] = hoursAndMinutes;
    const minutesPart = BigInt(minutes);
    if (minutesPart >= SIXTY) return null;
    return BigInt(hours) * SIXTY + minutesPart;
  }

  const minutesOnly = MINUTES_ONLY.exec(text);
  if (minutesOnly) return BigInt(minutesOnly[1] ?? '0');

  const decimal = DECIMAL_HOURS.exec(text);
  if (decimal) {
    const [, whole = '', fraction = ''] = decimal;
    if (whole === '' && fraction === '') return null;
    return BigInt(whole || '0') * SIXTY + roundedFractionMinutes(fraction);
  }
  return null;
}

/** Minutes in 0.<fraction> hours, rounded half-up: floor(f·60/10^d + 1/2), in integers. */
function roundedFractionMinutes(fraction: string): bigint {
  if (fraction === '') return BigInt(0);
  const numerator = BigInt(fraction);
  const denominator = BigInt(10) ** BigInt(fraction.length);
  return (TWO * numerator * SIXTY + denominator) / (TWO * denominator);
}

function assertWholeMinutes(minutes: number): void {
  if (!Number.isSafeInteger(minutes) || minutes < 0) {
    throw new RangeError(`A duration is a whole, non-negative number of minutes, got ${minutes}`);
  }
}

/**
 * Duration for people to read: fr "1 h 30", "1 h", "45 min"; en "1 h 30 min", "1 h", "45 min".
 * Not capped at 24 h, so it also serves totals. Plain spaces, so that what is shown can be
 * pasted back into a duration field.
 */
export function formatDuration(minutes: number, locale: DurationLocale = 'fr'): string {
  assertWholeMinutes(minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest} min`;
  if (rest === 0) return `${hours} h`;
  return locale === 'fr' ? `${hours} h ${twoDigits(rest)}` : `${hours} h ${rest} min`;
}

/** The compact form a duration field is pre-filled with: "1h30", "2h", "45min". */
export function formatDurationInput(minutes: number): string {
  assertWholeMinutes(minutes);
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (hours === 0) return `${rest}min`;
  if (rest === 0) return `${hours}h`;
  return `${hours}h${twoDigits(rest)}`;
}

function twoDigits(value: number): string {
  return String(value).padStart(2, '0');
}
