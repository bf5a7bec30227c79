// A period's payments, for the treasurer: the payees of the frozen run with what each is owed, the
// state of their IBAN and of their payment; the SEPA file (and who it leaves out) with the form to
// record all its transfers at once; a payment or a reversal per payee; the payment history; the
// collective's account the transfers leave from; every statement as a ZIP. Others: 404.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requirePermission } from '@/lib/auth/require';
import { AppError } from '@/lib/errors';
import { getPeriod } from '@/lib/periods/periods';
import { getSettings } from '@/lib/settings/settings';
import { todayIn } from '@/lib/contributions/server/periods';
import { formatCents } from '@/lib/format/money';
import { getPeriodPayments } from '@/lib/treasury/get-period-payments';
import { getDebtorAccount } from '@/lib/treasury/debtor-account';
import { Notice, Section } from '@/components/ui/primitives';
import { PeriodStatusBadge } from '@/components/periods/status-badge';
import { PaymentsTable } from '@/components/treasury/payments-table';
import { PaymentsHistory } from '@/components/treasury/payments-history';
import { DebtorAccountSection, PaymentsSepa } from '@/components/treasury/payments-sepa';
import { recordBatchAction, recordPaymentAction, reversePaymentAction, saveDebtorAccountAction } from './actions';
import { asLocale } from '@/lib/i18n/locales';

const orNotFound = <T,>(promise: Promise<T>): Promise<T> =>
  promise.catch((error) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });

export default async function PaymentsPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string; count?: string }>;
}) {
  const actor = await requirePermission('payments.record');
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const { id } = await params;
  const { done, count } = await searchParams;
  const period = await orNotFound(getPeriod({ actor, periodId: id }));
  const [data, debtor, settings] = await Promise.all([
    getPeriodPayments({ actor, periodId: id }),
    getDebtorAccount({ actor }),
    getSettings(),
  ]);
  const today = todayIn(settings.timeZone);
  const money = (cents: number) => formatCents(cents, locale);

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/periods/${period.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t('treasury.payments.back')}
        </Link>
      </p>
      <div className="mb-6 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-slate-900">
          {t('treasury.payments.title')} — {period.name}
        </h1>
        <PeriodStatusBadge status={period.status} label={t(`periods.status.${period.status}`)} />
      </div>
      <div className="flex flex-col gap-6">
        {done === 'recorded' ? <Notice tone="success">{t('treasury.record.done')}</Notice> : null}
        {done === 'batch' ? (
          <Notice tone="success">{t('treasury.sepa.batchDone', { count: Number(count) || 0 })}</Notice>
        ) : null}
        {done === 'reversed' ? <Notice tone="success">{t('treasury.reverse.done')}</Notice> : null}
        <p className="text-slate-700">{t('treasury.payments.intro')}</p>
        {data.status === 'OPEN' ? <Notice tone="info">{t('treasury.payments.open')}</Notice> : null}
        {data.status === 'PAID' ? <Notice tone="success">{t('treasury.payments.paidNotice')}</Notice> : null}

        {data.status !== 'OPEN' ? (
          <>
            <Section title={t('treasury.table.title')}>
              <div className="flex flex-col gap-4">
                <p className="font-medium text-slate-900" data-testid="payments-totals">
                  {t('treasury.payments.totals', {
                    owed: money(data.totals.amountCents),
                    paid: money(data.totals.paidCents),
                    due: money(data.totals.dueCents),
                  })}
                </p>
                {data.payees.length ? (
                  <>
                    <PaymentsTable
                      data={data}
                      today={today}
                      recordAction={recordPaymentAction}
                      reverseAction={reversePaymentAction}
                    />
                    <p>
                      <a
                        href={`/api/v1/periods/${period.id}/exports/statements.zip`}
                        download
                        className="inline-flex min-h-11 items-center text-sm text-brand-700 underline"
                      >
                        {t('treasury.payments.statementsZip')}
                      </a>
                    </p>
                  </>
                ) : (
                  <p className="text-slate-700">{t('treasury.payments.noPayees')}</p>
                )}
              </div>
            </Section>
            <Section title={t('treasury.sepa.title')}>
              <PaymentsSepa data={data} debtor={debtor} today={today} batchAction={recordBatchAction} />
            </Section>
          </>
        ) : null}

        <Section title={t('treasury.history.title')}>
          <PaymentsHistory data={data} />
        </Section>

        <Section title={t('treasury.debtor.title')}>
          <DebtorAccountSection periodId={period.id} debtor={debtor} saveAction={saveDebtorAccountAction} />
        </Section>
      </div>
    </>
  );
}
