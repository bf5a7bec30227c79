// Déclarer offers two things: hours (a contribution) or money (a claim). Two links shown as tabs
// at the top of both forms, the current one marked for screen readers (aria-current).
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

export async function DeclareTabs({ current }: { current: 'hours' | 'claim' }) {
  const t = await getTranslations('claimsUi.tabs');
  const tab = (href: string, key: 'hours' | 'claim') => (
    <Link
      href={href}
      aria-current={current === key ? 'page' : undefined}
      className={`inline-flex min-h-11 flex-1 items-center justify-center rounded-md px-4 text-sm font-medium sm:flex-none ${
        current === key ? 'bg-brand-700 text-white' : 'text-slate-800 hover:bg-slate-100'
      }`}
    >
      {t(key)}
    </Link>
  );
  return (
    <nav aria-label={t('label')} className="mb-4 flex gap-1 rounded-lg border border-slate-300 bg-white p-1">
      {tab('/contributions/new', 'hours')}
      {tab('/claims/new', 'claim')}
    </nav>
  );
}
