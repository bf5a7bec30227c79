// A one-button form that switches between French and English; works without JavaScript.
import { getLocale, getTranslations } from 'next-intl/server';
import { switchLocale } from '@/lib/i18n/locale-actions';

export async function LocaleSwitch() {
  const locale = await getLocale();
  const t = await getTranslations('app');
  return (
    <form action={switchLocale}>
      <input type="hidden" name="locale" value={locale === 'fr' ? 'en' : 'fr'} />
      <button
        type="submit"
        className="min-h-11 rounded-md px-3 text-sm underline-offset-2 hover:underline"
        lang={locale === 'fr' ? 'en' : 'fr'}
      >
        {t('switchTo')}
      </button>
    </form>
  );
}
