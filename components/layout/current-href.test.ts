import { describe, expect, test } from 'vitest';
import { currentHref } from '@/components/layout/current-href';
import { NAV_ITEMS } from '@/components/layout/navigation';

describe('currentHref', () => {
  test.each([
    ['/', '/'],
    ['/contributions', '/contributions'],
    ['/contributions/week', '/contributions/week'],
    ['/contributions/new', '/contributions/new'],
    ['/claims/new', '/claims/new'],
    ['/contributions/abc123', '/contributions'],
    ['/contributions/abc123/edit', '/contributions'],
    ['/periods/p1/payments', '/periods'],
    ['/admin/people', '/admin/people'],
    ['/treasury/payees', '/treasury/payees'],
    ['/profile/payout', '/profile'],
    ['/nowhere', undefined],
    ['/contributionsX', undefined],
  ])('%s marks %s', (pathname, expected) => {
    expect(currentHref(pathname, NAV_ITEMS)).toBe(expected);
  });

  test('no path, no current entry', () => {
    expect(currentHref(null, NAV_ITEMS)).toBeUndefined();
  });
});
