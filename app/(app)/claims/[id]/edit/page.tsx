// Modifier une demande: mine, while it can still change (a draft, a committed fee, one sent back
// for changes, or one submitted and not yet reviewed).
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { findClaimDetail } from '@/lib/claims/server/queries';
import { nextClaimStatus } from '@/lib/claims/lifecycle';
import { claimFormOptions } from '@/lib/claim-form/server/options';
import { ClaimForm } from '@/components/claims/claim-form';
import { PageTitle, Section } from '@/components/ui/primitives';

export default async function EditClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const claim = id.length <= 64 ? await findClaimDetail(actor, id) : null;
  if (!claim || claim.personId !== actor.id || !nextClaimStatus(claim.status, 'edit')) notFound();
  const t = await getTranslations('claimsUi.titles');
  const options = await claimFormOptions();
  return (
    <>
      <PageTitle>{t('edit')}</PageTitle>
      <Section>
        <ClaimForm
          chantiers={options.chantiers}
          places={options.places}
          periods={options.periods}
          editing
          submittable={nextClaimStatus(claim.status, 'submit') !== null}
          initial={{
            id: claim.id,
            version: claim.version,
            kind: claim.kind,
            date: claim.date,
            chantierId: claim.chantierId,
            placeId: claim.placeId,
            amountCents: claim.amountCents,
            distanceKm: claim.distanceKm,
            description: claim.description,
            storedFiles: claim.fileCount,
          }}
        />
      </Section>
    </>
  );
}
