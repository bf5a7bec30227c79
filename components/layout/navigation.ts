// What each person's navigation shows: the screens their roles let them use. Pure, so the menu
// and its tests agree; the pages check the same permissions on the server.
import { can, type Actor, type Permission } from '@/lib/auth/permissions';

export type NavItem = { href: string; labelKey: string; permission?: Permission; referent?: boolean };

export const NAV_ITEMS: NavItem[] = [
  { href: '/', labelKey: 'home' },
  { href: '/profile', labelKey: 'profile' },
  { href: '/admin/people', labelKey: 'people', permission: 'people.update' },
  { href: '/admin/chantiers', labelKey: 'chantiers', permission: 'chantiers.manage' },
  { href: '/admin/places', labelKey: 'places', permission: 'places.manage' },
  { href: '/admin/settings', labelKey: 'settings', permission: 'settings.manage' },
];

export function navigationFor(actor: Pick<Actor, 'roles' | 'referentOf'>): NavItem[] {
  return NAV_ITEMS.filter((item) => (!item.permission || can(actor, item.permission)) && (!item.referent || actor.referentOf.length > 0));
}
