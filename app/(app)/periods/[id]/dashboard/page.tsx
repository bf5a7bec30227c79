// A period's Tableau de bord (docs/plans.md), for everyone as payouts are: per chantier its alert
// (colour and words, right after its name so a phone shows it without scrolling), envelope, plan,
// demand and forecast; the burn-up of one chantier or of all (cumulative approved and declared
// value per day against the plan's straight line and the envelope), with its data table; per
// person, planned against declared and approved hours (other people's rows by the transparency
// rule).
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { AppError } from '@/lib/errors';
import { getPeriod, seesEveryone } from '@/lib/periods/periods';
import { loadNames } from '@/lib/periods/names';
import { getPeriodDashboard } from '@/lib/plans/server/plan';
import { formatCents } from '@/lib/format/money';
import { formatCalendarDate } from '@/lib/format/date';
import { formatDuration } from '@/lib/contributions/duration';
import { asLocale } from '@/lib/i18n/locales';
import { Section } from '@/components/ui/primitives';
import { ScrollArea } from '@/components/ui/scroll-area';
import { LineChart } from '@/components/charts/line-chart';
import { PeriodStatusBadge } from '@/components/periods/status-badge';
import { PeriodTabs } from '@/components/plans/period-tabs';
import { AlertBadge } from '@/components/plans/alert-badge';

