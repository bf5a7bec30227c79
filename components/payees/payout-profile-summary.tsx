// The payout details at a glance, for the person's profile page: who receives the money and the
// IBAN masked, with a link to edit them. Drop in as <PayoutProfileSummary actor={actor} />.
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import type { Actor } from '@/lib/auth/permissions';
import { getPayoutProfile } from '@/lib/payees/profiles';
import type { TPayoutProfileOut } from '@/lib/payees/schemas';
import { Section } from '@/components/ui/primitives';

const EDIT_PATH = '/profile/payout';

/** The signed-in person's own summary (it reads nobody else's). */
export async function PayoutProfileSummary({ actor }: { actor: Actor }) {
  const profile = await getPayoutProfile({ actor, personId: actor.id });
  return <PayoutProfileCard profile={profile} withEditLink />;
}

export async function PayoutProfileCard({
  profile,
  title,
  withEditLink = false,
}: {
  profile: TPayoutProfileOut | null;
  title?: string;
  withEditLink?: boolean;
}) {
  const t = await getTranslations('payees.summary');
  const editLink = withEditLink ? (
    <Link href={EDIT_PATH} className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline">
      {profile ? t('edit') : t('fill')}
    </Link>
  ) : null;
  return (
    <Section title={title ?? t('title')} actions={editLink}>
      <div data-testid="payout-summary">
        {profile ? (
          <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
            <dt className="text-sm text-slate-600">{t('payee')}</dt>
            <dd className="font-medium">{profile.payeeName}</dd>
            <dt className="text-sm text-slate-600">{t('iban')}</dt>
            <dd>
              {profile.ibanMasked ? (
                <span className="font-mono" data-testid="payout-iban-masked">
                  {profile.ibanMasked}
                </span>
              ) : (
                <span className="text-slate-700">{t('noIban')}</span>
              )}
              {profile.ibanMasked && !profile.ibanValid ? (
                <span className="ml-2 text-sm text-red-700">{t('ibanInvalid')}</span>
              ) : null}
            </dd>
          </dl>
        ) : (
          <p className="text-slate-700">{t('empty')}</p>
        )}
        <p className="mt-3 text-xs text-slate-600">{t('private')}</p>
      </div>
    </Section>
  );
}
