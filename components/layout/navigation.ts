// What each person's navigation shows: the screens their roles let them use. Pure, so the menu
// and its tests agree; the pages check the same permissions on the server.
import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import { reviewsAnything } from '@/lib/contributions/policy';

export type NavItem = { href: string; labelKey: string; permission?: Permission; reviewer?: boolean };

export const NAV_ITEMS: NavItem[] = [
  { href: '/', labelKey: 'home' },
  { href: '/contributions/new', labelKey: 'declare' },
  { href: '/contributions/week', labelKey: 'week' },
  { href: '/contributions', labelKey: 'mine' },
  { href: '/review', labelKey: 'review', reviewer: true },
  { href: '/approved', labelKey: 'approved' },
  { href: '/periods', labelKey: 'periods' },
  { href: '/payouts', labelKey: 'payouts' },
  { href: '/treasury/payees', labelKey: 'payees', permission: 'personalData.readAny' },
  { href: '/profile', labelKey: 'profile' },
  { href: '/admin/people', labelKey: 'people', permission: 'people.update' },
  { href: '/admin/chantiers', labelKey: 'chantiers', permission: 'chantiers.manage' },
  { href: '/admin/places', labelKey: 'places', permission: 'places.manage' },
  { href: '/admin/settings', labelKey: 'settings', permission: 'settings.manage' },
  { href: '/admin/import', labelKey: 'import', permission: 'contributions.import' },
];

/** Whether the review screen is theirs: the contribution policy's scope decides. */
export function isReviewer(actor: Pick<Actor, 'roles' | 'referentOf'>): boolean {
  return reviewsAnything(actor);
}

export function navigationFor(actor: Pick<Actor, 'roles' | 'referentOf'>): NavItem[] {
  return NAV_ITEMS.filter(
    (item) => (!item.permission || can(actor, item.permission)) && (!item.reviewer || isReviewer(actor)),
  );
}