export default async function DashboardPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ chantier?: string | string[] }>;
}) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const { id } = await params;
  const { chantier: asked } = await searchParams;
  const period = await getPeriod({ actor, periodId: id }).catch((error) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const [names, everyone] = await Promise.all([loadNames(), seesEveryone(actor)]);
  // Only a known chantier is drawn alone; anything else draws them all.
  const chosen = typeof asked === 'string' && Object.hasOwn(names.chantiers, asked) ? asked : undefined;
  const { plan, burnUp } = await getPeriodDashboard({ actor, periodId: id, chantierId: chosen });
  const money = (cents: number) => formatCents(cents, locale);
  const hours = (minutes: number) => formatDuration(minutes, locale);
  const chantierName = (chantierId: string) => names.chantiers[chantierId] ?? chantierId;
  const personName = (personId: string | null) =>
    personId === null ? t('plans.dashboard.anyone') : (names.people[personId] ?? personId);
  const chantiers = [...plan.chantiers].sort((a, b) =>
    chantierName(a.chantierId).localeCompare(chantierName(b.chantierId), locale),
  );
  const lines = chantiers.flatMap((chantier) =>
    chantier.lines.map((line) => ({ ...line, chantierId: chantier.chantierId })),
  );
  const day = (iso: string) => formatCalendarDate(iso, locale);
  const referentOfAll = chantiers.every((chantier) => actor.referentOf.includes(chantier.chantierId));

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-slate-900">
          {t('plans.dashboard.title')} — {period.name}
        </h1>
        <PeriodStatusBadge status={period.status} label={t(`periods.status.${period.status}`)} />
      </div>
      <PeriodTabs periodId={period.id} current="dashboard" />
      <div className="flex flex-col gap-6">
        <p data-testid="dashboard-as-of">
          {plan.elapsedDays === 0
            ? t('plans.dashboard.notStarted')
            : t('plans.dashboard.asOf', { date: day(plan.asOf), elapsed: plan.elapsedDays, total: plan.totalDays })}
        </p>
        <Section title={t('plans.dashboard.chantiers')}>
          <ScrollArea label={t('plans.dashboard.chantiers')}>
            <table className="min-w-full text-left text-sm" data-testid="dashboard-chantiers">
              <thead>
                <tr>
                  <th scope="col" className="p-2">
                    {t('plans.dashboard.chantier')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('plans.dashboard.alert')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('plans.dashboard.envelope')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('plans.dashboard.planned')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('plans.dashboard.demand')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('plans.dashboard.forecast')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {chantiers.map((chantier) => (
                  <tr
                    key={chantier.chantierId}
                    className="border-t border-slate-200"
                    data-chantier={chantier.chantierId}
                  >
                    <th scope="row" className="p-2 font-medium">
                      {chantierName(chantier.chantierId)}
                    </th>
                    <td className="p-2">
                      <AlertBadge alert={chantier.alert} label={t(`plans.dashboard.alerts.${chantier.alert}`)} />
                    </td>
                    <td className="p-2 tabular-nums">
                      {chantier.envelopeCents === null ? t('plans.dashboard.unlimited') : money(chantier.envelopeCents)}
                    </td>
                    <td className="p-2 tabular-nums">{money(chantier.plannedCents)}</td>
                    <td className="p-2 tabular-nums">{money(chantier.demandCents)}</td>
                    <td className="p-2 tabular-nums">{money(chantier.forecastCents)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
        </Section>
        <Section title={t('plans.dashboard.burnUp.title')}>
          <form method="get" className="mb-4 flex flex-wrap items-end gap-3">
            <div className="flex w-full min-w-0 flex-col gap-1 sm:w-auto">
              <label htmlFor="burn-up-chantier" className="text-sm font-medium text-slate-800">
                {t('plans.dashboard.burnUp.of')}
              </label>
              <select
                id="burn-up-chantier"
                name="chantier"
                defaultValue={chosen ?? ''}
                className="min-h-11 w-full max-w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-base text-slate-900 sm:max-w-md"
              >
                <option value="">{t('plans.dashboard.burnUp.all')}</option>
                {chantiers.map((chantier) => (
                  <option key={chantier.chantierId} value={chantier.chantierId}>
                    {chantierName(chantier.chantierId)}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="submit"
              className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 py-2 text-sm font-medium text-slate-800 hover:bg-slate-50"
            >
              {t('plans.dashboard.burnUp.show')}
            </button>
          </form>
          <div data-testid="burn-up">
            <LineChart
              title={`${t('plans.dashboard.burnUp.title')} — ${chosen ? chantierName(chosen) : t('plans.dashboard.burnUp.all')}`}
              columns={burnUp.points.map((point) => ({
                label: day(point.date),
                values: {
                  approved: point.approvedCents,
                  declared: point.declaredCents,
                  plan: point.planCents,
                  ...(burnUp.envelopeCents === null ? {} : { envelope: burnUp.envelopeCents }),
                },
              }))}
              series={[
                { key: 'declared', label: t('plans.dashboard.burnUp.declared'), color: '#2563eb', dash: '2 3' },
                { key: 'approved', label: t('plans.dashboard.burnUp.approved'), color: '#2f7a4b', width: 3.5 },
                { key: 'plan', label: t('plans.dashboard.burnUp.plan'), color: '#4b5563', dash: '8 5' },
                ...(burnUp.envelopeCents === null
                  ? []
                  : [
                      {
                        key: 'envelope',
                        label: t('plans.dashboard.burnUp.envelope'),
                        color: '#dc2626',
                        dash: '14 4 2 4',
                      },
                    ]),
              ]}
              formatValue={(cents) => money(Math.round(cents))}
              tableLabel={t('plans.dashboard.burnUp.table')}
              cornerLabel={t('plans.dashboard.burnUp.day')}
            />
          </div>
        </Section>
        <Section title={t('plans.dashboard.people')}>
          <ScrollArea label={t('plans.dashboard.people')}>
            <table className="min-w-full text-left text-sm" data-testid="dashboard-people">
              <thead>
                <tr>
                  <th scope="col" className="p-2">
                    {t('plans.dashboard.person')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('plans.dashboard.chantier')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('plans.dashboard.plannedHours')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('plans.dashboard.declaredHours')}
                  </th>
                  <th scope="col" className="p-2">
                    {t('plans.dashboard.approvedHours')}
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={`${line.chantierId}:${line.personId}`} className="border-t border-slate-200">
                    <th scope="row" className="p-2 font-medium">
                      {personName(line.personId)}
                    </th>
                    <td className="p-2">{chantierName(line.chantierId)}</td>
                    <td className="p-2 tabular-nums">{hours(line.plannedMinutes)}</td>
                    <td className="p-2 tabular-nums">{hours(line.submittedMinutes + line.approvedMinutes)}</td>
                    <td className="p-2 tabular-nums">{hours(line.approvedMinutes)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </ScrollArea>
          {!everyone && !referentOfAll ? (
            <p className="mt-3 text-sm text-slate-700">{t('plans.dashboard.hidden')}</p>
          ) : null}
        </Section>
      </div>
    </>
  );
}
