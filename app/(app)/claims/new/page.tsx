// Déclarer une dépense: a new claim, or a copy of one of mine (?duplicate=id) dated today.
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { findClaimDetail } from '@/lib/claims/server/queries';
import { claimFormOptions } from '@/lib/claim-form/server/options';
import { ClaimForm, type ClaimFormValues } from '@/components/claims/claim-form';
import { DeclareTabs } from '@/components/claims/declare-tabs';
import { PageTitle, Section } from '@/components/ui/primitives';

export default async function DeclareClaimPage({ searchParams }: { searchParams: Promise<{ duplicate?: string }> }) {
  const actor = await requireActor();
  const t = await getTranslations('claimsUi.titles');
  const { duplicate } = await searchParams;
  const options = await claimFormOptions();
  let initial: ClaimFormValues = { date: options.today };
  if (duplicate && duplicate.length <= 64) {
    const source = await findClaimDetail(actor, duplicate);
    if (source && source.personId === actor.id) {
      initial = {
        date: options.today,
        kind: source.kind,
        chantierId: source.chantierId,
        placeId: source.placeId,
        amountCents: source.kind === 'MILEAGE' ? null : source.amountCents,
        distanceKm: source.distanceKm,
        description: source.description,
      };
    }
  }
  return (
    <>
      <PageTitle>{t('declare')}</PageTitle>
      <DeclareTabs current="claim" />
      <Section>
        <ClaimForm chantiers={options.chantiers} places={options.places} periods={options.periods} initial={initial} />
      </Section>
    </>
  );
}
