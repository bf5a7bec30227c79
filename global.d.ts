// next-intl's types for this app: its two locales, and the messages as French has them, so a key
// that does not exist fails `npm run typecheck` (useTranslations, getTranslations and the server
// translator of lib/i18n/translator.ts alike).
import type { Locale } from '@/lib/i18n/locales';
import type { Messages } from '@/lib/i18n/locale';

declare module 'next-intl' {
  interface AppConfig {
    Locale: Locale;
    Messages: Messages;
  }
}
