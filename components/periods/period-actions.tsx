'use client';
// The close and reopen buttons of a period. A refused close lists, right under the button, the
// contributions still waiting for review; a reopen takes a mandatory reason.
import { useLocale, useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useActionFormState, useFieldError } from '@/components/ui/action-form';
import { Field, TextArea } from '@/components/ui/field';
import type { ActionState } from '@/lib/actions/form-action';
import type { PendingContribution } from '@/lib/periods/payouts';
import { formatCalendarDate } from '@/lib/format/date';
import { formatDuration } from '@/lib/contributions/duration';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function PendingList({ pending, testId }: { pending: PendingContribution[]; testId: string }) {
  const t = useTranslations('periods.close');
  const locale = useLocale();
  return (
    <ul className="flex flex-col gap-1 text-sm text-slate-800" data-testid={testId}>
      {pending.map((item) => (
        <li key={item.id} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
          {t('pendingItem', {
            person: item.personName,
            date: formatCalendarDate(item.date, locale),
            chantier: item.chantierName,
            duration: formatDuration(item.minutes),
          })}{' '}
          <span className="text-slate-600">({t(`pendingStatus.${item.status}`)})</span>
        </li>
      ))}
    </ul>
  );
}

function RefusedList() {
  const state = useActionFormState();
  const pending =
    state && !state.ok ? (state.details as { pending?: PendingContribution[] } | undefined)?.pending : undefined;
  return pending?.length ? <PendingList pending={pending} testId="close-refused-pending" /> : null;
}

export function CloseForm({ action, periodId }: { action: Action; periodId: string }) {
  const t = useTranslations('periods.close');
  return (
    <ActionForm action={action}>
      <input type="hidden" name="periodId" value={periodId} />
      <RefusedList />
      <div>
        <SubmitButton variant="danger">{t('button')}</SubmitButton>
      </div>
    </ActionForm>
  );
}

function ReasonField({ id }: { id: string }) {
  const t = useTranslations('periods.reopen');
  const error = useFieldError('reason');
  return (
    <Field label={t('reason')} name="reason" id={id} error={error}>
      <TextArea rows={3} required maxLength={2000} />
    </Field>
  );
}

export function ReopenForm({ action, periodId }: { action: Action; periodId: string }) {
  const t = useTranslations('periods.reopen');
  return (
    <ActionForm action={action}>
      <input type="hidden" name="periodId" value={periodId} />
      <ReasonField id={`reopen-reason-${periodId}`} />
      <div>
        <SubmitButton variant="danger">{t('button')}</SubmitButton>
      </div>
    </ActionForm>
  );
}
