// The funding periods: everyone sees the list; a treasurer also gets the form for a new one.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { can } from '@/lib/auth/permissions';
import { listPeriods } from '@/lib/periods/periods';
import { periodFormOptions } from '@/lib/periods/form-options';
import { formatCalendarDate } from '@/lib/format/date';
import { formatCents } from '@/lib/format/money';
import { PageTitle, Section } from '@/components/ui/primitives';
import { PeriodForm } from '@/components/periods/period-form';
import { PeriodStatusBadge } from '@/components/periods/status-badge';
import { OverTimeCharts } from '@/components/periods/over-time-charts';
import { savePeriodAction } from './actions';
import { asLocale } from '@/lib/i18n/locales';

export default async function PeriodsPage({ searchParams }: { searchParams: Promise<{ cursor?: string }> }) {
  const actor = await requireActor();
  const t = await getTranslations('periods');
  const locale = asLocale(await getLocale());
  const { cursor } = await searchParams;
  const list = await listPeriods({ actor, limit: 50, cursor: cursor || undefined }).catch(() =>
    listPeriods({ actor, limit: 50 }),
  );
  const manages = can(actor, 'periods.manage');
  const options = manages ? await periodFormOptions() : null;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p className="mb-6 text-slate-700">{t('intro')}</p>
      <div className="flex flex-col gap-6">
        <OverTimeCharts />
        <Section title={t('title')}>
          {list.items.length === 0 ? <p className="text-slate-700">{t('empty')}</p> : null}
          <ul className="divide-y divide-slate-200" data-testid="period-list">
            {list.items.map((period) => (
              <li key={period.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                <div>
                  <Link
                    href={`/periods/${period.id}`}
                    className="inline-flex min-h-11 items-center font-medium text-brand-700 underline"
                  >
                    {period.name}
                  </Link>
                  <p className="text-sm text-slate-700">
                    {t('dates', {
                      start: formatCalendarDate(period.startDate, locale),
                      end: formatCalendarDate(period.endDate, locale),
                    })}{' '}
                    · {t('perHour', { amount: formatCents(period.defaultRateCents, locale) })}
                  </p>
                </div>
                <PeriodStatusBadge status={period.status} label={t(`status.${period.status}`)} />
              </li>
            ))}
          </ul>
          <div className="mt-2 flex flex-wrap gap-4 text-sm">
            {cursor ? (
              <Link href="/periods" className="inline-flex min-h-11 items-center text-brand-700 underline">
                {t('newest')}
              </Link>
            ) : null}
            {list.nextCursor ? (
              <Link
                href={`/periods?cursor=${encodeURIComponent(list.nextCursor)}`}
                className="inline-flex min-h-11 items-center text-brand-700 underline"
              >
                {t('older')}
              </Link>
            ) : null}
          </div>
        </Section>
        {options ? (
          <Section title={t('new')}>
            <PeriodForm action={savePeriodAction} chantiers={options.chantiers} people={options.people} />
          </Section>
        ) : null}
      </div>
    </>
  );
}
