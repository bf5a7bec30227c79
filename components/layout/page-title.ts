// Each page's title ("Ma semaine — Butin", WCAG 2.4.2), in the person's language. A route's
// layout.tsx exports `generateMetadata = pageTitle('week')`.
import type { Metadata } from 'next';
import { getTranslations } from 'next-intl/server';

export const PAGE_TITLES = [
  'home',
  'declare',
  'week',
  'mine',
  'contribution',
  'editContribution',
  'review',
  'approved',
  'periods',
  'period',
  'payments',
  'payouts',
  'payees',
  'profile',
  'payoutProfile',
  'people',
  'chantiers',
  'places',
  'settings',
  'import',
  'signin',
  'join',
  'resetPassword',
  'newPassword',
  'setup',
  'notFound',
] as const;

export type PageTitleKey = (typeof PAGE_TITLES)[number];

export function pageTitle(key: PageTitleKey) {
  return async function generateMetadata(): Promise<Metadata> {
    const t = await getTranslations('titles');
    // Absolute: a layout's plain title would stop the root's template from reaching the pages below it.
    return { title: { absolute: `${t(key)} — Butin` } };
  };
}
