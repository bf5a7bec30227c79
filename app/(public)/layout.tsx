// Pages for people who are not signed in: sign-in, invitation, password reset, first run.
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import { LocaleSwitch } from '@/components/layout/locale-switch';

export const dynamic = 'force-dynamic';

export default async function PublicLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations('app');
  return (
    <div className="flex min-h-screen flex-col">
      <header className="flex items-center justify-between px-4 py-3">
        <span className="text-lg font-bold text-brand-800">{t('name')}</span>
        <LocaleSwitch />
      </header>
      <main id="main" className="mx-auto w-full max-w-md flex-1 px-4 py-8">
        {children}
      </main>
    </div>
  );
}
