// The claim schemas: the form reads euros and kilometres as typed into the API's input, and each
// kind takes the value it is priced by, and only that one.
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ZClaimCreate, ZClaimEditForm, ZClaimForm } from './inputs';

const form = (extra: Record<string, string> = {}) => ({
  kind: 'EXPENSE',
  date: '2026-04-02',
  chantierId: 'c1',
  placeId: '',
  description: 'Billet de train',
  amount: '45,50',
  distanceKm: '',
  ...extra,
});
const fieldsOf = (result: { error?: z.ZodError }) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('ZClaimForm', () => {
  it('turns euros as typed into cents, and a trip’s kilometres into a distance', () => {
    expect(ZClaimForm.parse(form())).toMatchObject({ kind: 'EXPENSE', amountCents: 4550, distanceKm: undefined });
    expect(ZClaimForm.parse(form({ amount: '1 234,5 €' })).amountCents).toBe(123_450);
    expect(ZClaimForm.parse(form({ kind: 'MILEAGE', amount: '', distanceKm: '112' }))).toMatchObject({
      distanceKm: 112,
      amountCents: undefined,
    });
  });

  it.each([
    [{ amount: '-3' }, 'amount', 'claims.validation.amountPositive'],
    [{ amount: '0' }, 'amount', 'claims.validation.amountPositive'],
    [{ amount: '1000000,01' }, 'amount', 'claims.validation.amountTooLarge'],
    [{ amount: '3,555' }, 'amount', 'claims.validation.amountWholeCents'],
    [{ amount: 'douze' }, 'amount', 'claims.validation.amount'],
    [{ amount: '' }, 'amount', 'claims.validation.amountRequired'],
    [{ kind: 'MILEAGE', amount: '', distanceKm: '0' }, 'distanceKm', 'claims.validation.distanceRange'],
    [{ kind: 'MILEAGE', amount: '', distanceKm: '5001' }, 'distanceKm', 'claims.validation.distanceRange'],
    [{ kind: 'MILEAGE', amount: '', distanceKm: '12,5' }, 'distanceKm', 'claims.validation.distanceWhole'],
    [{ kind: 'MILEAGE', amount: '', distanceKm: '' }, 'distanceKm', 'claims.validation.distanceRequired'],
    [{ description: ' ' }, 'description', 'claims.validation.describe'],
  ])('refuses %j under %s', (extra, field, message) => {
    expect(fieldsOf(ZClaimForm.safeParse(form(extra)))).toEqual({ [field]: message });
  });
});

describe('ZClaimCreate', () => {
  it('takes an amount for every kind but a trip, and a distance for a trip only', () => {
    const base = { date: '2026-04-02', chantierId: 'c1', description: 'x' };
    expect(ZClaimCreate.safeParse({ ...base, kind: 'IN_KIND', amountCents: 1 }).success).toBe(true);
    expect(ZClaimCreate.safeParse({ ...base, kind: 'MILEAGE', distanceKm: 1 }).success).toBe(true);
    expect(fieldsOf(ZClaimCreate.safeParse({ ...base, kind: 'MILEAGE', distanceKm: 1, amountCents: 1 }))).toEqual({
      amountCents: 'claims.validation.amountNotForMileage',
    });
    expect(fieldsOf(ZClaimCreate.safeParse({ ...base, kind: 'FIXED_FEE', amountCents: 100_000_001 }))).toEqual({
      amountCents: 'claims.validation.amountTooLarge',
    });
  });
});

describe('ZClaimEditForm', () => {
  it('yields the patch of every field, with the version and the claim’s id beside it', () => {
    const schema = ZClaimEditForm.and(z.object({ id: z.string() }));
    expect(schema.parse({ ...form(), version: '3', id: 'k1' })).toEqual({
      id: 'k1',
      kind: 'EXPENSE',
      submit: false,
      patch: {
        date: '2026-04-02',
        chantierId: 'c1',
        placeId: null,
        description: 'Billet de train',
        amountCents: 4550,
        distanceKm: undefined,
        version: 3,
      },
    });
  });
});
