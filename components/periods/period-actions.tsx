'use client';
// The close and reopen buttons of a period. A refused close lists, right under the button, the
// contributions and claims still waiting for review; a reopen takes a mandatory reason. Both ask first, in a
// dialog saying what will happen (and, for a period that ends in the future, that it does).
import { useLocale, useTranslations } from 'next-intl';
import { ActionForm, useActionFormState, useFieldError } from '@/components/ui/action-form';
import { Field, TextArea } from '@/components/ui/field';
import { ConfirmSubmit } from '@/components/ui/confirm-dialog';
import type { ActionState } from '@/lib/actions/form-action';
import type { PendingClaim, PendingContribution } from '@/lib/periods/payouts';
import { PendingClaimList } from '@/components/claims/pending-claims';
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
  const details =
    state && !state.ok
      ? (state.details as { pending?: PendingContribution[]; pendingClaims?: PendingClaim[] } | undefined)
      : undefined;
  return (
    <>
      {details?.pending?.length ? <PendingList pending={details.pending} testId="close-refused-pending" /> : null}
      {details?.pendingClaims?.length ? (
        <PendingClaimList claims={details.pendingClaims} testId="close-refused-pending-claims" />
      ) : null}
    </>
  );
}

export function CloseForm({
  action,
  period,
  today,
}: {
  action: Action;
  period: { id: string; name: string; endDate: string };
  /** Today in the collective's time zone (YYYY-MM-DD). */
  today: string;
}) {
  const t = useTranslations('periods.close');
  const locale = useLocale();
  const endDate = period.endDate.slice(0, 10);
  return (
    <ActionForm action={action}>
      <input type="hidden" name="periodId" value={period.id} />
      <RefusedList />
      <div>
        <ConfirmSubmit
          testId="close-period"
          confirm={{
            title: t('confirmTitle', { name: period.name }),
            body: (
              <>
                <p>{t('confirmBody')}</p>
                {endDate > today ? (
                  <p className="font-medium text-amber-900" data-testid="close-future-warning">
                    {t('confirmFuture', { date: formatCalendarDate(endDate, locale) })}
                  </p>
                ) : null}
              </>
            ),
            confirmLabel: t('confirm'),
            cancelLabel: t('cancel'),
          }}
        >
          {t('button')}
        </ConfirmSubmit>
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

export function ReopenForm({ action, period }: { action: Action; period: { id: string; name: string } }) {
  const t = useTranslations('periods.reopen');
  return (
    <ActionForm action={action}>
      <input type="hidden" name="periodId" value={period.id} />
      <ReasonField id={`reopen-reason-${period.id}`} />
      <div>
        <ConfirmSubmit
          testId="reopen-period"
          confirm={{
            title: t('confirmTitle', { name: period.name }),
            body: <p>{t('confirmBody')}</p>,
            confirmLabel: t('confirm'),
            cancelLabel: t('cancel'),
          }}
        >
          {t('button')}
        </ConfirmSubmit>
      </div>
    </ActionForm>
  );
}
