// The payees of a closed period as the treasurer works through them: who, for whom, how much, the
// IBAN's state (masked), and where the payment stands, with the forms to record a payment or
// reverse one beside each row. Server component: it renders; the forms are client components.
import { getLocale, getTranslations } from 'next-intl/server';
import { DataTable, IBAN_TONE, StatePill, type Tone } from '@/components/ui/data-table';
import { formatCalendarDate } from '@/lib/format/date';
import { formatCents } from '@/lib/format/money';
import type { ActionState } from '@/lib/actions/form-action';
import type { TPaymentOut, TPeriodPaymentsOut } from '@/lib/treasury/schemas';
import { RecordPaymentForm, ReversePaymentForm } from './payments-forms';
import { asLocale } from '@/lib/i18n/locales';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const STATE_TONE: Record<string, Tone> = { PAID: 'done', PARTIAL: 'warning', UNPAID: 'neutral', NOTHING_DUE: 'quiet' };

export async function PaymentsTable({
  data,
  today,
  recordAction,
  reverseAction,
}: {
  data: TPeriodPaymentsOut;
  today: string;
  recordAction: Action;
  reverseAction: Action;
}) {
  const t = await getTranslations('treasury');
  const locale = asLocale(await getLocale());
  const money = (cents: number) => formatCents(cents, locale);
  const date = (iso: string) => formatCalendarDate(iso, locale);
  const activeOf = (payeeId: string): TPaymentOut[] =>
    data.items.filter((item) => item.payeeId === payeeId && item.kind === 'PAYMENT' && !item.reversedById);
  const canRecord = data.status !== 'OPEN';

  return (
    <DataTable
      label={t('payments.title')}
      testId="payments-table"
      columns={[
        { label: t('table.payee') },
        { label: t('table.amount'), numeric: true },
        { label: t('table.iban') },
        { label: t('table.state') },
        { label: t('table.actions') },
      ]}
    >
      {data.payees.map((payee) => {
        const active = activeOf(payee.payeeId);
        return (
          <tr key={payee.payeeId} className="align-top" data-testid={`payee-row-${payee.payeeId}`}>
            <th scope="row" className="py-3 pr-4 font-normal">
              <span className="font-medium text-slate-900">{payee.payeeName}</span>
              {payee.payeeType === 'ORGANISATION' ? (
                <span className="block text-xs text-slate-600">{t('table.organisation')}</span>
              ) : null}
              <ul className="mt-1 text-xs text-slate-700">
                {payee.people.map((person) => (
                  <li key={person.personId}>
                    {payee.payeeType === 'ORGANISATION' ? `${person.name} · ${money(person.amountCents)} · ` : null}
                    <a
                      className="inline-flex min-h-8 items-center text-brand-700 underline"
                      href={`/api/v1/periods/${data.periodId}/exports/statements/${person.personId}.pdf`}
                      download
                    >
                      {t('payments.statementOf', { name: person.name })}
                    </a>
                  </li>
                ))}
              </ul>
            </th>
            <td className="py-3 pr-4 text-right font-medium tabular-nums" data-label={t('table.amount')}>
              {money(payee.amountCents)}
            </td>
            <td className="py-3 pr-4" data-label={t('table.iban')}>
              {payee.ibanMasked ? <span className="mr-2 block font-mono text-xs">{payee.ibanMasked}</span> : null}
              {payee.ibanStatus ? (
                <StatePill tone={IBAN_TONE[payee.ibanStatus]}>{t(`ibanStatus.${payee.ibanStatus}`)}</StatePill>
              ) : null}
            </td>
            <td className="py-3 pr-4" data-testid="payee-state" data-label={t('table.state')}>
              <StatePill tone={STATE_TONE[payee.state]}>{t(`state.${payee.state}`)}</StatePill>
              {payee.lastPayment && payee.state === 'PAID' ? (
                <span className="block text-xs text-slate-700">
                  {t('table.paidOn', {
                    date: date(payee.lastPayment.paidOn),
                    reference: payee.lastPayment.reference,
                  })}
                </span>
              ) : null}
              {payee.state === 'PARTIAL' ? (
                <span className="block text-xs text-slate-700">
                  {t('table.partial', { paid: money(payee.paidCents), due: money(payee.dueCents) })}
                </span>
              ) : null}
              {payee.dueCents < 0 ? (
                <span className="block text-xs text-amber-800">
                  {t('table.overpaid', { amount: money(-payee.dueCents) })}
                </span>
              ) : null}
            </td>
            <td className="py-3">
              <div className="flex flex-col gap-2">
                {canRecord && payee.dueCents > 0 && payee.amountCents > 0 ? (
                  <details className="rounded-md border border-slate-200 p-2">
                    <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">
                      {t('record.summary')}
                    </summary>
                    <div className="pt-2">
                      <RecordPaymentForm
                        action={recordAction}
                        periodId={data.periodId}
                        payeeId={payee.payeeId}
                        amountCents={payee.dueCents}
                        amountLabel={money(payee.dueCents)}
                        today={today}
                        idPrefix={`record-${payee.payeeId}`}
                      />
                    </div>
                  </details>
                ) : null}
                {active.map((payment) => (
                  <details key={payment.id} className="rounded-md border border-slate-200 p-2">
                    <summary className="min-h-11 cursor-pointer py-2 font-medium text-red-700">
                      {t('reverse.summary')} · {date(payment.paidOn)} · {money(payment.amountCents)}
                    </summary>
                    <div className="pt-2">
                      <ReversePaymentForm
                        action={reverseAction}
                        periodId={data.periodId}
                        paymentId={payment.id}
                        today={today}
                      />
                    </div>
                  </details>
                ))}
              </div>
            </td>
          </tr>
        );
      })}
    </DataTable>
  );
}
