// Modifier une demande: mine, while it can still change (a draft, a committed fee, one sent back
// for changes, or one submitted and not yet reviewed).
import { notFound } from 'next/navigation';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { findClaimDetail } from '@/lib/claims/server/queries';
import { nextClaimStatus } from '@/lib/claims/lifecycle';
import { canEditClaim } from '@/lib/claims/policy';
import { claimFormOptions } from '@/lib/claim-form/server/options';
import { ClaimForm } from '@/components/claims/claim-form';
import { PageTitle, Section } from '@/components/ui/primitives';

export default async function EditClaimPage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requireActor();
  const { id } = await params;
  const claim = id.length <= 64 ? await findClaimDetail(actor, id) : null;
  // Its person edits it while it can change; a committed fee is edited by those who commit fees on
  // its chantier, not by its person (lib/claims/policy.ts).
  if (
    !claim ||
    !canEditClaim(actor, {
      ownerId: claim.personId,
      createdById: claim.createdById,
      chantierId: claim.chantierId,
      status: claim.status,
    })
  )
    notFound();
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
          submittable={claim.personId === actor.id && nextClaimStatus(claim.status, 'submit') !== null}
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
