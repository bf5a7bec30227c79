// The payees of a closed period as the treasurer works through them: who, for whom, how much, the
// IBAN's state (masked), and where the payment stands, with the forms to record a payment or
// reverse one beside each row. Server component: it renders; the forms are client components.
import { getLocale, getTranslations } from 'next-intl/server';
import { ScrollArea } from '@/components/ui/scroll-area';
import { formatCalendarDate } from '@/lib/format/date';
import { formatCents } from '@/lib/format/money';
import type { ActionState } from '@/lib/actions/form-action';
import type { TPaymentOut, TPeriodPaymentsOut } from '@/lib/treasury/schemas';
import { RecordPaymentForm, ReversePaymentForm } from './payments-forms';
import { asLocale } from '@/lib/i18n/locales';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

const IBAN_STYLE: Record<string, string> = {
  VALID: 'bg-emerald-100 text-emerald-900',
  MISSING: 'bg-amber-100 text-amber-900',
  INVALID: 'bg-red-100 text-red-900',
  OUTSIDE_SEPA: 'bg-amber-100 text-amber-900',
  CONFLICT: 'bg-red-100 text-red-900',
};

const STATE_STYLE: Record<string, string> = {
  PAID: 'bg-sky-100 text-sky-900',
  PARTIAL: 'bg-amber-100 text-amber-900',
  UNPAID: 'bg-slate-200 text-slate-900',
  NOTHING_DUE: 'bg-slate-100 text-slate-700',
};

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
    <ScrollArea label={t('payments.title')}>
      <table className="w-full min-w-[48rem] text-left text-sm" data-testid="payments-table">
        <thead className="border-b border-slate-300 text-slate-700">
          <tr>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('table.payee')}
            </th>
            <th scope="col" className="py-2 pr-4 text-right font-medium">
              {t('table.amount')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('table.iban')}
            </th>
            <th scope="col" className="py-2 pr-4 font-medium">
              {t('table.state')}
            </th>
            <th scope="col" className="py-2 font-medium">
              {t('table.actions')}
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-200">
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
                <td className="py-3 pr-4 text-right font-medium tabular-nums">{money(payee.amountCents)}</td>
                <td className="py-3 pr-4">
                  {payee.ibanMasked ? <span className="mr-2 block font-mono text-xs">{payee.ibanMasked}</span> : null}
                  {payee.ibanStatus ? (
                    <span
                      className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${IBAN_STYLE[payee.ibanStatus]}`}
                    >
                      {t(`ibanStatus.${payee.ibanStatus}`)}
                    </span>
                  ) : null}
                </td>
                <td className="py-3 pr-4" data-testid="payee-state">
                  <span
                    className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ${STATE_STYLE[payee.state]}`}
                  >
                    {t(`state.${payee.state}`)}
                  </span>
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
        </tbody>
      </table>
    </ScrollArea>
  );
}
