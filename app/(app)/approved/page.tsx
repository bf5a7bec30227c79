// Contributions validées: with transparency on, every approved contribution of the collective,
// with filters and hours per chantier; off, each person sees their own. Referents may un-approve
// (with a comment) while the period is open.
import 'server-only';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { ZContributionFilters } from '@/lib/contributions/inputs';
import { nextPageHref } from '@/lib/contributions/next-page';
import { listContributions, totalsByChantier } from '@/lib/contributions/server/queries';
import { listChantiers, listPlaces } from '@/lib/chantiers/chantiers';
import { listPeriodChoices } from '@/lib/periods/periods';
import { listPersonNames } from '@/lib/people/people';
import { getSettings } from '@/lib/settings/settings';
import { canReviewChantier } from '@/lib/contributions/policy';
import { formatDuration } from '@/lib/contributions/duration';
import { formatCalendarDate } from '@/lib/format/date';
import { currentPeriodId } from '@/lib/periods/current';
import { todayIn } from '@/lib/contributions/server/periods';
import { PageTitle, Section } from '@/components/ui/primitives';
import { ContributionFilterBar, NextPageLink } from '@/components/contributions/filters';
import { UnapproveAction } from '@/components/contributions/review-actions';
import { asLocale } from '@/lib/i18n/locales';

const ALL_PERIODS = 'all';

export default async function ApprovedPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const raw = await searchParams;
  const [settings, periods] = await Promise.all([getSettings(), listPeriodChoices({ actor })]);
  // Without a chosen period, the one under way: the whole history is one choice away ("all"), and
  // its totals, summed over every approved contribution ever, are not what most visits are for.
  const periodId =
    raw.periodId === ALL_PERIODS
      ? undefined
      : raw.periodId || (currentPeriodId(periods, todayIn(settings.timeZone)) ?? undefined);
  const parsed = ZContributionFilters.safeParse({
    periodId,
    chantierId: raw.chantierId || undefined,
    personId: raw.personId || undefined,
    placeId: raw.placeId || undefined,
    cursor: raw.cursor || undefined,
    limit: 50,
  });
  const filters = parsed.success ? parsed.data : ZContributionFilters.parse({});
  const [list, totals, chantiers, places, people] = await Promise.all([
    listContributions({ actor, filters, scope: 'approved' }),
    totalsByChantier({ actor, filters, scope: 'approved' }),
    listChantiers({ includeInactive: true }),
    listPlaces({ includeInactive: true }),
    listPersonNames({ actor }),
  ]);
  const openPeriods = new Set(periods.filter((period) => period.status === 'OPEN').map((period) => period.id));
  const chantierName = new Map(chantiers.map((chantier) => [chantier.id, chantier.name]));
  const nextHref = nextPageHref('/approved', raw, list.nextCursor);
  return (
    <>
      <PageTitle>{t('approvedList.title')}</PageTitle>
      <p className="mb-4 text-slate-700">
        {settings.transparency ? t('approvedList.intro') : t('approvedList.introOwn')}
      </p>
      <ContributionFilterBar
        periods={{ choices: periods, value: filters.periodId, allValue: ALL_PERIODS }}
        chantiers={{ choices: chantiers, value: filters.chantierId }}
        people={settings.transparency ? { choices: people, value: filters.personId } : undefined}
        places={{ choices: places, value: filters.placeId }}
      />
      <div className="mb-6">
        <Section title={t('approvedList.hoursPerChantier')}>
          <ul className="flex flex-col gap-1" data-testid="hours-per-chantier">
            {totals.map((total) => (
              <li key={total.chantierId} className="flex justify-between gap-4">
                <span>{chantierName.get(total.chantierId)}</span>
                <span className="font-medium tabular-nums">{formatDuration(total.minutes, locale)}</span>
              </li>
            ))}
          </ul>
        </Section>
      </div>
      {list.items.length === 0 ? <p className="text-slate-700">{t('approvedList.empty')}</p> : null}
      <ul className="flex flex-col gap-3" data-testid="approved-list">
        {list.items.map((item) => (
          <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
            <p className="font-medium">
              {item.personName} · {formatCalendarDate(item.date, locale)} · {formatDuration(item.minutes, locale)} ·{' '}
              {item.chantierName}
              {item.placeName ? ` · ${item.placeName}` : ''}
              {item.volunteer ? ` · ${t('mine.volunteer')}` : ''}
            </p>
            <p className="break-words text-slate-700">{item.description}</p>
            {openPeriods.has(item.periodId) &&
            item.personId !== actor.id &&
            canReviewChantier(actor, item.chantierId) ? (
              <div className="mt-2">
                <UnapproveAction
                  id={item.id}
                  version={item.version}
                  subject={`${item.personName}, ${formatCalendarDate(item.date, locale)}, ${formatDuration(item.minutes, locale)}`}
                />
              </div>
            ) : null}
          </li>
        ))}
      </ul>
      <NextPageLink href={nextHref} />
    </>
  );
}
