// next-intl's per-request configuration: the locale from the cookie, French by default.
import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { asLocale, LOCALE_COOKIE, messagesFor } from '@/lib/i18n/locale';

export default getRequestConfig(async () => {
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: messagesFor(locale), timeZone: process.env.BUTIN_TIME_ZONE ?? 'Europe/Paris' };
});
