// My payout details: who receives my pay, my legal name, my bank account, my address. Only I
// may change them; the treasurers read them.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { requireActor } from '@/lib/auth/require';
import { getPayoutProfile } from '@/lib/payees/profiles';
import { formatIban, formatSiret } from '@/lib/payees/validate';
import { PageTitle, Section } from '@/components/ui/primitives';
import { PayoutProfileCard } from '@/components/payees/payout-profile-summary';
import { PayoutProfileForm } from './payout-form';

export default async function PayoutProfilePage() {
  const actor = await requireActor();
  const t = await getTranslations('payees.profile');
  const profile = await getPayoutProfile({ actor, personId: actor.id });
  const defaults = {
    payeeType: profile?.payeeType ?? 'SELF',
    organisationName: profile?.organisationName ?? '',
    legalName: profile?.legalName ?? actor.name,
    iban: profile?.iban ? formatIban(profile.iban) : '',
    bic: profile?.bic ?? '',
    siret: profile?.siret ? formatSiret(profile.siret) : '',
    addressLine1: profile?.addressLine1 ?? '',
    addressLine2: profile?.addressLine2 ?? '',
    postalCode: profile?.postalCode ?? '',
    city: profile?.city ?? '',
    country: profile?.country ?? 'FR',
  } as const;
  return (
    <>
      <PageTitle>{t('title')}</PageTitle>
      <p className="mb-6 text-slate-700">{t('intro')}</p>
      <div className="flex flex-col gap-6">
        {profile ? <PayoutProfileCard profile={profile} title={t('current')} /> : null}
        <Section title={profile ? t('formTitle') : undefined}>
          <PayoutProfileForm defaults={defaults} />
        </Section>
        <p>
          <Link href="/profile" className="inline-flex min-h-11 items-center text-brand-700 underline">
            {t('back')}
          </Link>
        </p>
      </div>
    </>
  );
}
