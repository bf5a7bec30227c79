// next-intl's per-request configuration: the locale from the cookie, French by default, and the
// messages precompiled (see lib/i18n/precompiled.ts).
import { getRequestConfig } from 'next-intl/server';
import { cookies } from 'next/headers';
import { asLocale, LOCALE_COOKIE } from '@/lib/i18n/locale';
import { precompiledMessagesFor } from '@/lib/i18n/precompiled';

export default getRequestConfig(async () => {
  const locale = asLocale((await cookies()).get(LOCALE_COOKIE)?.value);
  return { locale, messages: precompiledMessagesFor(locale), timeZone: process.env.BUTIN_TIME_ZONE ?? 'Europe/Paris' };
});
