// The contributor's own plan for the period under way, on their home page (docs/plans.md): per
// chantier the hours declared (submitted and approved) against those planned, and the pace against
// the plan's straight line — in words, not only in a bar.
import Link from 'next/link';
import { getLocale, getTranslations } from 'next-intl/server';
import type { MyPlan } from '@/lib/plans/server/plan';
import { formatCalendarDate } from '@/lib/format/date';
import { formatDuration } from '@/lib/contributions/duration';
import { asLocale } from '@/lib/i18n/locales';
import { Section } from '@/components/ui/primitives';

const PACE_KEY = { AHEAD: 'ahead', ON_TRACK: 'onTrack', BEHIND: 'behind' } as const;

export async function MyPlanBlock({ plan }: { plan: MyPlan }) {
  const t = await getTranslations('plans.home');
  const locale = asLocale(await getLocale());
  const hours = (minutes: number) => formatDuration(minutes, locale);
  return (
    <Section title={`${t('title')} — ${plan.period.name}`}>
      <div className="flex flex-col gap-3" data-testid="my-plan">
        <ul className="flex flex-col gap-2">
          {plan.chantiers.map((chantier) => (
            <li key={chantier.chantierId} className="flex flex-col gap-1">
              <span>
                {t('line', {
                  chantier: chantier.name,
                  declared: hours(chantier.declaredMinutes),
                  planned: hours(chantier.plannedMinutes),
                })}
              </span>
              <progress
                className="h-2 w-full max-w-md accent-brand-700"
                max={chantier.plannedMinutes}
                value={Math.min(chantier.declaredMinutes, chantier.plannedMinutes)}
                aria-label={chantier.name}
              />
            </li>
          ))}
        </ul>
        <p data-testid="my-pace" data-pace={plan.pace}>
          <strong>{t(PACE_KEY[plan.pace])}</strong>{' '}
          {t('pace', { expected: hours(plan.expectedMinutes), date: formatCalendarDate(plan.asOf, locale) })}
        </p>
        <p>
          <Link
            href={`/periods/${plan.period.id}/dashboard`}
            className="inline-flex min-h-11 items-center text-brand-700 underline"
          >
            {t('link')}
          </Link>
        </p>
      </div>
    </Section>
  );
}
