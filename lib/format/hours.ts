// A number of hours as a treasurer types a cap ("120", "7,5", "7h30") parsed into whole minutes,
// exactly, and shown back for editing. Durations for reading: `formatDuration` in lib/contributions/duration.ts.

/** Minutes as the decimal hours a form shows for editing: 450 → "7,5" (fr) or "7.5" (en). */
export function minutesToHoursInput(minutes: number, locale: 'fr' | 'en' = 'fr'): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  if (rest === 0) return String(hours);
  const text = `${hours}h${String(rest).padStart(2, '0')}`;
  // Decimal hours when they are short and exact (30 min → ,5; 15 → ,25), else "7h20".
  const decimal = { 15: '25', 30: '5', 45: '75' }[rest];
  return decimal ? `${hours}${locale === 'fr' ? ',' : '.'}${decimal}` : text;
}

export type HoursErrorCode = 'EMPTY' | 'INVALID' | 'NEGATIVE' | 'NOT_WHOLE_MINUTES' | 'TOO_LARGE';
export type ParsedHours = { ok: true; minutes: number } | { ok: false; code: HoursErrorCode };

/** More hours than anyone works in a period; keeps the number small and the BigInt work short. */
export const MAX_HOURS = 100_000;

const DECIMAL = /^(\d+)(?:[.,](\d+))?(?:h|heures?|hours?)?$/;
const HOURS_MINUTES = /^(\d+)h(\d{1,2})(?:min)?$/;

/** "120" → 7200, "7,5" → 450, "7h30" → 450; refuses "-1", "7,333" (not a whole minute), "abc". */
export function parseHoursToMinutes(input: string): ParsedHours {
  let text = input.trim().toLowerCase().replace(/\s+/g, '');
  if (text === '') return { ok: false, code: 'EMPTY' };
  if (text.length > 20) return { ok: false, code: 'INVALID' };
  const negative = /^[-\u2212]/.test(text);
  if (negative) text = text.slice(1);
  let minutes: bigint;
  const clock = HOURS_MINUTES.exec(text);
  const decimal = clock ? null : DECIMAL.exec(text);
  if (clock) {
    if (Number(clock[2]) >= 60) return { ok: false, code: 'INVALID' };
    minutes = BigInt(clock[1]) * BigInt(60) + BigInt(clock[2]);
  } else if (decimal) {
    const fraction = decimal[2] ?? '';
    const scale = BigInt(10) ** BigInt(fraction.length);
    const scaledMinutes = (BigInt(decimal[1]) * scale + BigInt(fraction || '0')) * BigInt(60);
    if (scaledMinutes % scale !== BigInt(0)) return { ok: false, code: 'NOT_WHOLE_MINUTES' };
    minutes = scaledMinutes / scale;
  } else {
    return { ok: false, code: 'INVALID' };
  }
  if (negative && minutes > BigInt(0)) return { ok: false, code: 'NEGATIVE' };
  if (minutes > BigInt(MAX_HOURS * 60)) return { ok: false, code: 'TOO_LARGE' };
  return { ok: true, minutes: Number(minutes) };
}
