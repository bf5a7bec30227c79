// Engager un forfait: for a referent (their chantiers) or a treasurer (every chantier). Others
// find no such page; the server checks again against the chosen chantier.
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { canCommitFee } from '@/lib/claims/policy';
import { listPersonNames } from '@/lib/people/people';
import { claimFormOptions } from '@/lib/claim-form/server/options';
import { CommitFeeForm } from '@/components/claims/commit-fee-form';
import { PageTitle, Section } from '@/components/ui/primitives';

export default async function CommitFeePage() {
  const actor = await requireActor();
  const options = await claimFormOptions();
  const chantiers = options.chantiers.filter((chantier) => canCommitFee(actor, chantier.id));
  if (chantiers.length === 0) notFound();
  const [t, people] = await Promise.all([getTranslations('claimsUi.commit'), listPersonNames({ actor })]);
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p className="mb-4 text-slate-700">{t('intro')}</p>
      <Section>
        <CommitFeeForm
          people={people.filter((person) => person.id !== actor.id)}
          chantiers={chantiers}
          today={options.today}
        />
      </Section>
    </>
  );
}
