// À valider: the submitted contributions of my chantiers (all of them for an admin), never my
// own; filter by person, period and place, sort by date; approve many at once, or one by one.
// The submitted claims of the same chantiers follow, with their receipts one tap away.
import 'server-only';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { ZContributionFilters } from '@/lib/contributions/inputs';
import { nextPageHref } from '@/lib/contributions/next-page';
import { listContributions, peopleInList } from '@/lib/contributions/server/queries';
import { listPlaces } from '@/lib/chantiers/chantiers';
import { listPeriodChoices } from '@/lib/periods/periods';
import { formatDuration } from '@/lib/contributions/duration';
import { formatCalendarDate } from '@/lib/format/date';
import { PageTitle } from '@/components/ui/primitives';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { ContributionFilterBar, NextPageLink } from '@/components/contributions/filters';
import { ReviewActions, SelectAll } from '@/components/contributions/review-actions';
import { approveSelectedAction } from '@/lib/contributions/actions';
import { reviewsAnything } from '@/lib/contributions/policy';
import { asLocale } from '@/lib/i18n/locales';
import { ZClaimFilters } from '@/lib/claims/inputs';
import { listClaims } from '@/lib/claims/server/queries';
import { claimsPageHref } from '@/lib/claim-form/claims-page-href';
import { receiptsOfClaims } from '@/lib/claim-form/server/receipts';
import { ReviewClaims } from '@/components/claims/review-claims';

const BULK_FORM = 'bulk-approve';
const PAGE_SIZE = 50;

/** "Alice Martin, 12/06/2027, 2 h, C1": the person, the date, the duration and the chantier's code (its name without one). */
function reviewSubject(
  item: { personName: string; date: string; minutes: number; chantierCode: string | null; chantierName: string },
  locale: ReturnType<typeof asLocale>,
): string {
  return [
    item.personName,
    formatCalendarDate(item.date, locale),
    formatDuration(item.minutes, locale),
    item.chantierCode ?? item.chantierName,
  ].join(', ');
}

export default async function ReviewPage({
  searchParams,
}: {
  searchParams: Promise<Record<string, string | undefined>>;
}) {
  const actor = await requireActor();
  if (!reviewsAnything(actor)) notFound();
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const raw = await searchParams;
  const order = raw.sort === 'newest' ? 'desc' : 'asc';
  const parsed = ZContributionFilters.safeParse({
    personId: raw.personId || undefined,
    periodId: raw.periodId || undefined,
    placeId: raw.placeId || undefined,
    cursor: raw.cursor || undefined,
    limit: PAGE_SIZE,
  });
  const filters = parsed.success ? parsed.data : ZContributionFilters.parse({ limit: PAGE_SIZE });
  const claimFilters = ZClaimFilters.safeParse({
    personId: filters.personId,
    periodId: filters.periodId,
    cursor: raw.claimsCursor || undefined,
    limit: PAGE_SIZE,
  });
  const [list, people, periods, places, claims] = await Promise.all([
    listContributions({ actor, filters, scope: 'review', order }),
    // Only the people with something waiting here (whatever the other filters), not everyone.
    peopleInList({ actor, filters: {}, scope: 'review' }),
    listPeriodChoices({ actor, status: 'OPEN' }),
    listPlaces(),
    listClaims(actor, claimFilters.success ? claimFilters.data : { limit: PAGE_SIZE }, { scope: 'review', order }),
  ]);
  const receipts = await receiptsOfClaims(
    actor,
    claims.items.filter((claim) => claim.fileCount > 0).map((claim) => claim.id),
  );
  const claimsMoreHref = claimsPageHref('/review', raw, claims.nextCursor, 'review-claims');
  const nextHref = nextPageHref('/review', raw, list.nextCursor);
  return (
    <>
      <PageTitle>{t('review.title')}</PageTitle>
      <p className="mb-4 text-slate-700">{t('review.intro')}</p>
      <ContributionFilterBar
        periods={{ choices: periods, value: filters.periodId }}
        people={{ choices: people, value: filters.personId }}
        places={{ choices: places, value: filters.placeId }}
        order={order}
      />
      {list.items.length === 0 ? (
        <p className="text-slate-700">{t('review.empty')}</p>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-3">
            <SelectAll formId={BULK_FORM} label={t('review.selectAll')} />
            <ActionForm action={approveSelectedAction} id={BULK_FORM} className="flex flex-col gap-2">
              <SubmitButton>{t('review.approveSelected')}</SubmitButton>
            </ActionForm>
          </div>
          <ul className="flex flex-col gap-3" data-testid="review-list">
            {list.items.map((item) => {
              // Which contribution, in a few words (not its whole description): the name of the
              // item, its checkbox and its buttons, as a screen reader says them.
              const subject = reviewSubject(item, locale);
              return (
                <li
                  key={item.id}
                  aria-label={subject}
                  className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                  data-testid="review-item"
                >
                  <div className="flex items-start gap-3">
                    <input
                      type="checkbox"
                      name="ids[]"
                      value={item.id}
                      form={BULK_FORM}
                      id={`select-${item.id}`}
                      className="mt-1 h-5 w-5 accent-brand-700"
                      aria-label={`${t('review.select')} : ${subject}`}
                    />
                    <div className="flex-1">
                      <p className="font-medium">
                        {item.personName} · {formatCalendarDate(item.date, locale)} ·{' '}
                        {formatDuration(item.minutes, locale)}
                      </p>
                      <p className="text-sm text-slate-700">
                        {item.chantierName}
                        {item.placeName ? ` · ${item.placeName}` : ''}
                        {item.volunteer ? ` · ${t('mine.volunteer')}` : ''}
                      </p>
                      <p className="mt-1 break-words">{item.description}</p>
                      {item.link ? (
                        <a
                          className="text-sm text-brand-700 underline"
                          href={item.link}
                          rel="noopener noreferrer nofollow"
                        >
                          {item.link}
                        </a>
                      ) : null}
                      <div className="mt-3">
                        <ReviewActions id={item.id} version={item.version} subject={subject} />
                      </div>
                    </div>
                  </div>
                </li>
              );
            })}
          </ul>
          <NextPageLink href={nextHref} />
        </>
      )}
      <ReviewClaims items={claims.items} receipts={receipts} moreHref={claimsMoreHref} />
    </>
  );
}
