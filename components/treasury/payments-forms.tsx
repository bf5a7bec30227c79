'use client';
// The forms of the payments page: record one payee's payment, record every transfer of the SEPA
// file at once (one date, one reference), reverse a payment (a reason is mandatory), and set the
// collective's account. Each carries the amount the page showed, so a stale page records nothing.
import { useState } from 'react';
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useFieldError } from '@/components/ui/action-form';
import { FormField } from '@/components/ui/fields';
import { Field, TextArea } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/form-action';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

function DateAndReference({ idPrefix, today }: { idPrefix: string; today: string }) {
  const t = useTranslations('treasury.record');
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <FormField
        label={t('paidOn')}
        name="paidOn"
        id={`${idPrefix}-paidOn`}
        type="date"
        defaultValue={today}
        required
      />
      <FormField
        label={t('reference')}
        name="reference"
        id={`${idPrefix}-reference`}
        hint={t('referenceHint')}
        maxLength={140}
        required
        autoComplete="off"
      />
    </div>
  );
}

export function RecordPaymentForm({
  action,
  periodId,
  payeeId,
  amountCents,
  amountLabel,
  today,
  idPrefix,
}: {
  action: Action;
  periodId: string;
  payeeId: string;
  amountCents: number;
  amountLabel: string;
  today: string;
  idPrefix: string;
}) {
  const t = useTranslations('treasury.record');
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="payeeId" value={payeeId} />
      <input type="hidden" name="amountCents" value={amountCents} />
      <DateAndReference idPrefix={idPrefix} today={today} />
      <div>
        <SubmitButton>{t('button', { amount: amountLabel })}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function RecordBatchForm({
  action,
  periodId,
  transfers,
  count,
  today,
}: {
  action: Action;
  periodId: string;
  transfers: { payeeId: string; amountCents: number }[];
  count: number;
  today: string;
}) {
  const t = useTranslations('treasury.sepa');
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <input type="hidden" name="periodId" value={periodId} />
      {transfers.map((transfer) => (
        <input
          key={transfer.payeeId}
          type="hidden"
          name="payees[]"
          value={`${transfer.amountCents}:${transfer.payeeId}`}
        />
      ))}
      <DateAndReference idPrefix="batch" today={today} />
      <div>
        <SubmitButton>{t('batchButton', { count })}</SubmitButton>
      </div>
    </ActionForm>
  );
}

function ReasonField({ id }: { id: string }) {
  const t = useTranslations('treasury.reverse');
  const error = useFieldError('reason');
  return (
    <Field label={t('reason')} name="reason" id={id} error={error} hint={t('reasonHint')}>
      <TextArea rows={2} required maxLength={2000} />
    </Field>
  );
}

export function ReversePaymentForm({
  action,
  periodId,
  paymentId,
  today,
}: {
  action: Action;
  periodId: string;
  paymentId: string;
  today: string;
}) {
  const t = useTranslations('treasury.reverse');
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <input type="hidden" name="periodId" value={periodId} />
      <input type="hidden" name="paymentId" value={paymentId} />
      <p className="text-sm text-slate-700">{t('intro')}</p>
      <ReasonField id={`reverse-reason-${paymentId}`} />
      <FormField
        label={t('reversedOn')}
        name="reversedOn"
        id={`reverse-date-${paymentId}`}
        type="date"
        defaultValue={today}
      />
      <div>
        <SubmitButton variant="danger">{t('button')}</SubmitButton>
      </div>
    </ActionForm>
  );
}

export function DebtorAccountForm({
  action,
  periodId,
  debtor,
}: {
  action: Action;
  periodId: string;
  debtor: { name: string | null; iban: string | null; bic: string | null };
}) {
  const t = useTranslations('treasury.debtor');
  return (
    <ActionForm action={action} className="flex flex-col gap-3">
      <input type="hidden" name="periodId" value={periodId} />
      <FormField
        label={t('name')}
        name="debtorName"
        hint={t('nameHint')}
        defaultValue={debtor.name ?? ''}
        maxLength={70}
        required
        autoComplete="organization"
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <FormField
          label={t('iban')}
          name="debtorIban"
          defaultValue={debtor.iban ?? ''}
          required
          autoComplete="off"
          spellCheck={false}
        />
        <FormField
          label={t('bic')}
          name="debtorBic"
          hint={t('bicHint')}
          defaultValue={debtor.bic ?? ''}
          autoComplete="off"
          spellCheck={false}
        />
      </div>
      <div>
        <SubmitButton>{t('save')}</SubmitButton>
      </div>
    </ActionForm>
  );
}

/**
 * The account form in a disclosure, open at first when no account is set. Its open state is the
 * browser's from then on, so saving (which re-renders the page with an account) does not fold it
 * over the confirmation.
 */
export function DebtorAccountEditor({
  action,
  periodId,
  debtor,
  summary,
  initiallyOpen,
}: {
  action: Action;
  periodId: string;
  debtor: { name: string | null; iban: string | null; bic: string | null };
  summary: string;
  initiallyOpen: boolean;
}) {
  const [open, setOpen] = useState(initiallyOpen);
  return (
    <details
      className="rounded-md border border-slate-200 p-3"
      open={open}
      onToggle={(event) => setOpen(event.currentTarget.open)}
    >
      <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">{summary}</summary>
      <div className="pt-3">
        <DebtorAccountForm action={action} periodId={periodId} debtor={debtor} />
      </div>
    </details>
  );
}
