// The claim screens' titles ("Déclarer une dépense — Butin", WCAG 2.4.2), from the claimsUi
// messages; a route's layout.tsx exports `generateMetadata = claimPageTitle('declare')`.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export function claimPageTitle(key: 'declare' | 'claim' | 'edit' | 'commit') {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations('claimsUi.titles');
    return { title: { absolute: `${t(key)} — Butin` } };
  };
}
