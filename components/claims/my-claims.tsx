// Mes demandes, under my hours on Mes contributions: each claim with its kind, value, status,
// receipts count and the reviewer's reason, and what its lifecycle lets me do (submit, edit,
// duplicate, delete), like the contributions above it.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { TClaimListItem } from '@/lib/claims/openapi';
import { nextClaimStatus } from '@/lib/claims/lifecycle';
import { ownerMayEdit } from '@/lib/claims/policy';
import { claimValue } from '@/lib/claim-form/describe';
import { deleteClaimAction, submitClaimAction } from '@/lib/claims/actions';
import { formatCalendarDate } from '@/lib/format/date';
import { formatCents } from '@/lib/format/money';
import { asLocale } from '@/lib/i18n/locales';
import { ClaimStatusBadge } from '@/components/claims/claim-status-badge';
import { RowAction } from '@/components/contributions/row-actions';

const linkClass =
  'inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 text-sm font-medium hover:bg-slate-50';

export async function MyClaims({
  items,
  moreHref,
  canCommit = false,
}: {
  items: TClaimListItem[];
  moreHref: string | null;
  /** A referent or treasurer: may commit a fixed fee for someone. */
  canCommit?: boolean;
}) {
  const t = await getTranslations('claimsUi');
  const locale = asLocale(await getLocale());
  // In-kind gifts are valued, not paid: the total counts what is asked for.
  const totalCents = items
    .filter((item) => item.kind !== 'IN_KIND' && item.status !== 'REJECTED')
    .reduce((sum, item) => sum + (item.amountCents ?? 0), 0);
  return (
    <section aria-labelledby="claims" className="mt-8">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="claims" className="text-xl font-bold text-slate-900">
          {t('mine.title')}
        </h2>
        <div className="flex flex-wrap gap-2">
          {canCommit ? (
            <Link href="/claims/commit" className={linkClass}>
              {t('mine.commit')}
            </Link>
          ) : null}
          <Link
            href="/claims/new"
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 text-sm font-medium text-white hover:bg-brand-800"
          >
            {t('mine.declare')}
          </Link>
        </div>
      </div>
      <p className="mb-2 text-slate-700">{t('mine.intro')}</p>
      <p className="mb-4 font-medium" data-testid="claims-total">
        {t('mine.total', { amount: formatCents(totalCents, locale) })}
      </p>
      {items.length === 0 ? <p className="text-slate-700">{t('mine.empty')}</p> : null}
      <ul className="flex flex-col gap-3" data-testid="my-claims">
        {items.map((item) => {
          const kind = t(`kind.${item.kind}`);
          const value = claimValue(item, locale);
          const subject = `${formatCalendarDate(item.date, locale)}, ${kind}, ${value}`;
          const which = <span className="sr-only"> : {subject}</span>;
          return (
            <li key={item.id} className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm" data-testid="claim">
              <div className="flex flex-wrap items-center justify-between gap-2">
                <p className="font-medium">
                  {formatCalendarDate(item.date, locale)} · {kind} · {value}
                </p>
                <ClaimStatusBadge status={item.status} />
              </div>
              <p className="text-sm text-slate-700">
                {item.chantierName}
                {item.placeName ? ` · ${item.placeName}` : ''} · {t('mine.receipts', { count: item.fileCount })}
              </p>
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
                {nextClaimStatus(item.status, 'submit') ? (
                  <RowAction
                    action={submitClaimAction}
                    id={item.id}
                    version={item.version}
                    label={item.status === 'COMMITTED' ? t('commit.sendWhenDone') : t('mine.submit')}
                    subject={subject}
                    variant="primary"
                  />
                ) : null}
                {ownerMayEdit(item.status) ? (
                  <Link href={`/claims/${item.id}/edit`} className={linkClass}>
                    {t('mine.edit')}
                    {which}
                  </Link>
                ) : null}
                <Link href={`/claims/new?duplicate=${item.id}`} className={linkClass}>
                  {t('mine.duplicate')}
                  {which}
                </Link>
                <Link
                  href={`/claims/${item.id}`}
                  className="inline-flex min-h-11 items-center rounded-md px-3 text-sm font-medium text-brand-700 underline"
                >
                  {t('mine.see')}
                  {which}
                </Link>
                {nextClaimStatus(item.status, 'delete') ? (
                  <RowAction
                    action={deleteClaimAction}
                    id={item.id}
                    version={item.version}
                    label={t('mine.delete')}
                    subject={subject}
                    variant="danger"
                    confirm={{
                      title: t('mine.deleteTitle'),
                      body: t('mine.deleteBody', { date: formatCalendarDate(item.date, locale), kind, amount: value }),
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
      {moreHref ? (
        <p className="mt-4">
          <Link href={moreHref} className="text-brand-700 underline">
            {t('mine.more')}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
