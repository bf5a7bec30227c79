// Mes contributions: mine, filtered by period, chantier and status, with totals in hours, each
// entry's status and the reviewer's reason, and what the lifecycle lets me do with it; my claims
// (expenses, trips, fees, in-kind) below them, with the same filters.
import 'server-only';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { ZContributionFilters } from '@/lib/contributions/inputs';
import { nextPageHref } from '@/lib/contributions/next-page';
import { listContributions, totalsByChantier } from '@/lib/contributions/server/queries';
import { listChantiers } from '@/lib/chantiers/chantiers';
import { listPeriodChoices } from '@/lib/periods/periods';
import { CONTRIBUTION_STATUSES } from '@/lib/contributions/lifecycle';
import { formatDuration, formatHoursDecimal } from '@/lib/contributions/duration';
import { formatCalendarDate } from '@/lib/format/date';
import { PageTitle } from '@/components/ui/primitives';
import { FilterBar, FilterSelect } from '@/components/contributions/filters';
import { StatusBadge } from '@/components/contributions/status-badge';
import { RowAction } from '@/components/contributions/row-actions';
import { deleteAction, submitAction } from '@/lib/contributions/actions';
import { asLocale } from '@/lib/i18n/locales';
import { ZClaimFilters } from '@/lib/claims/inputs';
import { listClaims } from '@/lib/claims/server/queries';
import { claimsPageHref } from '@/lib/claim-form/claims-page-href';
import { MyClaims } from '@/components/claims/my-claims';
import { reviewsAnything } from '@/lib/contributions/policy';

