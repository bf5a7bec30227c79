// The claims that keep a period from closing, listed as its pending contributions are: who, when,
// which chantier, what (kind, description) and how much, each a link to the claim's page, where a
// referent reviews it. Shown by the close form before a close, and under it when a close is refused.
import Link from 'next/link';
import { useLocale, useTranslations } from 'next-intl';
import type { PendingClaim } from '@/lib/periods/payouts';
import { claimValue } from '@/lib/claim-form/describe';
import { formatCalendarDate } from '@/lib/format/date';
import { asLocale } from '@/lib/i18n/locales';

export function PendingClaimList({ claims, testId }: { claims: PendingClaim[]; testId: string }) {
  const t = useTranslations('claimsUi.pending');
  const kinds = useTranslations('claimsPay.kinds');
  const locale = asLocale(useLocale());
  return (
    <ul className="flex flex-col gap-1 text-sm text-slate-800" data-testid={testId}>
      {claims.map((claim) => {
        const date = formatCalendarDate(claim.date, locale);
        return (
          <li key={claim.id} className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
            <Link href={`/claims/${claim.id}`} className="text-brand-800 underline">
              {t('item', {
                person: claim.personName,
                date,
                chantier: claim.chantierName,
                kind: kinds(claim.kind),
                description: claim.description,
                amount: claimValue(claim, locale),
              })}
            </Link>{' '}
            <span className="text-slate-600">({t(`status.${claim.status}`)})</span>
          </li>
        );
      })}
    </ul>
  );
}
