'use client';
// A referent's actions on one item, a contribution or a claim (the same lifecycle, docs/claims.md):
// approve at once; reject (reason) or request changes (comment) after saying why; un-approve an
// approved one (comment). Each form carries the version the referent saw, so an item handled
// meanwhile by someone else is not handled twice. The item's kind picks its server action and words.
import { useTranslations } from 'next-intl';
import { ActionForm, SubmitButton, useFieldError } from '@/components/ui/action-form';
import { Field, TextArea } from '@/components/ui/field';
import { reviewAction } from '@/lib/contributions/actions';
import { reviewClaimAction } from '@/lib/claims/actions';

export type ReviewedKind = 'contribution' | 'claim';

/**
 * What the buttons act on: the item's kind, id and the version the referent saw; `subject` says
 * which item it is ("Alice Martin, 12/06/2027, 2 h"): a list repeats "Valider" on every item, and
 * a screen reader's list of buttons must tell them apart.
 */
type ReviewedItem = { kind?: ReviewedKind; id: string; version: number; subject?: string };

const SERVER_ACTION = { contribution: reviewAction, claim: reviewClaimAction } as const;

/**
 * The kind's words: both namespaces hold the same keys (approve, reject, rejectReason, …). Each
 * is named literally, so the build ships both to the browser (lib/i18n/client-message-paths.ts).
 */
function useReviewWords(kind: ReviewedKind) {
  const contribution = useTranslations('review');
  const claim = useTranslations('claimsUi.review');
  return kind === 'claim' ? (claim as unknown as typeof contribution) : contribution;
}

/** The hidden fields every review form sends. */
function ItemFields({ id, version, action }: { id: string; version: number; action: string }) {
  return (
    <>
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={action} />
    </>
  );
}

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

const COMMENTED = {
  reject: { summary: 'reject', label: 'rejectReason' },
  requestChanges: { summary: 'requestChanges', label: 'changesComment' },
  unapprove: { summary: 'unapprove', label: 'unapproveComment' },
} as const;

function WithComment({
  kind = 'contribution',
  id,
  version,
  subject,
  action,
}: ReviewedItem & { action: keyof typeof COMMENTED }) {
  const t = useReviewWords(kind);
  const summary = t(COMMENTED[action].summary);
  return (
    <details className="w-full sm:w-auto">
      <summary className="inline-flex min-h-11 cursor-pointer items-center rounded-md border border-slate-500 bg-white px-4 text-sm font-medium hover:bg-slate-50">
        {summary}
        {subject ? <span className="sr-only"> : {subject}</span> : null}
      </summary>
      <ActionForm action={SERVER_ACTION[kind]} className="mt-2 flex flex-col gap-2">
        <ItemFields id={id} version={version} action={action} />
        <CommentField id={`${kind === 'claim' ? 'claim-' : ''}${action}-${id}`} label={t(COMMENTED[action].label)} />
        <div>
          <SubmitButton
            variant={action === 'reject' ? 'danger' : 'primary'}
            aria-label={subject ? `${summary} : ${subject}` : undefined}
          >
            {summary}
          </SubmitButton>
        </div>
      </ActionForm>
    </details>
  );
}

export function ReviewActions(item: ReviewedItem) {
  const kind = item.kind ?? 'contribution';
  const t = useReviewWords(kind);
  return (
    <div className="flex flex-wrap items-start gap-2">
      <ActionForm action={SERVER_ACTION[kind]} className="flex flex-col gap-1">
        <ItemFields id={item.id} version={item.version} action="approve" />
        <SubmitButton aria-label={item.subject ? `${t('approve')} : ${item.subject}` : undefined}>
          {t('approve')}
        </SubmitButton>
      </ActionForm>
      <WithComment {...item} action="reject" />
      <WithComment {...item} action="requestChanges" />
    </div>
  );
}

export function UnapproveAction(item: ReviewedItem) {
  return <WithComment {...item} action="unapprove" />;
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
