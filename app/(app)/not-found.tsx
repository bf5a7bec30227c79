// "Not found" inside the signed-in frame: the frame already holds the page's <main>, so this
// one is a plain block (a second <main> would be a landmark inside a landmark).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <div className="mx-auto max-w-md py-10 text-center">
      <title>{`${t('titles.notFound')} — Butin`}</title>
      <h1 className="mb-4 text-2xl font-bold">{t('errors.NOT_FOUND')}</h1>
      <Link href="/" className="text-brand-700 underline">
        {t('nav.home')}
      </Link>
    </div>
  );
}
