// One funding period: its settings; for a treasurer while it is open, the edit form, the pending
// contributions and the Close button; for an admin once closed, Reopen; for everyone, the payouts
// (a live preview while open, the frozen run once closed) and every frozen run, superseded ones
// included.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { can, hasRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { getPeriod } from '@/lib/periods/periods';
import { getSettings } from '@/lib/settings/settings';
import { todayIn } from '@/lib/contributions/server/periods';
import { getPayouts } from '@/lib/periods/get-payouts';
import { listPendingClaims, listPendingContributions } from '@/lib/periods/payouts';
import { loadNames } from '@/lib/periods/names';
import { listChantiers } from '@/lib/chantiers/chantiers';
import { periodFormOptions } from '@/lib/periods/form-options';
import { periodFormValues } from '@/lib/periods/form-values';
import { formatCalendarDate } from '@/lib/format/date';
import { formatCents } from '@/lib/format/money';
import { formatDuration } from '@/lib/contributions/duration';
import { Notice, Section } from '@/components/ui/primitives';
import { PeriodForm } from '@/components/periods/period-form';
import { CloseForm, PendingList, ReopenForm } from '@/components/periods/period-actions';
import { PendingClaimList } from '@/components/claims/pending-claims';
import { EnvelopeUse, PayoutLines, PeopleTotals } from '@/components/periods/payouts-view';
import { PeriodStatusBadge } from '@/components/periods/status-badge';
import { PeriodTabs } from '@/components/plans/period-tabs';
import { ExportLinks } from '@/components/treasury/export-links';
import { RemindersButton } from '@/components/plans/reminders-button';
import { closePeriodAction, reopenPeriodAction, savePeriodAction } from '../actions';
import { asLocale } from '@/lib/i18n/locales';

const orNotFound = <T,>(promise: Promise<T>): Promise<T> =>
  promise.catch((error) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });

