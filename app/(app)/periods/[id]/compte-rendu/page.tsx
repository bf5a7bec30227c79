// A period's compte rendu financier: each chantier's explanation of its gap between plan and
// realised money, written by a treasurer (every chantier) or a referent (their own), whatever the
// period's state; a treasurer also finds the files here. Others: 404.
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { can, hasRole } from '@/lib/auth/permissions';
import { orNotFound } from '@/lib/not-found';
import { getPeriod } from '@/lib/periods/periods';
import { chantierLabel } from '@/lib/format/chantier';
import { listWritableExplanations } from '@/lib/plans/server/report';
import { Section } from '@/components/ui/primitives';
import { ExplanationForm } from '@/components/plans/explanation-form';
import { exportHref } from '@/components/treasury/export-links';
import { saveExplanationAction } from './actions';

const FILES = [
  ['compteRenduCsv', 'compte-rendu.csv'],
  ['compteRenduXlsx', 'compte-rendu.xlsx'],
  ['compteRenduPdf', 'compte-rendu.pdf'],
] as const;

export default async function CompteRenduPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  if (!hasRole(actor, 'TREASURER') && actor.referentOf.length === 0) notFound();
  const t = await getTranslations('alerts.report');
  const { id } = await params;
  const period = await orNotFound(getPeriod({ actor, periodId: id }));
  const chantiers = await listWritableExplanations({ actor, periodId: period.id });

  return (
    <>
      <p className="mb-2 text-sm">
        <Link href={`/periods/${period.id}`} className="inline-flex min-h-11 items-center text-brand-700 underline">
          ← {t('back')}
        </Link>
      </p>
      <h1 className="mb-6 text-2xl font-bold break-words text-slate-900">{t('pageTitle', { period: period.name })}</h1>
      <div className="flex flex-col gap-6">
        <p className="text-slate-700">{t('intro')}</p>
        {can(actor, 'exports.read') ? (
          <Section title={t('downloads')}>
            <ul className="flex flex-col" data-testid="compte-rendu-files">
              {FILES.map(([key, file]) => (
                <li key={key}>
                  <a
                    href={exportHref(period.id, file)}
                    className="inline-flex min-h-11 items-center text-sm text-brand-700 underline"
                    data-testid={`export-${key}`}
                  >
                    {t(`links.${key}`)}
                  </a>
                </li>
              ))}
            </ul>
          </Section>
        ) : null}
        <Section title={t('title')}>
          {chantiers.length === 0 ? (
            <p className="text-slate-700">{t('none')}</p>
          ) : (
            <ul className="flex flex-col gap-6" data-testid="explanations">
              {chantiers.map((chantier) => (
                <li key={chantier.chantierId}>
                  <ExplanationForm
                    action={saveExplanationAction}
                    periodId={period.id}
                    chantier={{ chantierId: chantier.chantierId, label: chantierLabel(chantier), text: chantier.text }}
                  />
                </li>
              ))}
            </ul>
          )}
        </Section>
      </div>
    </>
  );
}
