import { describe, expect, it } from 'vitest';
import { claimSubject, claimValue, historyKey } from '@/lib/claim-form/describe';

const plain = (text: string) => text.replace(/[\u00a0\u202f]/g, ' ');

describe('claimValue', () => {
  it.each([
    [{ date: '2027-02-12', kind: 'EXPENSE', amountCents: 2340, distanceKm: null }, '23,40 €'],
    [{ date: '2027-02-12', kind: 'MILEAGE', amountCents: 1764, distanceKm: 42 }, '42 km · 17,64 €'],
    [{ date: '2027-02-12', kind: 'MILEAGE', amountCents: null, distanceKm: 42 }, '42 km'],
    [{ date: '2027-02-12', kind: 'IN_KIND', amountCents: 100_000_000, distanceKm: null }, '1 000 000,00 €'],
    [{ date: '2027-02-12', kind: 'FIXED_FEE', amountCents: null, distanceKm: null }, '—'],
  ])('%j → %s', (claim, expected) => {
    expect(plain(claimValue(claim, 'fr'))).toBe(expected);
  });

  it('a subject names the date, the kind and the value', () => {
    const claim = { date: '2027-02-12', kind: 'EXPENSE', amountCents: 2340, distanceKm: null };
    expect(plain(claimSubject(claim, 'Note de frais', 'fr'))).toBe('12/02/2027 · Note de frais · 23,40 €');
    expect(plain(claimSubject(claim, 'Expense', 'en'))).toBe('12/02/2027 · Expense · €23.40');
  });
});

describe('historyKey', () => {
  it.each([
    [{ kind: 'CREATED', fromStatus: null, toStatus: 'DRAFT' }, 'CREATED'],
    [{ kind: 'CREATED', fromStatus: null, toStatus: 'COMMITTED' }, 'COMMITTED'],
    [{ kind: 'EDITED', fromStatus: null, toStatus: null }, 'EDITED'],
    [{ kind: 'TRANSITION', fromStatus: 'DRAFT', toStatus: 'SUBMITTED' }, 'SUBMITTED'],
    [{ kind: 'TRANSITION', fromStatus: 'SUBMITTED', toStatus: 'APPROVED' }, 'APPROVED'],
    [{ kind: 'TRANSITION', fromStatus: 'APPROVED', toStatus: 'SUBMITTED' }, 'UNAPPROVED'],
    [{ kind: 'TRANSITION', fromStatus: 'SUBMITTED', toStatus: 'REJECTED' }, 'REJECTED'],
    [{ kind: 'DELETED', fromStatus: null, toStatus: null }, 'DELETED'],
    [{ kind: 'FILE_ADDED', fromStatus: 'DRAFT', toStatus: 'DRAFT' }, 'FILE_ADDED'],
    [{ kind: 'FILE_REMOVED', fromStatus: 'SUBMITTED', toStatus: 'SUBMITTED' }, 'FILE_REMOVED'],
    [{ kind: 'IMPORTED', fromStatus: null, toStatus: null }, null],
  ])('%j → %s', (event, expected) => {
    expect(historyKey(event)).toBe(expected);
  });
});
