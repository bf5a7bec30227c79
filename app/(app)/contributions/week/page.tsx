// Ma semaine: the weekly timesheet at /contributions/week?start=YYYY-MM-DD. Any date opens the
// week holding it (the URL is then rewritten to its Monday); without one, the current week in the
// collective's time zone. Previous and next weeks are plain links.
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { contributionFormOptions } from '@/lib/contributions/server/form-data';
import { loadWeek } from '@/lib/contributions/server/week';
import { addDays, weekStartFromParam, weekStartOf } from '@/lib/contributions/week-dates';
import { formatCalendarDate } from '@/lib/format/date';
import { PageTitle } from '@/components/ui/primitives';
import { WeekTimesheet } from '@/components/contributions/week-timesheet';
import { saveWeekAction } from './actions';
import { asLocale } from '@/lib/i18n/locales';

const linkClass =
  'inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 text-sm font-medium hover:bg-slate-50';

/** What a save made without JavaScript did (actions.ts redirects here with it). */
const OUTCOMES = ['saved', 'submitted', 'unchanged', 'refused'] as const;

export default async function WeekPage({
  searchParams,
}: {
  searchParams: Promise<{ start?: string; outcome?: string; count?: string }>;
}) {
  const actor = await requireActor();
  const t = await getTranslations('week');
  const locale = asLocale(await getLocale());
  const { start, outcome: rawOutcome, count: rawCount } = await searchParams;
  const outcome = OUTCOMES.find((known) => known === rawOutcome);
  const count = Math.min(Math.max(Number.parseInt(rawCount ?? '0', 10) || 0, 0), 1000);
  const options = await contributionFormOptions();
  const weekStart = weekStartFromParam(start, options.today);
  if (start !== undefined && start !== weekStart) redirect(`/contributions/week?start=${weekStart}`);
  const week = await loadWeek({ actor, weekStart });
  const href = (monday: string) => `/contributions/week?start=${monday}`;
  const thisWeek = weekStartOf(options.today);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <nav aria-label={t('title')} className="mb-4 flex flex-wrap items-center gap-2">
        <Link href={href(addDays(weekStart, -7))} className={linkClass} rel="prev">
          <span aria-hidden="true">←&nbsp;</span>
          {t('previous')}
        </Link>
        {weekStart !== thisWeek ? (
          <Link href={href(thisWeek)} className={linkClass}>
            {t('thisWeek')}
          </Link>
        ) : null}
        <Link href={href(addDays(weekStart, 7))} className={linkClass} rel="next">
          {t('next')}
          <span aria-hidden="true">&nbsp;→</span>
        </Link>
      </nav>
      <p className="mb-1 text-lg font-medium text-slate-900" data-testid="week-range">
        {t('range', {
          from: formatCalendarDate(weekStart, locale),
          to: formatCalendarDate(addDays(weekStart, 6), locale),
        })}
      </p>
      <p className="mb-1 text-slate-700">{t('intro')}</p>
      <p className="mb-4 text-sm text-slate-600">{t('help')}</p>
      {outcome ? (
        <p
          role="status"
          className={`mb-4 rounded-md border px-4 py-3 text-sm ${outcome === 'refused' ? 'border-red-700 bg-red-50 text-red-900' : 'border-emerald-700 bg-emerald-50 text-emerald-900'}`}
          data-testid="week-outcome"
        >
          {outcome === 'saved'
            ? t('saved')
            : outcome === 'submitted'
              ? t('savedSubmitted', { count })
              : outcome === 'unchanged'
                ? t('nothingChanged')
                : t('outcomeRefused', { count })}
        </p>
      ) : null}
      <WeekTimesheet
        action={saveWeekAction}
        week={week}
        chantiers={options.chantiers}
        places={options.places}
        today={options.today}
      />
    </>
  );
}
