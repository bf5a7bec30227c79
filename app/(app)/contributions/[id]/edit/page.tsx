// Editing one of my contributions, from the version I loaded (a stale one is refused).
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { getContribution } from '@/lib/contributions/server/queries';
import { orNotFound } from '@/lib/not-found';
import { contributionFormOptions } from '@/lib/contributions/server/form-data';
import { ContributionForm } from '@/components/contributions/contribution-form';
import { PageTitle, Section } from '@/components/ui/primitives';
import { editAction } from '@/lib/contributions/actions';

export default async function EditContributionPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const contribution = await orNotFound(getContribution({ actor, id }));
  if (contribution.personId !== actor.id) notFound();
  const t = await getTranslations('declare');
  const options = await contributionFormOptions();
  return (
    <>
      <PageTitle>{t('editTitle')}</PageTitle>
      <Section>
        <ContributionForm
          action={editAction}
          chantiers={options.chantiers}
          places={options.places}
          initial={contribution}
          editing
        />
      </Section>
    </>
  );
}