export default async function PeriodPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ run?: string; done?: string }>;
}) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const { id } = await params;
  const { run: runId, done } = await searchParams;
  const period = await orNotFound(getPeriod({ actor, periodId: id }));
  const [names, payouts, activeChantiers, settings] = await Promise.all([
    loadNames(),
    orNotFound(getPayouts({ actor, periodId: id, runId: runId || undefined })),
    listChantiers(),
    getSettings(),
  ]);
  const open = period.status === 'OPEN';
  const edits = open && can(actor, 'periods.manage');
  const closes = open && can(actor, 'periods.close');
  const reopens = period.status === 'CLOSED' && can(actor, 'periods.reopen');
  const [pending, pendingClaims, options] = await Promise.all([
    closes ? listPendingContributions({ actor, periodId: id }) : [],
    closes ? listPendingClaims({ actor, periodId: id }) : [],
    edits ? periodFormOptions(period) : null,
  ]);
  const money = (cents: number) => formatCents(cents, locale);
  const date = (iso: string) => formatCalendarDate(iso.slice(0, 10), locale);
  // Every active chantier, and any other the period gives an envelope: none means unlimited.
  const envelopeOf = new Map(period.envelopes.map((envelope) => [envelope.chantierId, envelope.amountCents]));
  const envelopeRows = [...new Set([...activeChantiers.map((chantier) => chantier.id), ...envelopeOf.keys()])].map(
    (chantierId) => ({ chantierId, amountCents: envelopeOf.get(chantierId) ?? null }),
  );
  const viewedRun = payouts.runId ? period.runs.find((run) => run.id === payouts.runId) : undefined;

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/periods" className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t('periods.title')}
        </Link>
      </p>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-slate-900">{period.name}</h1>
        <PeriodStatusBadge status={period.status} label={t(`periods.status.${period.status}`)} />
      </div>
      <PeriodTabs periodId={period.id} current="period" />
      <div className="flex flex-col gap-6">
        {done === 'closed' && period.status !== 'OPEN' ? (
          <Notice tone="success">{t('periods.close.done')}</Notice>
        ) : null}
        {done === 'reopened' && period.status === 'OPEN' ? (
          <Notice tone="success">{t('periods.reopen.done')}</Notice>
        ) : null}
        <Section title={t('periods.settings')}>
          <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]" data-testid="period-settings">
            <dt className="font-medium text-slate-800">
              {t('periods.fields.startDate')} – {t('periods.fields.endDate')}
            </dt>
            <dd>{t('periods.dates', { start: date(period.startDate), end: date(period.endDate) })}</dd>
            <dt className="font-medium text-slate-800">{t('periods.fields.defaultRate')}</dt>
            <dd>{t('periods.perHour', { amount: money(period.defaultRateCents) })}</dd>
            <dt className="font-medium text-slate-800">{t('claims.periodForm.mileageRate')}</dt>
            <dd>
              {period.mileageRateCents
                ? t('claims.periodForm.perKm', { amount: money(period.mileageRateCents) })
                : t('claims.periodForm.noMileage')}
            </dd>
            <dt className="font-medium text-slate-800">{t('periods.fields.cap')}</dt>
            <dd>
              {period.capMinutes === null
                ? t('periods.noCap')
                : t('periods.capValue', { hours: formatDuration(period.capMinutes) })}
            </dd>
            <dt className="font-medium text-slate-800">{t('periods.fields.policy')}</dt>
            <dd>
              {t(`periods.policy.${period.overflowPolicy}`)} — {t(`periods.policyHint.${period.overflowPolicy}`)}
            </dd>
            <dt className="font-medium text-slate-800">{t('periods.fields.envelopes')}</dt>
            <dd>
              <ul>
                {envelopeRows.map((row) => (
                  <li key={row.chantierId}>
                    {names.chantiers[row.chantierId] ?? row.chantierId} :{' '}
                    {row.amountCents === null ? t('periods.unlimited') : money(row.amountCents)}
                  </li>
                ))}
              </ul>
            </dd>
            <dt className="font-medium text-slate-800">{t('periods.fields.rates')}</dt>
            <dd>
              {period.rates.length === 0 ? (
                t('periods.fields.noRates')
              ) : (
                <ul>
                  {period.rates.map((rate) => (
                    <li key={`${rate.personId}-${rate.chantierId}`}>
                      {[
                        rate.personId ? (names.people[rate.personId] ?? rate.personId) : null,
                        rate.chantierId ? (names.chantiers[rate.chantierId] ?? rate.chantierId) : null,
                      ]
                        .filter(Boolean)
                        .join(' · ')}{' '}
                      : {t('periods.perHour', { amount: money(rate.rateCents) })}
                    </li>
                  ))}
                </ul>
              )}
            </dd>
          </dl>
          {edits && options ? (
            <details className="mt-6 rounded-md border border-slate-200 p-3" data-testid="period-edit">
              <summary className="min-h-11 cursor-pointer py-2 font-medium text-brand-700">{t('periods.edit')}</summary>
              <div className="pt-4">
                <PeriodForm
                  action={savePeriodAction}
                  period={periodFormValues(period, locale)}
                  chantiers={options.chantiers}
                  people={options.people}
                />
              </div>
            </details>
          ) : null}
        </Section>

        <Section title={payouts.frozen ? t('payouts.frozenTitle') : t('payouts.previewTitle')}>
          <div className="flex flex-col gap-6" data-testid="payouts">
            <p className="text-sm text-slate-700">
              {payouts.frozen ? t('payouts.frozenNote') : t('payouts.previewNote')}
            </p>
            {viewedRun && viewedRun.status === 'SUPERSEDED' ? (
              <Notice tone="info">
                {t('periods.runs.viewing', {
                  date: date(viewedRun.supersededAt ?? viewedRun.createdAt),
                  reason: viewedRun.supersededReason ?? '',
                })}{' '}
                <Link href={`/periods/${period.id}`} className="underline">
                  {t('periods.runs.backToCurrent')}
                </Link>
              </Notice>
            ) : null}
            {payouts.scope === 'OWN' ? <Notice tone="info">{t('payouts.scopeOwn')}</Notice> : null}
            {payouts.chantiers.length ? (
              <div>
                <h3 className="mb-2 font-semibold text-slate-900">{t('payouts.envelopes')}</h3>
                <EnvelopeUse chantiers={payouts.chantiers} names={names} />
              </div>
            ) : null}
            {payouts.lines.length === 0 ? (
              <p className="text-slate-700">{t('payouts.noLines')}</p>
            ) : (
              <>
                <div>
                  <h3 className="mb-2 font-semibold text-slate-900">{t('payouts.people')}</h3>
                  <PeopleTotals payouts={payouts} names={names} />
                </div>
                <div>
                  <h3 className="mb-2 font-semibold text-slate-900">{t('payouts.details')}</h3>
                  <PayoutLines lines={payouts.lines} names={names} headingLevel={4} />
                </div>
              </>
            )}
          </div>
        </Section>

        {open && hasRole(actor, 'TREASURER') ? (
          <Section title={t('alerts.reminders.title')}>
            <RemindersButton daysBeforeEnd={settings.reminderDaysBeforeEnd} />
          </Section>
        ) : null}

        {can(actor, 'exports.read') ? (
          <ExportLinks
            periodId={period.id}
            preview={open}
            debtorSet={Boolean(settings.debtorName?.trim() && settings.debtorIban)}
          />
        ) : null}

        {closes ? (
          <Section title={t('periods.close.title')}>
            <div className="flex flex-col gap-4">
              <p className="text-sm text-slate-700">{t('periods.close.intro')}</p>
              {pending.length ? (
                <details className="rounded-md border border-amber-200 p-3">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium text-slate-900">
                    {t('periods.close.pendingSummary', { count: pending.length })}
                  </summary>
                  <div className="pt-2">
                    <PendingList pending={pending} testId="pending-contributions" />
                  </div>
                </details>
              ) : (
                <p className="text-sm text-slate-700">{t('periods.close.pendingNone')}</p>
              )}
              {pendingClaims.length ? (
                <details className="rounded-md border border-amber-200 p-3">
                  <summary className="min-h-11 cursor-pointer py-2 font-medium text-slate-900">
                    {t('claimsUi.pending.summary', { count: pendingClaims.length })}
                  </summary>
                  <div className="pt-2">
                    <PendingClaimList claims={pendingClaims} testId="pending-claims" />
                  </div>
                </details>
              ) : null}
              <CloseForm action={closePeriodAction} period={period} today={todayIn(settings.timeZone)} />
            </div>
          </Section>
        ) : null}

        {reopens ? (
          <Section title={t('periods.reopen.title')}>
            <p className="mb-4 text-sm text-slate-700">{t('periods.reopen.intro')}</p>
            <ReopenForm action={reopenPeriodAction} period={period} />
          </Section>
        ) : null}

        {period.runs.length ? (
          <Section title={t('periods.runs.title')}>
            <ul className="divide-y divide-slate-200" data-testid="payout-runs">
              {period.runs.map((run) => (
                <li key={run.id} className="flex flex-wrap items-center justify-between gap-2 py-3">
                  <div className="text-sm">
                    <p className="font-medium text-slate-900">
                      {run.status === 'CURRENT' ? t('periods.runs.current') : t('periods.runs.superseded')} ·{' '}
                      {t('periods.runs.createdAt', { date: date(run.createdAt) })} ·{' '}
                      {t('periods.runs.total', { amount: money(run.totalAmountCents) })}
                    </p>
                    {run.status === 'SUPERSEDED' ? (
                      <p className="text-slate-700">
                        {t('periods.runs.supersededAt', {
                          date: date(run.supersededAt ?? run.createdAt),
                          reason: run.supersededReason ?? '',
                        })}
                      </p>
                    ) : null}
                  </div>
                  {run.id !== payouts.runId ? (
                    <Link
                      href={run.status === 'CURRENT' ? `/periods/${period.id}` : `/periods/${period.id}?run=${run.id}`}
                      className="inline-flex min-h-11 items-center text-sm text-brand-700 underline"
                    >
                      {t('periods.runs.view')}
                    </Link>
                  ) : null}
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
      </div>
    </>
  );
}
