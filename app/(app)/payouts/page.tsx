// Ma rétribution: for each period that has begun (or already pays me), newest first, my own lines in words (the
// preview while the period is open, the frozen run once closed), what they are made of when claims
// are part of them (hours, expenses, fees, in-kind) and, with transparency on,
// everyone's totals for the period.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { getSettings } from '@/lib/settings/settings';
import { listPeriods } from '@/lib/periods/periods';
import { getPayouts } from '@/lib/periods/get-payouts';
import { loadNames } from '@/lib/periods/names';
import { formatCalendarDate } from '@/lib/format/date';
import { formatCents } from '@/lib/format/money';
import { PageTitle, Section } from '@/components/ui/primitives';
import { PayoutLines, PeopleTotals } from '@/components/periods/payouts-view';
import { PeriodStatusBadge } from '@/components/periods/status-badge';
import { MyPaymentStatus } from '@/components/treasury/my-payment-status';
import { todayIn } from '@/lib/contributions/server/periods';
import { asLocale } from '@/lib/i18n/locales';
import { PayoutParts } from '@/components/claims/payout-parts';

/** How many periods the page goes back; older ones stay readable from each period's page. */
const PERIODS_SHOWN = 12;

export default async function MyPayoutsPage() {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const [settings, names, list] = await Promise.all([
    getSettings(),
    loadNames(),
    listPeriods({ actor, limit: PERIODS_SHOWN * 2 }),
  ]);
  const today = todayIn(settings.timeZone);
  // Periods that have begun, and any later one where I already have approved hours (rare: a later
  // period has nothing approved until its first day comes, so its preview costs next to nothing).
  const begun = list.items.filter((period) => period.startDate <= today).slice(0, PERIODS_SHOWN);
  const later = list.items.filter((period) => period.startDate > today);
  const candidates = await Promise.all(
    [...later, ...begun].map(async (period) => ({ period, result: await getPayouts({ actor, periodId: period.id }) })),
  );
  const shown = candidates.filter(
    ({ period, result }) => period.startDate <= today || result.lines.some((line) => line.personId === actor.id),
  );
  const periods = shown.map(({ period }) => period);
  const payouts = shown.map(({ result }) => result);
  const money = (cents: number) => formatCents(cents, locale);

  return (
    <>
      <PageTitle>{t('payouts.title')}</PageTitle>
      <p className="mb-6 text-slate-700">{t('payouts.intro')}</p>
      {periods.length === 0 ? <p className="text-slate-700">{t('payouts.noPeriods')}</p> : null}
      <div className="flex flex-col gap-6">
        {periods.map((period, index) => {
          const result = payouts[index];
          const mine = result.lines.filter((line) => line.personId === actor.id);
          const myTotal = mine.reduce((sum, line) => sum + line.amountCents, 0);
          return (
            <Section
              key={period.id}
              title={period.name}
              actions={<PeriodStatusBadge status={period.status} label={t(`periods.status.${period.status}`)} />}
            >
              <div className="flex flex-col gap-4" data-testid={`my-payout-${period.id}`}>
                <p className="text-sm text-slate-700">
                  {t('periods.dates', {
                    start: formatCalendarDate(period.startDate, locale),
                    end: formatCalendarDate(period.endDate, locale),
                  })}{' '}
                  · {result.frozen ? t('payouts.frozenNote') : t('payouts.previewNote')}
                </p>
                {mine.length === 0 ? (
                  <p className="text-slate-700">{t('payouts.mineNone')}</p>
                ) : (
                  <>
                    <p className="text-lg font-semibold text-slate-900" data-testid="my-total">
                      {t('payouts.mine', { amount: money(myTotal) })}
                    </p>
                    <PayoutParts lines={mine} />
                    {period.status !== 'OPEN' ? <MyPaymentStatus actor={actor} periodId={period.id} /> : null}
                    <PayoutLines lines={mine} names={names} showPerson={false} />
                  </>
                )}
                {result.scope === 'ALL' && result.people.length ? (
                  <details className="rounded-md border border-slate-200 p-3">
                    <summary className="min-h-11 cursor-pointer py-2 font-medium text-slate-900">
                      {t('payouts.everyone')}
                    </summary>
                    <div className="pt-2">
                      <PeopleTotals
                        payouts={result}
                        names={names}
                        label={`${t('payouts.everyone')} — ${period.name}`}
                      />
                    </div>
                  </details>
                ) : null}
                <p className="text-sm">
                  <Link
                    href={`/periods/${period.id}`}
                    className="inline-flex min-h-11 items-center text-brand-700 underline"
                  >
                    {t('payouts.seePeriod')}
                  </Link>
                </p>
              </div>
            </Section>
          );
        })}
      </div>
    </>
  );
}
