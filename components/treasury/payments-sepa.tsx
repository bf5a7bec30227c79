// The SEPA part of the payments page: what the file holds now (count and total), the download,
// every payee it leaves out with the reason, and the form that records all its transfers at once;
// then the collective's account the transfers are debited from. Server component.
import { getLocale, getTranslations } from 'next-intl/server';
import { formatCents } from '@/lib/format/money';
import { formatIban, maskIban } from '@/lib/payees/validate';
import type { ActionState } from '@/lib/actions/form-action';
import type { TPeriodPaymentsOut } from '@/lib/treasury/schemas';
import type { DebtorAccount } from '@/lib/treasury/debtor-account';
import { Notice } from '@/components/ui/primitives';
import { DebtorAccountEditor, RecordBatchForm } from './payments-forms';
import { asLocale } from '@/lib/i18n/locales';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export async function PaymentsSepa({
  data,
  debtor,
  today,
  batchAction,
}: {
  data: TPeriodPaymentsOut;
  debtor: DebtorAccount;
  today: string;
  batchAction: Action;
}) {
  const t = await getTranslations('treasury.sepa');
  const tx = await getTranslations('treasury.exclusion');
  const locale = asLocale(await getLocale());
  const money = (cents: number) => formatCents(cents, locale);
  const sepa = data.sepa;
  if (!sepa) return null;
  const debtorSet = Boolean(debtor.name && debtor.iban);
  return (
    <div className="flex flex-col gap-4" data-testid="sepa-section">
      <p className="text-sm text-slate-700">{t('intro')}</p>
      <p className="font-medium text-slate-900" data-testid="sepa-summary">
        {t('summary', { count: sepa.transferCount, total: money(sepa.totalCents) })}
      </p>
      {sepa.transferCount === 0 ? <Notice tone="info">{t('nothing')}</Notice> : null}
      {sepa.transferCount > 0 && !debtorSet ? <Notice tone="error">{t('needsDebtor')}</Notice> : null}
      {sepa.transferCount > 0 && debtorSet ? (
        <p>
          <a
            href={`/api/v1/periods/${data.periodId}/exports/sepa.xml`}
            download
            className="inline-flex min-h-11 items-center rounded-md bg-brand-700 px-4 py-2 text-sm font-medium text-white hover:bg-brand-800"
          >
            {t('download')}
          </a>
        </p>
      ) : null}
      {sepa.excluded.length ? (
        <div>
          <h3 className="mb-2 font-semibold text-slate-900">{t('excludedTitle', { count: sepa.excluded.length })}</h3>
          <ul className="flex flex-col gap-1 text-sm" data-testid="sepa-excluded">
            {sepa.excluded.map((payee) => (
              <li key={payee.payeeId} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
                {t('excludedItem', {
                  name: payee.payeeName,
                  amount: money(payee.amountCents),
                  reason: tx(payee.reason),
                })}
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p className="text-sm text-slate-700">{t('noneExcluded')}</p>
      )}
      {sepa.transferCount > 0 ? (
        <div className="rounded-md border border-slate-200 p-3" data-testid="sepa-batch">
          <h3 className="mb-1 font-semibold text-slate-900">{t('batchTitle')}</h3>
          <p className="mb-3 text-sm text-slate-700">
            {t('batchIntro', { count: sepa.transferCount, total: money(sepa.totalCents) })}
          </p>
          <RecordBatchForm
            action={batchAction}
            periodId={data.periodId}
            transfers={sepa.transfers}
            count={sepa.transferCount}
            today={today}
          />
        </div>
      ) : null}
    </div>
  );
}

export async function DebtorAccountSection({
  periodId,
  debtor,
  saveAction,
}: {
  periodId: string;
  debtor: DebtorAccount;
  saveAction: Action;
}) {
  const t = await getTranslations('treasury.debtor');
  const set = Boolean(debtor.name && debtor.iban);
  return (
    <div className="flex flex-col gap-3" data-testid="debtor-account">
      <p className="text-sm text-slate-700">{t('intro')}</p>
      {set ? (
        <p className="font-medium text-slate-900">
          {t('current', {
            name: debtor.name ?? '',
            iban: formatIban(debtor.iban ?? '') || (maskIban(debtor.iban) ?? ''),
          })}
          {debtor.bic ? ` · ${debtor.bic}` : ''}
        </p>
      ) : (
        <Notice tone="error">{t('missing')}</Notice>
      )}
      <DebtorAccountEditor
        action={saveAction}
        periodId={periodId}
        debtor={debtor}
        summary={set ? t('edit') : t('set')}
        initiallyOpen={!set}
      />
    </div>
  );
}
