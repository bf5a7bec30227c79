// The period form's schema: euros and hours as typed become the API's cents and minutes, blank
// rows are dropped, and every refusal names the very input the person typed in.
import { describe, expect, it } from 'vitest';
import { nestFormRows, periodRuleIssues, ZPeriodForm, ZPeriodInput, ZPeriodPatch } from './schemas';

const form = (extra: Record<string, string> = {}) => ({
  name: 'Printemps',
  startDate: '2031-03-01',
  endDate: '2031-05-31',
  defaultRateCents: '30,50',
  capMinutes: '',
  overflowPolicy: 'PRORATA',
  'envelopes.0.chantierId': 'c1',
  'envelopes.0.amountCents': '1 000',
  'envelopes.1.chantierId': 'c2',
  'envelopes.1.amountCents': '',
  'rates.0.personId': 'bob',
  'rates.0.chantierId': '',
  'rates.0.rateCents': '40',
  'rates.1.personId': '',
  'rates.1.chantierId': '',
  'rates.1.rateCents': '',
  ...extra,
});

const fieldsOf = (result: ReturnType<typeof ZPeriodForm.safeParse>) =>
  Object.fromEntries((result.error?.issues ?? []).map((issue) => [issue.path.join('.'), issue.message]));

describe('ZPeriodForm', () => {
  it('turns what a treasurer types into the API input', () => {
    expect(ZPeriodForm.parse(form({ capMinutes: '120' }))).toEqual({
      name: 'Printemps',
      startDate: '2031-03-01',
      endDate: '2031-05-31',
      defaultRateCents: 3050,
      mileageRateCents: null,
      capMinutes: 7200,
      overflowPolicy: 'PRORATA',
      envelopes: [{ chantierId: 'c1', amountCents: 100_000 }],
      rates: [{ personId: 'bob', chantierId: null, rateCents: 4000 }],
    });
  });

  it('gives an edit its period and version', () => {
    expect(ZPeriodForm.parse(form({ periodId: 'p1', version: '3' }))).toMatchObject({ periodId: 'p1', version: 3 });
  });

  it('reads an empty mileage rate as none, and "0,35" as 35 cents per km', () => {
    expect(ZPeriodForm.parse(form()).mileageRateCents).toBeNull();
    expect(ZPeriodForm.parse(form({ mileageRateCents: '0,35' })).mileageRateCents).toBe(35);
    expect(fieldsOf(ZPeriodForm.safeParse(form({ mileageRateCents: '101' })))).toEqual({
      mileageRateCents: 'errors.period.TOO_LARGE',
    });
    expect(fieldsOf(ZPeriodForm.safeParse(form({ mileageRateCents: '-1' })))).toEqual({
      mileageRateCents: 'errors.money.NEGATIVE',
    });
  });

  it('reads an empty cap as no cap, and "7h30" as 450 minutes', () => {
    expect(ZPeriodForm.parse(form()).capMinutes).toBeNull();
    expect(ZPeriodForm.parse(form({ capMinutes: '7h30' })).capMinutes).toBe(450);
  });

  it.each([
    [{ defaultRateCents: '-30' }, 'defaultRateCents', 'errors.money.NEGATIVE'],
    [{ defaultRateCents: 'trente' }, 'defaultRateCents', 'errors.money.INVALID'],
    [{ defaultRateCents: '30,555' }, 'defaultRateCents', 'errors.money.TOO_PRECISE'],
    [{ defaultRateCents: '5000' }, 'defaultRateCents', 'errors.period.TOO_LARGE'],
    [{ 'envelopes.0.amountCents': '-1' }, 'envelopes.0.amountCents', 'errors.money.NEGATIVE'],
    [{ 'rates.0.rateCents': '' }, 'rates.0.rateCents', 'errors.money.EMPTY'],
    [{ 'rates.1.rateCents': '20' }, 'rates.1.personId', 'errors.period.RATE_TARGET'],
    [{ 'rates.1.personId': 'bob', 'rates.1.rateCents': '20' }, 'rates.1.personId', 'errors.period.DUPLICATE_RATE'],
    [{ capMinutes: '-3' }, 'capMinutes', 'errors.hours.NEGATIVE'],
    [{ capMinutes: '7,333' }, 'capMinutes', 'errors.hours.NOT_WHOLE_MINUTES'],
    [{ endDate: '2031-02-28' }, 'endDate', 'errors.period.END_BEFORE_START'],
    [{ startDate: '' }, 'startDate', 'errors.period.DATE'],
    [{ name: '  ' }, 'name', 'validation.required'],
  ])('refuses %j at %s', (change, field, message) => {
    const result = ZPeriodForm.safeParse(form(change));
    expect(result.success).toBe(false);
    expect(fieldsOf(result)[field]).toBe(message);
  });

  it('keeps the indexes the person sees when a blank row sits in the middle', () => {
    const result = ZPeriodForm.safeParse(
      form({ 'rates.2.personId': 'bob', 'rates.2.chantierId': '', 'rates.2.rateCents': '20' }),
    );
    expect(fieldsOf(result)).toEqual({ 'rates.2.personId': 'errors.period.DUPLICATE_RATE' });
  });
});

describe('the API schemas', () => {
  it('default a new period to no cap, PRORATA, no envelope, no override', () => {
    expect(
      ZPeriodInput.parse({ name: 'P', startDate: '2031-01-01', endDate: '2031-01-31', defaultRateCents: 0 }),
    ).toEqual({
      name: 'P',
      startDate: '2031-01-01',
      endDate: '2031-01-31',
      defaultRateCents: 0,
      capMinutes: null,
      overflowPolicy: 'PRORATA',
      envelopes: [],
      rates: [],
    });
  });

  it('leave out of a patch what it does not name', () => {
    expect(ZPeriodPatch.parse({ name: 'Q' })).toEqual({ name: 'Q' });
    expect(ZPeriodPatch.safeParse({ startDate: '2031-02-01', endDate: '2031-01-01' }).success).toBe(false);
  });

  it('check the rules across fields', () => {
    expect(periodRuleIssues({ rates: [{ personId: 'a' }, null, { personId: 'a', chantierId: null }] })).toEqual([
      { path: ['rates', 2, 'personId'], message: 'errors.period.DUPLICATE_RATE' },
    ]);
    expect(
      periodRuleIssues({ rates: [{ personId: 'a', chantierId: 'c' }, { personId: 'a' }, { chantierId: 'c' }] }),
    ).toEqual([]);
  });

  it('nest form rows by index', () => {
    expect(nestFormRows({ name: 'x', 'rates.1.rateCents': '3', 'rates.0.personId': 'a' })).toEqual({
      name: 'x',
      rates: [{ personId: 'a' }, { rateCents: '3' }],
    });
  });
});
