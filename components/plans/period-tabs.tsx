// The views of one period, as tabs above its pages: the period itself, its Prévisionnel and its
// Tableau de bord. Links (each view is a page of its own), the current one marked for screen readers.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';

const VIEWS = [
  { key: 'period', path: '' },
  { key: 'plan', path: '/plan' },
  { key: 'dashboard', path: '/dashboard' },
] as const;

export async function PeriodTabs({ periodId, current }: { periodId: string; current: (typeof VIEWS)[number]['key'] }) {
  const t = await getTranslations('plans.tabs');
  return (
    <nav aria-label={t('label')} className="mb-6 border-b border-slate-300">
      <ul className="flex flex-wrap gap-x-1">
        {VIEWS.map((view) => {
          const active = view.key === current;
          return (
            <li key={view.key}>
              <Link
                href={`/periods/${periodId}${view.path}`}
                aria-current={active ? 'page' : undefined}
                className={`inline-flex min-h-11 items-center border-b-4 px-3 py-2 font-medium ${
                  active ? 'border-brand-700 text-slate-900' : 'border-transparent text-brand-700 underline'
                }`}
              >
                {t(view.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
