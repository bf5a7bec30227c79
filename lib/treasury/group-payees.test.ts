import { describe, expect, it } from 'vitest';
import { groupPayees, type PersonOwed } from './group-payees';

const person = (personId: string, name: string, amountCents: number, extra: Partial<PersonOwed> = {}): PersonOwed => ({
  personId,
  name,
  amountCents,
  payeeKey: `person:${personId}`,
  payeeName: name,
  payeeType: 'SELF',
  iban: null,
  ibanStatus: 'MISSING',
  bic: null,
  ...extra,
});

const coroutine = (iban: string | null, bic: string | null = null): Partial<PersonOwed> => ({
  payeeKey: 'org:la-coroutine',
  payeeName: 'La Coroutine',
  payeeType: 'ORGANISATION',
  iban,
  ibanStatus: iban ? 'VALID' : 'MISSING',
  bic,
});

describe('groupPayees', () => {
  it('gives each person paid themselves their own payee, sorted by name with accents aside', () => {
    const payees = groupPayees([
      person('p2', 'Zoé', 100),
      person('p1', 'Élise', 200, { iban: 'FR7630006000011234567890189', ibanStatus: 'VALID' }),
    ]);
    expect(payees.map((payee) => [payee.payeeName, payee.amountCents, payee.ibanStatus])).toEqual([
      ['Élise', 200, 'VALID'],
      ['Zoé', 100, 'MISSING'],
    ]);
  });

  it('sums the people an organisation receives for, the cents exactly', () => {
    const payees = groupPayees([
      person('a', 'Alice', 44_445, coroutine('BE68539007547034', 'GEBABEBB')),
      person('b', 'Bruno', 44_444, coroutine(null)),
      person('c', 'Chloé', 11_111),
    ]);
    const organisation = payees.find((payee) => payee.payeeKey === 'org:la-coroutine')!;
    expect(organisation).toMatchObject({
      payeeName: 'La Coroutine',
      payeeType: 'ORGANISATION',
      amountCents: 88_889,
      iban: 'BE68539007547034',
      ibanStatus: 'VALID',
      bic: 'GEBABEBB',
    });
    expect(organisation.people.map((member) => member.name)).toEqual(['Alice', 'Bruno']);
    // Named as by the person who gave the account, whatever the others typed.
    const [renamed] = groupPayees([
      person('a', 'Alice', 1, { ...coroutine(null), payeeName: 'la  coroutine' }),
      person('b', 'Bruno', 1, coroutine('BE68539007547034')),
    ]);
    expect(renamed.payeeName).toBe('La Coroutine');
    expect(payees.reduce((sum, payee) => sum + payee.amountCents, 0)).toBe(44_445 + 44_444 + 11_111);
  });

  it('holds back an organisation whose people give two different IBANs', () => {
    const [payee] = groupPayees([
      person('a', 'Alice', 100, coroutine('BE68539007547034')),
      person('b', 'Bruno', 100, coroutine('FR7630006000011234567890189')),
    ]);
    expect(payee.ibanStatus).toBe('CONFLICT');
    expect(payee.iban).toBeNull();
  });

  it('keeps an invalid or out-of-zone IBAN’s status, and people with nothing to be paid', () => {
    const payees = groupPayees([
      person('a', 'Alice', 0, { iban: 'FR00', ibanStatus: 'INVALID' }),
      person('b', 'Bruno', 500, { iban: 'BR1800360305000010009795493C1', ibanStatus: 'OUTSIDE_SEPA' }),
    ]);
    expect(payees.map((payee) => [payee.payeeName, payee.amountCents, payee.ibanStatus])).toEqual([
      ['Alice', 0, 'INVALID'],
      ['Bruno', 500, 'OUTSIDE_SEPA'],
    ]);
  });

  it('refuses a person listed twice rather than paying them twice', () => {
    expect(() => groupPayees([person('a', 'Alice', 1), person('a', 'Alice', 1)])).toThrow(/twice/);
  });
});
