// One contribution and its history: every transition and edit, with who, when and why.
import 'server-only';
import { notFound } from 'next/navigation';
import { getFormatter, getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { findContributionDetail } from '@/lib/contributions/server/queries';
import { formatDuration } from '@/lib/contributions/duration';
import { formatCalendarDate } from '@/lib/format/date';
import { PageTitle, Section } from '@/components/ui/primitives';
import { StatusBadge } from '@/components/contributions/status-badge';
import { asLocale } from '@/lib/i18n/locales';
import { isFileEvent } from '@/lib/claim-form/describe';

function describeValues(values: unknown, locale: 'fr' | 'en'): string {
  if (!values || typeof values !== 'object') return '';
  const v = values as { date?: string; minutes?: number; description?: string; volunteer?: boolean };
  return [
    v.date ? formatCalendarDate(v.date, locale) : null,
    typeof v.minutes === 'number' ? formatDuration(v.minutes, locale) : null,
    v.description,
  ]
    .filter(Boolean)
    .join(' · ');
}

export default async function ContributionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const detail = await findContributionDetail({ actor, id });
  if (!detail) notFound();
  const { contribution, history } = detail;
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const format = await getFormatter();
  return (
    <>
      <PageTitle>
        {formatCalendarDate(contribution.date, locale)} · {formatDuration(contribution.minutes, locale)}
      </PageTitle>
      <div className="flex flex-col gap-6">
        <Section title={contribution.chantierName} actions={<StatusBadge status={contribution.status} />}>
          <p className="break-words">{contribution.description}</p>
          <p className="mt-2 text-sm text-slate-700">
            {contribution.personName}
            {contribution.placeName ? ` · ${contribution.placeName}` : ''}
            {contribution.volunteer ? ` · ${t('mine.volunteer')}` : ''}
          </p>
          {contribution.link ? (
            <p className="mt-2 text-sm">
              <a className="text-brand-700 underline" href={contribution.link} rel="noopener noreferrer nofollow">
                {contribution.link}
              </a>
            </p>
          ) : null}
        </Section>
        <Section title={t('mine.history')}>
          <ol className="flex flex-col gap-3" data-testid="history">
            {history.map((event) => (
              <li key={event.id} className="border-l-2 border-brand-600 pl-3">
                <p className="text-sm text-slate-600">
                  {format.dateTime(new Date(event.at), { dateStyle: 'short', timeStyle: 'short' })}
                </p>
                <p>
                  {event.kind === 'TRANSITION'
                    ? t('history.TRANSITION', {
                        name: event.actorName,
                        from: event.fromStatus ? t(`status.${event.fromStatus}`) : '—',
                        to: event.toStatus ? t(`status.${event.toStatus}`) : '—',
                      })
                    : t(`history.${event.kind}`, { name: event.actorName, file: event.comment ?? '' })}
                </p>
                {event.comment && !isFileEvent(event.kind) ? (
                  <p className="text-slate-700">« {event.comment} »</p>
                ) : null}
                {event.previousValues ? (
                  <p className="text-sm text-slate-600">
                    {t('history.previous', { values: describeValues(event.previousValues, locale) })}
                  </p>
                ) : null}
              </li>
            ))}
          </ol>
        </Section>
      </div>
    </>
  );
}
