'use client';
// A referent's actions on one claim: approve at once; reject (reason) or request changes
// (comment) after saying why; un-approve an approved one. Each form carries the version the
// referent saw, so a claim handled meanwhile by someone else is not handled twice.
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useFieldError } from '@/components/ui/action-form';
import { Field, TextArea } from '@/components/ui/field';
import { reviewClaimAction } from '@/lib/claims/actions';

type ReviewAction = 'reject' | 'requestChanges' | 'unapprove';

function CommentField({ id, label }: { id: string; label: string }) {
  // A refusal's reason may come back as `reason` (the API's name for it), other comments as `comment`.
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
  claimId,
  version,
  action,
  summary,
  label,
  subject,
}: {
  claimId: string;
  version: number;
  action: ReviewAction;
  summary: string;
  label: string;
  subject: string;
}) {
  return (
    <details className="w-full sm:w-auto">
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-500 bg-white px-4 text-sm font-medium hover:bg-slate-50">
        {summary}
        <span className="sr-only"> : {subject}</span>
      </summary>
      <ActionForm action={reviewClaimAction} className="mt-2 flex flex-col gap-2">
        <input type="hidden" name="id" value={claimId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="action" value={action} />
        <CommentField id={`claim-${action}-${claimId}`} label={label} />
        <div>
          <SubmitButton variant={action === 'reject' ? 'danger' : 'primary'} aria-label={`${summary} : ${subject}`}>
            {summary}
          </SubmitButton>
        </div>
      </ActionForm>
    </details>
  );
}

export function ClaimReviewActions({
  claimId,
  version,
  subject,
}: {
  claimId: string;
  version: number;
  subject: string;
}) {
  const t = useTranslations('claimsUi.review');
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionForm action={reviewClaimAction} className="flex flex-col gap-1">
        <input type="hidden" name="id" value={claimId} />
        <input type="hidden" name="version" value={version} />
        <input type="hidden" name="action" value="approve" />
        <SubmitButton aria-label={`${t('approve')} : ${subject}`}>{t('approve')}</SubmitButton>
      </ActionForm>
      <WithComment
        claimId={claimId}
        version={version}
        action="reject"
        summary={t('reject')}
        label={t('rejectReason')}
        subject={subject}
      />
      <WithComment
        claimId={claimId}
        version={version}
        action="requestChanges"
        summary={t('requestChanges')}
        label={t('changesComment')}
        subject={subject}
      />
    </div>
  );
}

export function ClaimUnapproveAction({
  claimId,
  version,
  subject,
}: {
  claimId: string;
  version: number;
  subject: string;
}) {
  const t = useTranslations('claimsUi.review');
  return (
    <WithComment
      claimId={claimId}
      version={version}
      action="unapprove"
      summary={t('unapprove')}
      label={t('unapproveComment')}
      subject={subject}
    />
  );
}
