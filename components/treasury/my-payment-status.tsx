// On "Ma rétribution", for a closed period: whether and when the person was paid ("Payé le
// 12/12/2026, réf. VIR-001", or "Versé à La Coroutine le …"), or what is still to come, any
// cancelled transfer and why, and their statement as a PDF. Nothing while the period is open.
// Server component: <MyPaymentStatus actor={actor} periodId={period.id} />.
import { getLocale, getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/permissions';
import { formatCalendarDate } from '@/lib/format/date';
import { formatCents } from '@/lib/format/money';
import { getPersonPaymentStatus } from '@/lib/treasury/person-payment-status';
import { asLocale } from '@/lib/i18n/locales';

export async function MyPaymentStatus({ actor, periodId }: { actor: Actor; periodId: string }) {
  const status = await getPersonPaymentStatus({ actor, periodId, personId: actor.id });
  if (!status) return null;
  const t = await getTranslations('treasury.mine');
  const locale = asLocale(await getLocale());
  const money = (cents: number) => formatCents(cents, locale);
  const date = (iso: string) => formatCalendarDate(iso, locale);
  const payee = status.payeeName;
  let line: string | null = null;
  if (status.state === 'PAID' && status.payment) {
    line = status.paidToOrganisation
      ? t('paidTo', { payee, date: date(status.payment.paidOn), reference: status.payment.reference })
      : t('paid', { date: date(status.payment.paidOn), reference: status.payment.reference });
  } else if (status.state === 'PARTIAL') {
    line = t('partial', { paid: money(status.paidCents), due: money(status.dueCents) });
  } else if (status.state === 'UNPAID') {
    line = status.paidToOrganisation
      ? t('notPaidTo', { payee, amount: money(status.dueCents) })
      : t('notPaid', { amount: money(status.dueCents) });
  }
  return (
    <div className="flex flex-col gap-1 text-sm" data-testid="my-payment-status">
      {line ? (
        <p
          className={status.state === 'PAID' ? 'font-medium text-emerald-800' : 'text-slate-800'}
          data-testid="my-payment-line"
        >
          {line}
        </p>
      ) : null}
      {status.state !== 'PAID'
        ? status.reversals.map((reversal, index) => (
            <p key={index} className="text-red-800">
              {t('reversed', { date: date(reversal.paidOn), reason: reversal.reason })}
            </p>
          ))
        : null}
      <p>
        <a
          href={`/api/v1/periods/${periodId}/exports/statements/${actor.id}.pdf`}
          download
          className="inline-flex min-h-11 items-center text-brand-700 underline"
        >
          {t('statement')}
        </a>
      </p>
    </div>
  );
}
