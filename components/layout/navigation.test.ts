import { describe, expect, it } from 'vitest';
import type { Role } from '@/lib/auth/permissions';
import { navigationFor } from './navigation';

const hrefs = (roles: Role[], referentOf: string[] = []) =>
  navigationFor({ roles, referentOf }).map((item) => item.href);
const EVERYONE = [
  '/',
  '/contributions/new',
  '/claims/new',
  '/contributions/week',
  '/contributions',
  '/approved',
  '/periods',
  '/payouts',
  '/profile',
];
const ADMIN_ONLY = ['/admin/people', '/admin/chantiers', '/admin/places', '/admin/settings', '/admin/import'];

describe('navigationFor', () => {
  it.each([
    [
      'a contributor',
      ['CONTRIBUTOR'] as Role[],
      [] as string[],
      EVERYONE,
      [...ADMIN_ONLY, '/review', '/treasury/payees'],
    ],
    ['a referent of a chantier', ['REFERENT', 'CONTRIBUTOR'] as Role[], ['c1'], [...EVERYONE, '/review'], ADMIN_ONLY],
    [
      'a treasurer',
      ['TREASURER', 'CONTRIBUTOR'] as Role[],
      [],
      [...EVERYONE, '/treasury/payees', '/admin/settings'],
      [...ADMIN_ONLY.filter((href) => href !== '/admin/settings'), '/review'],
    ],
    ['an admin', ['ADMIN', 'CONTRIBUTOR'] as Role[], [], [...EVERYONE, '/review', ...ADMIN_ONLY], []],
    ['a REFERENT role with no chantier', ['REFERENT'] as Role[], [], EVERYONE, ['/review']],
  ])('%s sees what their roles allow, and nothing else', (_who, roles, referentOf, shown, hidden) => {
    const menu = hrefs(roles, referentOf);
    for (const href of shown) expect(menu).toContain(href);
    for (const href of hidden) expect(menu).not.toContain(href);
  });
});
