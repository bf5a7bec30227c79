import { describe, expect, it } from 'vitest';
import { nextPageHref } from './next-page';

describe('nextPageHref', () => {
  it.each([
    ['/review', { sort: 'newest' }, null, null],
    ['/review', {}, 'abc', '/review?cursor=abc'],
    ['/review', { sort: 'newest', personId: '', cursor: 'old' }, 'new', '/review?sort=newest&cursor=new'],
    ['/approved', { periodId: 'all', placeId: undefined }, 'x y', '/approved?periodId=all&cursor=x+y'],
  ] as const)('%s %j, cursor %j → %j', (path, params, cursor, href) => {
    expect(nextPageHref(path, params, cursor)).toBe(href);
  });
});
