// Demandes à valider, on À valider beside the contributions: each submitted claim of my chantiers
// (never my own) with its receipts one tap away, approve at once or many together, reject with a
// reason, request changes.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { TClaimListItem } from '@/lib/claims/openapi';
import { claimValue } from '@/lib/claim-form/describe';
import { reviewClaimsAction } from '@/lib/claims/actions';
import { formatCalendarDate } from '@/lib/format/date';
import { asLocale } from '@/lib/i18n/locales';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { SelectAll } from '@/components/contributions/review-actions';
import { ReviewActions } from '@/components/contributions/review-actions';
import { ReceiptList, type ReceiptFile } from '@/components/claims/receipt-list';

const BULK_FORM = 'bulk-approve-claims';

export async function ReviewClaims({
  items,
  receipts,
  moreHref,
}: {
  items: TClaimListItem[];
  /** Each claim's receipts, by claim id. */
  receipts: Map<string, ReceiptFile[]>;
  moreHref: string | null;
}) {
  const t = await getTranslations('claimsUi');
  const locale = asLocale(await getLocale());
  return (
    <section aria-labelledby="review-claims" className="mt-8" data-testid="review-claims">
      <div className="mb-2 flex flex-wrap items-center justify-between gap-2">
        <h2 id="review-claims" className="text-xl font-bold text-slate-900">
          {t('review.title')}
        </h2>
        <Link
          href="/claims/commit"
          className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 text-sm font-medium hover:bg-slate-50"
        >
          {t('mine.commit')}
        </Link>
      </div>
      <p className="mb-4 text-slate-700">{t('review.intro')}</p>
      {items.length === 0 ? (
        <p className="text-slate-700">{t('review.empty')}</p>
      ) : (
        <>
          <div className="mb-3 flex flex-wrap items-center gap-4 rounded-lg border border-slate-200 bg-white p-3">
            <SelectAll formId={BULK_FORM} label={t('review.selectAll')} />
            <ActionForm action={reviewClaimsAction} id={BULK_FORM} className="flex flex-col gap-2">
              <input type="hidden" name="action" value="approve" />
              <SubmitButton>{t('review.approveSelected')}</SubmitButton>
            </ActionForm>
          </div>
          <ul className="flex flex-col gap-3">
            {items.map((item) => {
              const kind = t(`kind.${item.kind}`);
              const value = claimValue(item, locale);
              const subject = `${item.personName}, ${formatCalendarDate(item.date, locale)}, ${kind}, ${value}`;
              return (
                <li
                  key={item.id}
                  className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm"
                  data-testid="review-claim"
                >
                  <div className="flex items-start gap-3">
                    <input
                      type="checkbox"
                      name="ids[]"
                      value={item.id}
                      form={BULK_FORM}
                      id={`select-claim-${item.id}`}
                      className="mt-1 h-5 w-5 shrink-0 accent-brand-700"
                      aria-label={`${t('review.select')} : ${subject}`}
                    />
                    <div className="flex min-w-0 flex-1 flex-col gap-2">
                      <div>
                        <p className="font-medium">
                          {item.personName} · {formatCalendarDate(item.date, locale)} · {kind} · {value}
                        </p>
                        <p className="text-sm text-slate-700">
                          {item.chantierName}
                          {item.placeName ? ` · ${item.placeName}` : ''}
                        </p>
                        <p className="mt-1 break-words">{item.description}</p>
                        <Link href={`/claims/${item.id}`} className="text-sm text-brand-700 underline">
                          {t('mine.see')}
                          <span className="sr-only"> : {subject}</span>
                        </Link>
                      </div>
                      {item.fileCount > 0 ? (
                        <ReceiptList claimId={item.id} files={receipts.get(item.id) ?? []} />
                      ) : (
                        <p className="text-sm font-medium text-amber-900">{t('review.noReceipt')}</p>
                      )}
                      <ReviewActions kind="claim" id={item.id} version={item.version} subject={subject} />
                    </div>
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
        </>
      )}
    </section>
  );
}
