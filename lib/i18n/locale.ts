// The two languages of the UI, French first. The choice is a cookie, so it needs no URL prefix.
import fr from '@/messages/fr.json';
import en from '@/messages/en.json';

export const LOCALES = ['fr', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'fr';
export const LOCALE_COOKIE = 'butin-locale';

const MESSAGES = { fr, en } as const;

export function asLocale(value: string | undefined | null): Locale {
  return value === 'en' ? 'en' : DEFAULT_LOCALE;
}

export function messagesFor(locale: Locale) {
  return MESSAGES[locale];
}

/**
 * Translates a message key ("errors.FORBIDDEN", "validation.email") outside React, for server
 * actions and the API; a string that is not a known key is returned unchanged.
 */
export function translate(locale: Locale, key: string, values: Record<string, string | number> = {}): string {
  let node: unknown = MESSAGES[locale];
  for (const part of key.split('.')) {
    node = node && typeof node === 'object' ? (node as Record<string, unknown>)[part] : undefined;
  }
  if (typeof node !== 'string') return key;
  return node.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
