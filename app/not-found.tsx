import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { pageTitle } from '@/components/layout/page-title';

export const generateMetadata = pageTitle('notFound');

export default async function NotFound() {
  const t = await getTranslations();
  return (
    <main id="main" className="mx-auto max-w-md px-4 py-16 text-center">
      <h1 className="mb-4 text-2xl font-bold">{t('titles.notFound')}</h1>
      <Link href="/" className="text-brand-700 underline">
        {t('nav.home')}
      </Link>
    </main>
  );
}
