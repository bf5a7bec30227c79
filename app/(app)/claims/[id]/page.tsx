// One claim: what it is, its receipts (a photo opens in place, a PDF in a new tab), what I can do
// with it, and its history. After the form, `?done=submitted|draft` says what just happened.
import 'server-only';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { claimHistory, findClaimDetail } from '@/lib/claims/server/queries';
import { listAttachments } from '@/lib/files/server/attachments';
import { nextClaimStatus } from '@/lib/claims/lifecycle';
import { canEditClaim, canSeeClaimFiles } from '@/lib/claims/policy';
import { contributionScope, inChantierScope } from '@/lib/contributions/policy';
import { claimValue, historyKey, isFileEvent } from '@/lib/claim-form/describe';
import { deleteClaimAction, submitClaimAction } from '@/lib/claims/actions';
import { formatCalendarDate } from '@/lib/format/date';
import { asLocale } from '@/lib/i18n/locales';
import { Notice, PageTitle, Section } from '@/components/ui/primitives';
import { ClaimStatusBadge } from '@/components/claims/claim-status-badge';
import { ReceiptList } from '@/components/claims/receipt-list';
import { ReceiptAdder } from '@/components/claims/receipt-adder';
import { ReviewActions, UnapproveAction } from '@/components/contributions/review-actions';
import { RowAction } from '@/components/contributions/row-actions';

const linkClass =
  'inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 text-sm font-medium hover:bg-slate-50';

export default async function ClaimPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ done?: string }>;
}) {
  const actor = await requireActor();
  const { id } = await params;
  const { done } = await searchParams;
  const claim = id.length <= 64 ? await findClaimDetail(actor, id) : null;
  if (!claim) notFound();
  const t = await getTranslations('claimsUi');
  const locale = asLocale(await getLocale());
  const format = await getFormatter();
  const stored = {
    ownerId: claim.personId,
    createdById: claim.createdById,
    chantierId: claim.chantierId,
    status: claim.status,
  };
  const seesFiles = canSeeClaimFiles({ actor, claim: stored });
  const [history, files] = await Promise.all([
    claimHistory(actor, claim.id),
    seesFiles ? listAttachments(actor, { claimId: claim.id }) : Promise.resolve([]),
  ]);
  const mine = claim.personId === actor.id;
  const kind = t(`kind.${claim.kind}`);
  const subject = `${formatCalendarDate(claim.date, locale)} · ${kind} · ${claimValue(claim, locale)}`;
  // The buttons only show who may act; the server checks again against the stored claim.
  const reviews = !mine && inChantierScope(contributionScope(actor).reviews, claim.chantierId);
  return (
    <>
      <PageTitle>
        {kind} · {claimValue(claim, locale)}
      </PageTitle>
      <div className="flex flex-col gap-6">
        {done === 'submitted' || done === 'draft' ? (
          <Notice tone="success">{t(done === 'submitted' ? 'detail.savedSubmitted' : 'detail.savedDraft')}</Notice>
        ) : null}
        <Section title={claim.chantierName} actions={<ClaimStatusBadge status={claim.status} />}>
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-1 text-sm" data-testid="claim-facts">
            <dt className="font-medium">{t('form.date')}</dt>
            <dd>{formatCalendarDate(claim.date, locale)}</dd>
            <dt className="font-medium">{t('detail.amount')}</dt>
            <dd>{claimValue(claim, locale)}</dd>
            <dt className="font-medium">{t('detail.person')}</dt>
            <dd>{claim.personName}</dd>
            {claim.placeName ? (
              <>
                <dt className="font-medium">{t('detail.place')}</dt>
                <dd>{claim.placeName}</dd>
              </>
            ) : null}
          </dl>
          <p className="mt-3 break-words">{claim.description}</p>
          {claim.status === 'REJECTED' && claim.lastComment ? (
            <p className="mt-2 text-sm text-red-800">{t('mine.reason', { comment: claim.lastComment })}</p>
          ) : null}
          {claim.status === 'CHANGES_REQUESTED' && claim.lastComment ? (
            <p className="mt-2 text-sm text-amber-900">{t('mine.changesRequested', { comment: claim.lastComment })}</p>
          ) : null}
          <div className="mt-4 flex flex-wrap items-start gap-2">
            {mine && nextClaimStatus(claim.status, 'submit') ? (
              <RowAction
                action={submitClaimAction}
                id={claim.id}
                version={claim.version}
                label={claim.status === 'COMMITTED' ? t('commit.sendWhenDone') : t('mine.submit')}
                variant="primary"
              />
            ) : null}
            {canEditClaim(actor, stored) ? (
              <Link href={`/claims/${claim.id}/edit`} className={linkClass}>
                {t('mine.edit')}
              </Link>
            ) : null}
            {mine ? (
              <Link href={`/claims/new?duplicate=${claim.id}`} className={linkClass}>
                {t('mine.duplicate')}
              </Link>
            ) : null}
            {mine && nextClaimStatus(claim.status, 'delete') ? (
              <RowAction
                action={deleteClaimAction}
                id={claim.id}
                version={claim.version}
                label={t('mine.delete')}
                variant="danger"
                confirm={{
                  title: t('mine.deleteTitle'),
                  body: t('mine.deleteBody', {
                    date: formatCalendarDate(claim.date, locale),
                    kind,
                    amount: claimValue(claim, locale),
                  }),
                  confirmLabel: t('mine.deleteConfirm'),
                  cancelLabel: t('mine.cancel'),
                }}
              />
            ) : null}
          </div>
          {reviews && claim.status === 'SUBMITTED' ? (
            <div className="mt-4">
              <ReviewActions kind="claim" id={claim.id} version={claim.version} subject={subject} />
            </div>
          ) : null}
          {reviews && claim.status === 'APPROVED' ? (
            <div className="mt-4">
              <UnapproveAction kind="claim" id={claim.id} version={claim.version} subject={subject} />
            </div>
          ) : null}
        </Section>
        {seesFiles ? (
          <Section title={t('detail.receipts')}>
            <div className="flex flex-col gap-4">
              <ReceiptList
                claimId={claim.id}
                files={files}
                removable={mine && nextClaimStatus(claim.status, 'attach') !== null}
              />
              {mine && nextClaimStatus(claim.status, 'attach') ? (
                <ReceiptAdder claimId={claim.id} storedCount={files.length} />
              ) : null}
            </div>
          </Section>
        ) : null}
        <Section title={t('detail.history')}>
          <ol className="flex flex-col gap-3" data-testid="history">
            {history.map((event) => {
              const key = historyKey(event);
              return (
                <li key={event.id} className="border-l-2 border-brand-600 pl-3">
                  <p className="text-sm text-slate-700">
                    {format.dateTime(new Date(event.at), { dateStyle: 'short', timeStyle: 'short' })}
                  </p>
                  <p>
                    {key
                      ? t(`history.${key}`, { name: event.actorName, file: event.comment ?? '' })
                      : t('history.other', { event: event.kind, name: event.actorName })}
                  </p>
                  {/* A file event's comment is the file's name, already in its sentence. */}
                  {event.comment && !isFileEvent(event.kind) ? (
                    <p className="text-slate-700">« {event.comment} »</p>
                  ) : null}
                </li>
              );
            })}
          </ol>
        </Section>
        <p>
          <Link href="/contributions#claims" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t('detail.back')}
          </Link>
        </p>
      </div>
    </>
  );
}
