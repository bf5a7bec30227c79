// Mes contributions: mine, filtered by period, chantier and status, with totals in hours, each
// entry's status and the reviewer's reason, and what the lifecycle lets me do with it; my claims
// (expenses, trips, fees, in-kind) below them, with the same filters.
import 'server-only';
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { ZContributionFilters } from '@/lib/contributions/inputs';
import { nextPageHref } from '@/lib/contributions/next-page';
import { listContributions, totalsByStatus } from '@/lib/contributions/server/queries';
import { listChantiers } from '@/lib/chantiers/chantiers';
import { listPeriodChoices } from '@/lib/periods/periods';
import { formatDuration } from '@/lib/contributions/duration';
import { formatCalendarDate } from '@/lib/format/date';
import { PageTitle } from '@/components/ui/primitives';
import { ContributionFilterBar, NextPageLink } from '@/components/contributions/filters';
import { StatusBadge } from '@/components/contributions/status-badge';
import { RowAction } from '@/components/contributions/row-actions';
import { deleteAction, submitAction } from '@/lib/contributions/actions';
import { asLocale } from '@/lib/i18n/locales';
import { ZClaimFilters } from '@/lib/claims/inputs';
import { listClaims } from '@/lib/claims/server/queries';
import { claimsPageHref } from '@/lib/claim-form/claims-page-href';
import { MyClaims } from '@/components/claims/my-claims';
import { reviewsAnything } from '@/lib/contributions/policy';

/** Approved first: only those hours count towards pay. */
const TOTALS_ORDER = ['APPROVED', 'SUBMITTED', 'CHANGES_REQUESTED', 'DRAFT', 'REJECTED'] as const;

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
    totalsByStatus({ actor, filters, scope: 'mine' }),
    listChantiers({ includeInactive: true }),
    listPeriodChoices({ actor }),
    listClaims(actor, claimFilters.success ? claimFilters.data : { limit: 50 }, { scope: 'mine' }),
  ]);
  const minutesByStatus = new Map(totals.map((total) => [total.status, total.minutes]));
  const claimsMoreHref = claimsPageHref('/contributions', raw, claims.nextCursor, 'claims');
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
      <ContributionFilterBar
        periods={{ choices: periods, value: filters.periodId }}
        chantiers={{ choices: chantiers, value: filters.chantierId }}
        status={{ value: filters.status }}
      />
      <section className="mb-4" aria-labelledby="mine-totals-title" data-testid="mine-total">
        <h2 id="mine-totals-title" className="font-medium">
          {t('everyday.mineTotals.title')}
        </h2>
        <p className="text-sm text-slate-700">{t('everyday.mineTotals.hint')}</p>
        {totals.length === 0 ? (
          <p className="text-sm">{t('everyday.mineTotals.none')}</p>
        ) : (
          <ul className="mt-1 flex flex-wrap gap-x-4 gap-y-1 text-sm">
            {TOTALS_ORDER.filter((status) => minutesByStatus.has(status)).map((status) => (
              <li key={status} data-status={status}>
                {t(`everyday.mineTotals.status.${status}`)} :{' '}
                <span className="font-medium tabular-nums">{formatDuration(minutesByStatus.get(status)!, locale)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>
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
      <NextPageLink href={nextHref} />
      <MyClaims
        items={claims.items}
        moreHref={claimsMoreHref}
        canCommit={actor.roles.includes('TREASURER') || reviewsAnything(actor)}
      />
    </>
  );
}
