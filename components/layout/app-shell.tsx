// The signed-in frame: the collective's name, the person's navigation, language and sign-out.
// On a phone the header is one line and the navigation folds into a menu (nav-menu.tsx) that also
// holds the language and sign-out buttons.
import Link from 'next/link';
import type { ReactNode } from 'react';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/permissions';
import { navigationFor } from '@/components/layout/navigation';
import { DesktopMenu, PhoneMenu } from '@/components/layout/nav-menu';
import { RouteFocus } from '@/components/layout/route-focus';
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
  const links = navigationFor(actor).map((item) => ({ href: item.href, label: t(`nav.${item.labelKey}`) }));
  return (
    <div className="flex min-h-screen flex-col">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
      >
        {t('app.skipToContent')}
      </a>
      <header className="relative border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-6xl items-center justify-between gap-2 px-4 py-1 sm:flex-wrap sm:py-2">
          <Link href="/" className="flex min-h-11 min-w-0 items-center gap-2">
            <span className="text-lg font-bold text-brand-800">{t('app.name')}</span>
            <span className="truncate text-sm text-slate-600" data-testid="collective-name">
              {collective}
            </span>
          </Link>
          <div className="hidden items-center gap-1 sm:flex">
            <span className="text-sm text-slate-600">{t('app.signedInAs', { name: actor.name })}</span>
            <LocaleSwitch />
            <SignOutButton />
          </div>
          <nav aria-label={t('app.menu')} className="sm:hidden">
            <PhoneMenu
              links={links}
              label={t('app.menu')}
              extra={
                <>
                  <span className="w-full px-3 text-sm text-slate-600">
                    {t('app.signedInAs', { name: actor.name })}
                  </span>
                  <LocaleSwitch />
                  <SignOutButton />
                </>
              }
            />
          </nav>
        </div>
        <nav aria-label={t('app.menu')} className="mx-auto hidden max-w-6xl px-2 pb-2 sm:block">
          <DesktopMenu links={links} />
        </nav>
      </header>
      <RouteFocus />
      <main id="main" className="mx-auto w-full min-w-0 max-w-6xl flex-1 px-4 py-6">
        {children}
      </main>
    </div>
  );
}
