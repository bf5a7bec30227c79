'use client';
// A referent's actions on one contribution: approve at once; reject (reason) or request changes
// (comment) after saying why; un-approve an approved one (comment). Each form carries the version
// the referent saw, so a contribution handled meanwhile by someone else is not handled twice.
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useFieldError } from '@/components/ui/action-form';
import { Field, TextArea } from '@/components/ui/field';
import { reviewAction } from '@/lib/contributions/actions';

function CommentField({ id, label }: { id: string; label: string }) {
  // A refusal's reason comes back as `reason` (the API's name for it), other comments as `comment`.
  const commentError = useFieldError('comment');
  const reasonError = useFieldError('reason');
  const error = commentError ?? reasonError;
  return (
    <Field label={label} name="comment" id={id} error={error}>
      <TextArea rows={2} required maxLength={2000} />
    </Field>
  );
}

function WithComment({
  contributionId,
  version,
  action,
  summary,
  label,
  submit,
  subject,
}: {
  contributionId: string;
  version: number;
  action: 'reject' | 'requestChanges' | 'unapprove';
  summary: string;
  label: string;
  submit: string;
  subject?: string;
}) {
  const named = (text: string) => (subject ? `${text} : ${subject}` : undefined);
  return (
    <details className="w-full sm:w-auto">
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-300 bg-white px-4 text-sm font-medium hover:bg-slate-50">
        {summary}
        {subject ? <span className="sr-only"> : {subject}</span> : null}
      </summary>
      <ActionForm action={reviewAction} className="mt-2 flex flex-col gap-2">
        <input type="hidden" name="id" value={contributionId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="action" value={action} />
        <CommentField id={`${action}-${contributionId}`} label={label} />
        <div>
          <SubmitButton variant={action === 'reject' ? 'danger' : 'primary'} aria-label={named(submit)}>
            {submit}
          </SubmitButton>
        </div>
      </ActionForm>
    </details>
  );
}

/**
 * `subject` says which contribution the buttons act on ("Alice Martin, 12/06/2027, 2 h"): a list
 * repeats "Valider" on every item, and a screen reader's list of buttons must tell them apart.
 */
export function ReviewActions({
  contributionId,
  version,
  subject,
}: {
  contributionId: string;
  version: number;
  subject?: string;
}) {
  const t = useTranslations('review');
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionForm action={reviewAction} className="flex flex-col gap-1">
        <input type="hidden" name="id" value={contributionId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="action" value="approve" />
        <SubmitButton aria-label={subject ? `${t('approve')} : ${subject}` : undefined}>{t('approve')}</SubmitButton>
      </ActionForm>
      <WithComment
        contributionId={contributionId}
        version={version}
        action="reject"
        summary={t('reject')}
        label={t('rejectReason')}
        submit={t('reject')}
        subject={subject}
      />
      <WithComment
        contributionId={contributionId}
        version={version}
        action="requestChanges"
        summary={t('requestChanges')}
        label={t('changesComment')}
        submit={t('requestChanges')}
        subject={subject}
      />
    </div>
  );
}

export function UnapproveAction({
  contributionId,
  version,
  subject,
}: {
  contributionId: string;
  version: number;
  subject?: string;
}) {
  const t = useTranslations('review');
  return (
    <WithComment
      contributionId={contributionId}
      version={version}
      action="unapprove"
      summary={t('unapprove')}
      label={t('unapproveComment')}
      submit={t('unapprove')}
      subject={subject}
    />
  );
}

export function SelectAll({ formId, label }: { formId: string; label: string }) {
  return (
    <label className="inline-flex min-h-11 items-center gap-2 text-sm font-medium">
      <input
        type="checkbox"
        className="h-5 w-5 accent-brand-700"
        onChange={(event) => {
          for (const box of document.querySelectorAll<HTMLInputElement>(`input[type=checkbox][form="${formId}"]`))
            box.checked = event.target.checked;
        }}
      />
      {label}
    </label>
  );
}
