// What each person's navigation shows: the screens their roles let them use. Pure, so the menu
// and its tests agree; the pages check the same permissions on the server.
import { can, type Actor, type Permission } from '@/lib/auth/permissions';
import { reviewsAnything } from '@/lib/contributions/policy';
import type { Messages } from '@/lib/i18n/locale';

/** `permission`: the item shows to whoever holds it (any one of them, for a list). */
export type NavItem = {
  href: string;
  /** A key of the nav messages (messages/fr/nav.json), checked by the type check. */
  labelKey: keyof Messages['nav'];
  permission?: Permission | Permission[];
  reviewer?: boolean;
};

export const NAV_ITEMS: NavItem[] = [
  { href: '/', labelKey: 'home' },
  { href: '/contributions/new', labelKey: 'declare' },
  { href: '/claims/new', labelKey: 'declareClaim' },
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
  // Admins set the collective's name and time zone there, treasurers its bank account.
  { href: '/admin/settings', labelKey: 'settings', permission: ['settings.manage', 'payments.record'] },
  { href: '/admin/import', labelKey: 'import', permission: 'contributions.import' },
];

/** Whether the review screen is theirs: the contribution policy's scope decides. */
export function isReviewer(actor: Pick<Actor, 'roles' | 'referentOf'>): boolean {
  return reviewsAnything(actor);
}

export function navigationFor(actor: Pick<Actor, 'roles' | 'referentOf'>): NavItem[] {
  return NAV_ITEMS.filter(
    (item) =>
      (!item.permission || [item.permission].flat().some((permission) => can(actor, permission))) &&
      (!item.reviewer || isReviewer(actor)),
  );
}
