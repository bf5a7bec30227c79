// A period's Prévisionnel (docs/plans.md): each chantier's plan, typed like a spreadsheet by a
// treasurer (any chantier) or a referent (their own) while the period is open, with the planned
// money at the rates that will apply and the total against the envelope; "copy the previous
// period's plan" in one click. Everyone else reads it (per-person rows by the transparency rule).
import { notFound } from 'next/navigation';
import { getLocale, getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { hasRole } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { getPeriod } from '@/lib/periods/periods';
import { loadNames } from '@/lib/periods/names';
import { periodFormOptions } from '@/lib/periods/form-options';
import { canPlanChantier, getPeriodPlan, loadPlanSettings } from '@/lib/plans/server/plan';
import { copyPreviousPlanAction } from '@/lib/plans/actions';
import { ANYONE } from '@/lib/plans/planned';
import { createRateResolver } from '@/lib/pricing';
import { minutesToHoursInput } from '@/lib/format/hours';
import { centsToInput, formatCents } from '@/lib/format/money';
import { formatDuration } from '@/lib/contributions/duration';
import { asLocale } from '@/lib/i18n/locales';
import { Notice, Section } from '@/components/ui/primitives';
import { ActionForm, SubmitButton } from '@/components/ui/action-form';
import { ScrollArea } from '@/components/ui/scroll-area';
import { PeriodStatusBadge } from '@/components/periods/status-badge';
import { PeriodTabs } from '@/components/plans/period-tabs';
import { PlanEditor } from '@/components/plans/plan-editor';

export default async function PlanPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const t = await getTranslations();
  const locale = asLocale(await getLocale());
  const { id } = await params;
  const [period, plan] = await Promise.all([
    getPeriod({ actor, periodId: id }),
    getPeriodPlan({ actor, periodId: id }),
  ]).catch((error) => {
    if (error instanceof AppError && error.code === 'NOT_FOUND') notFound();
    throw error;
  });
  const open = period.status === 'OPEN';
  const plans = open && (hasRole(actor, 'TREASURER') || actor.referentOf.length > 0);
  const [names, options, settings] = await Promise.all([
    loadNames(),
    plans ? periodFormOptions() : null,
    plans ? loadPlanSettings(period.id) : null,
  ]);
  const rateOf = settings ? createRateResolver(settings) : null;
  const money = (cents: number) => formatCents(cents, locale);
  const chantierName = (chantierId: string) => names.chantiers[chantierId] ?? chantierId;
  const personName = (personId: string | null) =>
    personId === null ? t('plans.editor.anyone') : (names.people[personId] ?? personId);
  const chantiers = [...plan.chantiers].sort((a, b) =>
    chantierName(a.chantierId).localeCompare(chantierName(b.chantierId), locale),
  );

  return (
    <>
      <div className="mb-4 flex flex-wrap items-center gap-3">
        <h1 className="text-2xl font-bold text-slate-900">
          {t('plans.title')} — {period.name}
        </h1>
        <PeriodStatusBadge status={period.status} label={t(`periods.status.${period.status}`)} />
      </div>
      <PeriodTabs periodId={period.id} current="plan" />
      <div className="flex flex-col gap-6">
        <p className="max-w-3xl text-slate-700">{t('plans.intro')}</p>
        {!open ? <Notice>{t('plans.closed')}</Notice> : null}
        {plans ? (
          <ActionForm action={copyPreviousPlanAction} className="flex flex-col items-start gap-2">
            <input type="hidden" name="periodId" value={period.id} />
            <SubmitButton variant="secondary">{t('plans.copy.button')}</SubmitButton>
            <p className="text-sm text-slate-700">{t('plans.copy.hint')}</p>
          </ActionForm>
        ) : null}
        {chantiers.length === 0 ? <p>{t('plans.none')}</p> : null}
        {chantiers.map((chantier) => {
          const label = chantierName(chantier.chantierId);
          const planned = chantier.lines.filter((line) => line.plannedMinutes > 0 || line.plannedFixedCents > 0);
          if (open && rateOf && options && canPlanChantier(actor, chantier.chantierId)) {
            const people = [...options.people];
            for (const line of planned)
              if (line.personId !== null && !people.some((person) => person.value === line.personId))
                people.push({ value: line.personId, label: personName(line.personId) });
            const rates: Record<string, number> = { [ANYONE]: rateOf(null, chantier.chantierId).rateCents };
            for (const person of people) rates[person.value] = rateOf(person.value, chantier.chantierId).rateCents;
            return (
              <Section key={chantier.chantierId} title={label}>
                <PlanEditor
                  periodId={period.id}
                  chantierId={chantier.chantierId}
                  chantierLabel={label}
                  envelopeCents={chantier.envelopeCents}
                  people={people}
                  rates={rates}
                  initial={planned.map((line) => ({
                    personId: line.personId ?? ANYONE,
                    hours: line.plannedMinutes > 0 ? minutesToHoursInput(line.plannedMinutes, locale) : '',
                    amount: line.plannedFixedCents > 0 ? centsToInput(line.plannedFixedCents, locale) : '',
                  }))}
                />
              </Section>
            );
          }
          return (
            <Section key={chantier.chantierId} title={label}>
              {planned.length === 0 ? (
                <p className="text-slate-700">{t('plans.empty')}</p>
              ) : (
                <ScrollArea label={label}>
                  <table className="min-w-full text-left text-sm" data-testid={`plan-table-${chantier.chantierId}`}>
                    <thead>
                      <tr>
                        <th scope="col" className="p-2">
                          {t('plans.editor.person')}
                        </th>
                        <th scope="col" className="p-2">
                          {t('plans.editor.hours')}
                        </th>
                        <th scope="col" className="p-2">
                          {t('plans.editor.amount')}
                        </th>
                        <th scope="col" className="p-2">
                          {t('plans.editor.planned')}
                        </th>
                      </tr>
                    </thead>
                    <tbody>
                      {planned.map((line) => (
                        <tr key={line.personId ?? ANYONE} className="border-t border-slate-200">
                          <th scope="row" className="p-2 font-medium">
                            {personName(line.personId)}
                          </th>
                          <td className="p-2 tabular-nums">{formatDuration(line.plannedMinutes, locale)}</td>
                          <td className="p-2 tabular-nums">{money(line.plannedFixedCents)}</td>
                          <td className="p-2 tabular-nums">{money(line.plannedCents)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </ScrollArea>
              )}
              <p className="mt-3">
                {t('plans.editor.total')} : {money(chantier.plannedCents)} — {t('plans.editor.envelope')} :{' '}
                {chantier.envelopeCents === null ? t('plans.editor.noEnvelope') : money(chantier.envelopeCents)}
              </p>
            </Section>
          );
        })}
        {!plans && open ? <p className="text-sm text-slate-700">{t('plans.readOnly')}</p> : null}
      </div>
    </>
  );
}
