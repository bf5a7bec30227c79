// Hours and money per chantier over the last periods, as two stacked bar charts.
import { getLocale, getTranslations } from 'next-intl/server';
import { listChantiers } from '@/lib/chantiers/chantiers';
import { totalsOverTime } from '@/lib/periods/over-time';
import { formatDuration } from '@/lib/contributions/duration';
import { formatCents } from '@/lib/format/money';
import { StackedBarChart } from '@/components/charts/stacked-bar-chart';
import { Section } from '@/components/ui/primitives';
import { asLocale } from '@/lib/i18n/locales';

export async function OverTimeCharts() {
  const t = await getTranslations('periods.chart');
  const locale = asLocale(await getLocale());
  const [periods, chantiers] = await Promise.all([totalsOverTime(), listChantiers({ includeInactive: true })]);
  if (periods.length === 0) return null;
  const series = chantiers.map((chantier) => ({ key: chantier.id, label: chantier.code ?? chantier.name }));
  const label = (startDate: string) => `${startDate.slice(5, 7)}/${startDate.slice(0, 4)}`;
  const columns = (pick: 'minutes' | 'amountCents') =>
    periods.map((period) => ({
      label: label(period.startDate),
      values: Object.fromEntries(
        Object.entries(period.byChantier).map(([chantierId, totals]) => [chantierId, totals[pick]]),
      ),
    }));
  return (
    <Section title={t('title')}>
      <div className="grid gap-6 lg:grid-cols-2" data-testid="over-time-charts">
        <StackedBarChart
          title={t('hours')}
          columns={columns('minutes')}
          series={series}
          formatValue={(minutes) => formatDuration(Math.round(minutes), locale)}
          tableLabel={t('table')}
          cornerLabel={t('period')}
        />
        <StackedBarChart
          title={t('money')}
          columns={columns('amountCents')}
          series={series}
          formatValue={(cents) => formatCents(Math.round(cents), locale)}
          tableLabel={t('table')}
          cornerLabel={t('period')}
        />
      </div>
    </Section>
  );
}
