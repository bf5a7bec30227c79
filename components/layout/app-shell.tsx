// The signed-in frame: the collective's name, the person's navigation, language and sign-out.
// On a phone the navigation folds into a <details> menu, which needs no JavaScript.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/permissions';
import { navigationFor } from '@/components/layout/navigation';
import { LocaleSwitch } from '@/components/layout/locale-switch';
import { SignOutButton } from '@/components/layout/sign-out-button';

export async function AppShell({
  actor,
  collective,
  children,
}: {
  actor: Actor;
  collective: string;
  children: ReactNode;
}) {
  const t = await getTranslations();
  const items = navigationFor(actor);
  const links = items.map((item) => (
    <li key={item.href}>
      <Link
        href={item.href}
        className="flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-slate-800 hover:bg-brand-50"
      >
        {t(`nav.${item.labelKey}`)}
      </Link>
    </li>
  ));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t('app.skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-2">
          <Link href="/" className="flex min-h-11 items-center gap-2">
            <span className="text-lg font-bold text-brand-800">{t('app.name')}</span>
            <span className="text-sm text-slate-600" data-testid="collective-name">
              {collective}
            </span>
          </Link>
          <div className="flex items-center gap-1">
            <span className="hidden text-sm text-slate-600 sm:inline">{t('app.signedInAs', { name: actor.name })}</span>
            <LocaleSwitch />
            <SignOutButton />
          </div>
        </div>
        <nav aria-label={t('app.menu')} className="mx-auto max-w-6xl px-2 pb-2">
          <details className="sm:hidden">
            <summary className="flex min-h-11 cursor-pointer items-center px-2 text-sm font-medium">
              {t('app.menu')}
            </summary>
            <ul className="flex flex-col" data-testid="nav-mobile">
              {links}
            </ul>
          </details>
          <ul className="hidden flex-wrap gap-1 sm:flex" data-testid="nav">
            {links}
          </ul>
        </nav>
      </header>
      <main id="main" className="mx-auto w-full max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
