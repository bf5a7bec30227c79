import { describe, expect, it } from 'vitest';
import { claimsPageHref } from '@/lib/claim-form/claims-page-href';

describe('claimsPageHref', () => {
  it('keeps the filters, drops the contributions cursor, sets the claims cursor', () => {
    expect(
      claimsPageHref(
        '/review',
        { periodId: 'p1', cursor: 'abc', claimsCursor: 'old', personId: '' },
        'next',
        'review-claims',
      ),
    ).toBe('/review?periodId=p1&claimsCursor=next#review-claims');
  });
  it('no next page, no link', () => {
    expect(claimsPageHref('/contributions', { periodId: 'p1' }, null, 'claims')).toBeNull();
  });
});
