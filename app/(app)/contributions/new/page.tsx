// Déclarer: a new contribution, or a copy of one of mine (?duplicate=id) dated today.
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { getContribution } from '@/lib/contributions/server/queries';
import { nullIfNotFound } from '@/lib/not-found';
import { contributionFormOptions } from '@/lib/contributions/server/form-data';
import { ContributionForm, type ContributionFormValues } from '@/components/contributions/contribution-form';
import { PageTitle, Section } from '@/components/ui/primitives';
import { declareAction } from '@/lib/contributions/actions';
import { DeclareTabs } from '@/components/claims/declare-tabs';

export default async function DeclarePage({ searchParams }: { searchParams: Promise<{ duplicate?: string }> }) {
  const actor = await requireActor();
  const t = await getTranslations('declare');
  const { duplicate } = await searchParams;
  const options = await contributionFormOptions();
  let initial: ContributionFormValues = { date: options.today };
  if (duplicate) {
    const source = await nullIfNotFound(getContribution({ actor, id: duplicate }));
    if (source && source.personId === actor.id) {
      initial = {
        date: options.today,
        minutes: source.minutes,
        chantierId: source.chantierId,
        placeId: source.placeId,
        description: source.description,
        link: source.link,
        volunteer: source.volunteer,
      };
    }
  }
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <DeclareTabs current="hours" />
      <Section>
        <ContributionForm
          action={declareAction}
          chantiers={options.chantiers}
          places={options.places}
          today={options.today}
          initial={initial}
        />
      </Section>
    </>
  );
}
