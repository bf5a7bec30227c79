// The two languages of the UI, French first, and how any value becomes one of them. No messages
// here, so client components may import it without taking the message files into their bundle.

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
export const LOCALE_COOKIE = 'butin-locale';

/** English when asked for, French otherwise (unknown, empty or missing). */
export function asLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : DEFAULT_LOCALE;
}
