// One in-app notification of kind 'plan.alert' (lib/plans/server/alerts.ts), for the home page's
// list of notices: which chantier reached which threshold of its envelope, the figures, and a
// link to the period's dashboard.
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import { formatCents } from '@/lib/format/money';
import { asLocale } from '@/lib/i18n/locales';
import { PLAN_ALERT_KIND } from '@/lib/plans/alerts';

export function isPlanAlertNotification(notification: { kind: string }): boolean {
  return notification.kind === PLAN_ALERT_KIND;
}

type Stored = {
  periodId?: unknown;
  periodName?: unknown;
  chantierName?: unknown;
  threshold?: unknown;
  envelopeCents?: unknown;
  demandCents?: unknown;
  forecastCents?: unknown;
};

const cents = (value: unknown) => (typeof value === 'number' && Number.isSafeInteger(value) ? value : 0);
const text = (value: unknown) => (typeof value === 'string' ? value : '');

export function PlanAlertNotice({ data }: { data: unknown }) {
  const t = useTranslations('alerts.notification');
  const locale = asLocale(useLocale());
  const alert = (data ?? {}) as Stored;
  const values = {
    chantier: text(alert.chantierName),
    period: text(alert.periodName),
    envelope: formatCents(cents(alert.envelopeCents), locale),
    demand: formatCents(cents(alert.demandCents), locale),
    forecast: formatCents(cents(alert.forecastCents), locale),
  };
  return (
    <Link
      href={`/periods/${encodeURIComponent(text(alert.periodId))}/dashboard`}
      className="underline"
      data-testid="plan-alert-notice"
    >
      {alert.threshold === 100 ? t('over', values) : t('warn', values)}
    </Link>
  );
}
