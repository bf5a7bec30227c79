// The home page's blocks, one per role: what each person starts their day from. Server components.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import { formatCalendarDate } from '@/lib/format/date';
import { formatCents } from '@/lib/format/money';
import { formatDuration } from '@/lib/contributions/duration';
import type { AdminHome, ContributorHome, ReviewerHome, TreasurerHome } from '@/lib/home/home';
import { asLocale } from '@/lib/i18n/locales';
import { Section } from '@/components/ui/primitives';

const linkClass = 'inline-flex min-h-11 items-center font-medium text-brand-700 underline';

async function tools() {
  const t = await getTranslations('home');
  const locale = asLocale(await getLocale());
  return { t, locale, date: (iso: string) => formatCalendarDate(iso, locale) } as const;
}

export async function ContributorBlock({ home }: { home: ContributorHome }) {
  const { t, locale, date } = await tools();
  return (
    <Section title={t('contributor.title')}>
      <div className="flex flex-col gap-4" data-testid="home-contributor">
        <div className="flex flex-wrap gap-3">
          <Link
            href="/contributions/new"
            className="inline-flex min-h-14 items-center rounded-md bg-brand-700 px-6 text-lg font-semibold text-white hover:bg-brand-800"
          >
            {t('contributor.declare')}
          </Link>
          <Link
            href="/contributions/week"
            className="inline-flex min-h-14 items-center rounded-md border border-slate-300 bg-white px-5 font-medium hover:bg-slate-50"
          >
            {t('contributor.week', { hours: formatDuration(home.weekMinutes) })}
          </Link>
        </div>
        {home.period ? (
          <div>
            <h3 className="mb-2 font-semibold text-slate-900">
              {t('contributor.period', { name: home.period.name, end: date(home.period.endDate) })}
            </h3>
            <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4" data-testid="home-hours">
              {(
                [
                  ['approved', home.hours.approved],
                  ['submitted', home.hours.submitted],
                  ['toFix', home.hours.toFix],
                  ['draft', home.hours.draft],
                ] as const
              ).map(([key, minutes]) => (
                <div key={key} className="rounded-md border border-slate-200 p-3">
                  <dt className="text-sm text-slate-700">{t(`contributor.hours.${key}`)}</dt>
                  <dd className="text-xl font-semibold tabular-nums">{formatDuration(minutes)}</dd>
                </div>
              ))}
            </dl>
            <p className="mt-3" data-testid="home-pay">
              {t('contributor.pay', { amount: formatCents(home.payCents, locale) })}{' '}
              <Link href="/payouts" className="text-brand-700 underline">
                {t('contributor.payLink')}
              </Link>
            </p>
          </div>
        ) : (
          <p className="text-slate-700">{t('contributor.noPeriod')}</p>
        )}
        {home.sentBack.length ? (
          <div>
            <h3 className="mb-2 font-semibold text-slate-900">{t('contributor.sentBack')}</h3>
            <ul className="flex flex-col gap-2" data-testid="home-sent-back">
              {home.sentBack.map((item) => (
                <li key={item.id}>
                  <Link href={`/contributions/${item.id}`} className="text-brand-700 underline">
                    {t(`contributor.sentBackItem.${item.status}`, {
                      date: date(item.date),
                      duration: formatDuration(item.minutes),
                      chantier: item.chantier,
                    })}
                  </Link>
                </li>
              ))}
            </ul>
          </div>
        ) : null}
      </div>
    </Section>
  );
}

export async function ReviewerBlock({ home }: { home: ReviewerHome }) {
  const { t, date } = await tools();
  return (
    <Section title={t('reviewer.title')}>
      <div className="flex flex-col gap-3" data-testid="home-reviewer">
        <p className="font-medium">{t('reviewer.waiting', { count: home.waitingCount })}</p>
        {home.oldest.length ? (
          <ul className="flex flex-col gap-1">
            {home.oldest.map((item) => (
              <li key={item.id}>
                <Link href={`/contributions/${item.id}`} className={linkClass}>
                  {t('reviewer.item', {
                    person: item.person,
                    date: date(item.date),
                    duration: formatDuration(item.minutes),
                    chantier: item.chantier,
                  })}
                </Link>
              </li>
            ))}
          </ul>
        ) : null}
        {home.waitingCount ? (
          <Link
            href="/review"
            className="inline-flex min-h-11 w-fit items-center rounded-md bg-brand-700 px-4 font-medium text-white hover:bg-brand-800"
          >
            {t('reviewer.open')}
          </Link>
        ) : null}
      </div>
    </Section>
  );
}

export async function TreasurerBlock({
  home,
  chantierNames,
}: {
  home: TreasurerHome;
  chantierNames: Record<string, string>;
}) {
  const { t, locale, date } = await tools();
  const money = (cents: number) => formatCents(cents, locale);
  const nothing =
    !home.endingSoon.length && !home.envelopes.length && !home.toPay.length && home.payeesWithoutIban === 0;
  return (
    <Section title={t('treasurer.title')}>
      <ul className="flex flex-col gap-2" data-testid="home-treasurer">
        {home.endingSoon.map((period) => (
          <li key={period.id}>
            <Link href={`/periods/${period.id}`} className={linkClass}>
              {t(period.over ? 'treasurer.over' : 'treasurer.endingSoon', {
                name: period.name,
                date: date(period.endDate),
              })}
            </Link>
          </li>
        ))}
        {home.envelopes.map((envelope) => (
          <li key={`${envelope.periodId}-${envelope.chantierId}`}>
            <Link href={`/periods/${envelope.periodId}`} className={linkClass}>
              {t('treasurer.envelope', {
                chantier: chantierNames[envelope.chantierId] ?? envelope.chantierId,
                period: envelope.periodName,
                percent: Number.isFinite(envelope.percent) ? envelope.percent : 100,
                demand: money(envelope.demandCents),
                envelope: money(envelope.envelopeCents),
              })}
            </Link>
          </li>
        ))}
        {home.toPay.map((period) => (
          <li key={period.id}>
            <Link href={`/periods/${period.id}/payments`} className={linkClass}>
              {t('treasurer.toPay', { name: period.name, amount: money(period.dueCents), count: period.payees })}
            </Link>
          </li>
        ))}
        {home.payeesWithoutIban ? (
          <li>
            <Link href="/treasury/payees" className={linkClass}>
              {t('treasurer.withoutIban', { count: home.payeesWithoutIban })}
            </Link>
          </li>
        ) : null}
        {nothing ? <li className="text-slate-700">{t('treasurer.nothing')}</li> : null}
      </ul>
    </Section>
  );
}

export async function AdminBlock({ home }: { home: AdminHome }) {
  const { t, date } = await tools();
  return (
    <Section title={t('admin.title')}>
      <div className="flex flex-col gap-2" data-testid="home-admin">
        <p className="font-medium">{t('admin.invitations', { count: home.pendingInvitations.length })}</p>
        {home.pendingInvitations.length ? (
          <ul className="flex flex-col gap-1 text-sm">
            {home.pendingInvitations.map((invitation) => (
              <li key={invitation.personId}>
                {t(invitation.expired ? 'admin.expired' : 'admin.pending', {
                  name: invitation.name,
                  email: invitation.email,
                  date: date(invitation.expiresAt.slice(0, 10)),
                })}
              </li>
            ))}
          </ul>
        ) : null}
        <p>{t('admin.contributorsOnly', { count: home.contributorsOnly })}</p>
        <Link href="/admin/people" className={linkClass}>
          {t('admin.people')}
        </Link>
      </div>
    </Section>
  );
}
