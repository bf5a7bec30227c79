'use client';
// The signed-in menu: a row of links on a desktop, a folding menu on a phone. The current page's
// entry carries aria-current="page" (and shows it); the phone menu is a <details>, so it opens
// without JavaScript and says whether it is open, and with JavaScript it also closes on Escape
// and once a page is chosen, instead of pushing the new page down.
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useRef, type ReactNode } from 'react';
import { currentHref } from '@/components/layout/current-href';

export type MenuLink = { href: string; label: string };

function Links({
  links,
  current,
  testId,
  vertical,
}: {
  links: MenuLink[];
  current?: string;
  testId: string;
  vertical?: boolean;
}) {
  return (
    <ul className={vertical ? 'flex flex-col' : 'hidden flex-wrap gap-1 sm:flex'} data-testid={testId}>
      {links.map((link) => {
        const isCurrent = link.href === current;
        return (
          <li key={link.href}>
            <Link
              href={link.href}
              aria-current={isCurrent ? 'page' : undefined}
              className={`flex min-h-11 items-center rounded-md border-b-4 px-3 text-sm font-medium text-slate-800 hover:bg-brand-50 ${
                isCurrent
                  ? 'border-brand-700 bg-brand-50 font-semibold text-brand-800'
                  : // Forced colours paint every border, transparent ones too: only the current entry keeps its bar.
                    'border-transparent forced-colors:border-b-0 forced-colors:pb-1'
              }`}
            >
              {link.label}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}

/** The desktop row of links (hidden on a phone). */
export function DesktopMenu({ links }: { links: MenuLink[] }) {
  const pathname = usePathname();
  return <Links links={links} current={currentHref(pathname, links)} testId="nav" />;
}

/** The phone menu (hidden on a desktop), with what else the header holds on a desktop. */
export function PhoneMenu({ links, label, extra }: { links: MenuLink[]; label: string; extra?: ReactNode }) {
  const pathname = usePathname();
  const details = useRef<HTMLDetailsElement>(null);
  // A page was chosen (or the person navigated otherwise): fold the menu.
  useEffect(() => {
    if (details.current) details.current.open = false;
  }, [pathname]);
  // Escape folds the open menu and puts focus back on its button.
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      const menu = details.current;
      if (event.key !== 'Escape' || !menu?.open) return;
      menu.open = false;
      menu.querySelector('summary')?.focus();
    }
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);
  return (
    <details ref={details} className="group sm:hidden">
      <summary className="flex min-h-11 cursor-pointer list-none items-center gap-2 rounded-md border border-slate-500 px-3 text-sm font-medium [&::-webkit-details-marker]:hidden">
        <span aria-hidden className="inline-block transition-transform group-open:rotate-90">
          ▸
        </span>
        {label}
      </summary>
      <div className="absolute inset-x-0 top-full z-40 max-h-[calc(100vh-4rem)] overflow-y-auto border-b border-slate-300 bg-white px-2 pb-2 shadow-lg">
        <Links links={links} current={currentHref(pathname, links)} testId="nav-mobile" vertical />
        {extra ? (
          <div className="mt-2 flex flex-wrap items-center gap-1 border-t border-slate-200 pt-2">{extra}</div>
        ) : null}
      </div>
    </details>
  );
}
