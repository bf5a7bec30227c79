// The reasons of a refused import said in words: French on the page, English in the API.
import { formatCalendarDate } from '@/lib/format/date';
import { type Locale } from '@/lib/i18n/locale';
import { translateKey } from '@/lib/i18n/translator';
import { DATE_PARAMS, type Reason, type RefusedRow } from '@/lib/import/reasons';

/** One reason in the reader's language; dates as they read them, or ISO for the API. */
export function describeReason(reason: Reason, locale: Locale, options: { isoDates?: boolean } = {}): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(reason.params ?? {})) {
    params[name] =
      DATE_PARAMS.has(name) && typeof value === 'string' && !options.isoDates
        ? formatCalendarDate(value, locale)
        : value;
  }
  return translateKey(locale, `import.reason.${reason.code}`, params);
}

export type RefusedRowOut = { line: number | null; reasons: (Reason & { message: string })[] };

/** Refused rows with each reason's message beside its code and parameters. */
export function describeRefused(
  refused: readonly RefusedRow[],
  locale: Locale,
  options: { isoDates?: boolean } = {},
): RefusedRowOut[] {
  return refused.map((row) => ({
    line: row.line,
    reasons: row.reasons.map((reason) => ({ ...reason, message: describeReason(reason, locale, options) })),
  }));
}