export default async function MyContributionsPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const raw = await searchParams;
  const parsed = ZContributionFilters.safeParse({
    periodId: raw.periodId || undefined,
    chantierId: raw.chantierId || undefined,
    status: raw.status || undefined,
    cursor: raw.cursor || undefined,
    limit: 50,
  });
  const filters = parsed.success ? parsed.data : ZContributionFilters.parse({});
  // My claims under my hours, with the same period, chantier and status filters.
  const claimFilters = ZClaimFilters.safeParse({
    periodId: filters.periodId,
    chantierId: filters.chantierId,
    status: filters.status,
    cursor: raw.claimsCursor || undefined,
    limit: 50,
  });
  const [list, totals, chantiers, periods, claims] = await Promise.all([
    listContributions({ actor, filters, scope: 'mine' }),
    totalsByChantier({ actor, filters, scope: 'mine' }),
    listChantiers({ includeInactive: true }),
    listPeriodChoices({ actor }),
    listClaims(actor, claimFilters.success ? claimFilters.data : { limit: 50 }, { scope: 'mine' }),
  ]);
  const claimsMoreHref = claimsPageHref('/contributions', raw, claims.nextCursor, 'claims');
  const totalMinutes = totals.reduce((sum, total) => sum + total.minutes, 0);
  const nextHref = nextPageHref('/contributions', raw, list.nextCursor);
  return (
    <>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-2">
        <PageTitle>{t('mine.title')}</PageTitle>
        <div className="flex flex-wrap gap-2">
          <Link
            href="#claims"
            className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 text-sm font-medium hover:bg-slate-50"
          >
            {t('claimsUi.mine.jump')}
          </Link>
          <Link
            href="/contributions/new"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
          >
            {t('mine.declare')}
          </Link>
        </div>
      </div>
      <FilterBar submitLabel={t('mine.filter')}>
        <FilterSelect
          label={t('mine.period')}
          name="periodId"
          value={filters.periodId}
          allLabel={t('mine.allPeriods')}
          options={periods.map((period) => ({ value: period.id, label: period.name }))}
        />
        <FilterSelect
          label={t('mine.chantier')}
          name="chantierId"
          value={filters.chantierId}
          allLabel={t('mine.allChantiers')}
          options={chantiers.map((chantier) => ({ value: chantier.id, label: chantier.name }))}
        />
        <FilterSelect
          label={t('mine.status')}
          name="status"
          value={filters.status}
          allLabel={t('mine.allStatuses')}
          options={CONTRIBUTION_STATUSES.map((status) => ({ value: status, label: t(`status.${status}`) }))}
        />
      </FilterBar>
      <p className="mb-4 font-medium" data-testid="mine-total">
        {t('mine.total', { hours: formatHoursDecimal(totalMinutes, locale) })}
      </p>
      {list.items.length === 0 ? <p className="text-slate-700">{t('mine.empty')}</p> : null}
      <ul className="flex flex-col gap-3" data-testid="my-contributions">
        {list.items.map((item) => {
          const editable = item.status !== 'APPROVED';
          // Which contribution each repeated button acts on, for its accessible name.
          const subject = `${formatCalendarDate(item.date, locale)}, ${formatDuration(item.minutes, locale)}, ${item.chantierName}`;
          const which = <span className="sr-only"> : {subject}</span>;
          return (
            <li
              key={item.id}
              className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
              data-testid="contribution"
            >
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium">
                  {formatCalendarDate(item.date, locale)} · {formatDuration(item.minutes, locale)} · {item.chantierName}
                  {item.placeName ? ` · ${item.placeName}` : ''}
                  {item.volunteer ? ` · ${t('mine.volunteer')}` : ''}
                </p>
                <StatusBadge status={item.status} />
              </div>
              <p className="mt-1 break-words text-slate-700">{item.description}</p>
              {item.status === 'REJECTED' && item.lastComment ? (
                <p className="mt-2 text-sm text-red-800">{t('mine.reason', { comment: item.lastComment })}</p>
              ) : null}
              {item.status === 'CHANGES_REQUESTED' && item.lastComment ? (
                <p className="mt-2 text-sm text-amber-900">
                  {t('mine.changesRequested', { comment: item.lastComment })}
                </p>
              ) : null}
              <div className="mt-3 flex flex-wrap items-start gap-2">
                {item.status === 'DRAFT' || item.status === 'CHANGES_REQUESTED' ? (
                  <RowAction
                    action={submitAction}
                    id={item.id}
                    version={item.version}
                    label={t('mine.submit')}
                    subject={subject}
                    variant="primary"
                  />
                ) : null}
                {editable && item.status !== 'REJECTED' ? (
                  <Link
                    href={`/contributions/${item.id}/edit`}
                    className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 text-sm font-medium hover:bg-slate-50"
                  >
                    {t('mine.edit')}
                    {which}
                  </Link>
                ) : null}
                <Link
                  href={`/contributions/new?duplicate=${item.id}`}
                  className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 text-sm font-medium hover:bg-slate-50"
                >
                  {t('mine.duplicate')}
                  {which}
                </Link>
                <Link
                  href={`/contributions/${item.id}`}
                  className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-brand-700 underline"
                >
                  {t('mine.history')}
                  {which}
                </Link>
                {editable ? (
                  <RowAction
                    action={deleteAction}
                    id={item.id}
                    version={item.version}
                    label={t('mine.delete')}
                    subject={subject}
                    variant="danger"
                    confirm={{
                      title: t('mine.deleteTitle'),
                      body: t('mine.deleteBody', {
                        date: formatCalendarDate(item.date, locale),
                        duration: formatDuration(item.minutes, locale),
                        chantier: item.chantierName,
                      }),
                      confirmLabel: t('mine.deleteConfirm'),
                      cancelLabel: t('mine.cancel'),
                    }}
                  />
                ) : null}
              </div>
            </li>
          );
        })}
      </ul>
      {nextHref ? (
        <p className="mt-4">
          <Link href={nextHref} className="text-brand-700 underline">
            {t('mine.more')}
          </Link>
        </p>
      ) : null}
      <MyClaims
        items={claims.items}
        moreHref={claimsMoreHref}
        canCommit={actor.roles.includes('TREASURER') || reviewsAnything(actor)}
      />
    </>
  );
}
