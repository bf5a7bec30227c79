'use client';
// What the claim still lacks to be submitted, shown under the fields as they are filled in, so
// nobody learns it only after pressing "Soumettre". Not a live region: it changes at each key
// press; the refusal that follows a press is what is announced.
import { useTranslations } from 'next-intl';
import type { Missing } from '@/lib/claim-form/missing';

export function MissingList({ missing, intent = 'submit' }: { missing: Missing[]; intent?: 'draft' | 'submit' }) {
  const t = useTranslations('claimsUi');
  if (missing.length === 0)
    return (
      <p
        className="rounded-md border border-emerald-700 bg-emerald-50 px-4 py-3 text-sm text-emerald-900"
        data-testid="claim-missing"
      >
        {t('form.nothingMissing')}
      </p>
    );
  return (
    <div
      className="rounded-md border border-amber-400 bg-amber-50 px-4 py-3 text-sm text-amber-950"
      data-testid="claim-missing"
    >
      <p className="font-medium">{t(intent === 'submit' ? 'form.missingTitle' : 'form.missingDraftTitle')}</p>
      <ul className="mt-1 list-disc pl-5">
        {missing.map((code) => (
          <li key={code}>{t(`missing.${code}`)}</li>
        ))}
      </ul>
    </div>
  );
}
