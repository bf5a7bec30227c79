// The journal of a period's payments, newest first: every payment and reversal as recorded
// (append-only), a reversed payment marked as such. Server component.
import { getLocale, getTranslations } from 'next-intl/server';
import { formatCalendarDate } from '@/lib/format/date';
import { formatCents } from '@/lib/format/money';
import type { TPeriodPaymentsOut } from '@/lib/treasury/schemas';
import { asLocale } from '@/lib/i18n/locales';

export async function PaymentsHistory({ data }: { data: TPeriodPaymentsOut }) {
  const t = await getTranslations('treasury.history');
  const locale = asLocale(await getLocale());
  const money = (cents: number) => formatCents(cents, locale);
  const date = (iso: string) => formatCalendarDate(iso, locale);
  if (data.items.length === 0) return <p className="text-sm text-slate-700">{t('empty')}</p>;
  return (
    <ol className="flex flex-col gap-2 text-sm" data-testid="payments-history">
      {[...data.items].reverse().map((item) => (
        <li
          key={item.id}
          className={`rounded-md border px-3 py-2 ${item.kind === 'REVERSAL' ? 'border-red-200 bg-red-50' : 'border-slate-200'}`}
        >
          {item.kind === 'PAYMENT'
            ? t('payment', {
                date: date(item.paidOn),
                payee: item.payeeName,
                amount: money(item.amountCents),
                reference: item.reference,
                by: item.recordedByName,
              })
            : t('reversal', {
                date: date(item.paidOn),
                payee: item.payeeName,
                amount: money(item.amountCents),
                reason: item.reason ?? '',
                by: item.recordedByName,
              })}
          {item.reversedById ? (
            <span className="ml-2 inline-flex rounded-full bg-red-100 px-2 py-0.5 text-xs font-medium text-red-900">
              {t('reversed')}
            </span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
