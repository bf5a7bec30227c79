/** Tests of the per-payee sum of payouts (step 6). */
import { describe, expect, it } from 'vitest';
import { aggregatePayees } from './aggregate-payees';

const people = [
  { personId: 'alice', amountCents: 44445 },
  { personId: 'bob', amountCents: 44444 },
  { personId: 'chloe', amountCents: 11111 },
];

describe('aggregatePayees', () => {
  it('sums the people an organisation receives for, sorted by payee then person', () => {
    const payeeKeyByPerson = new Map([
      ['alice', 'org:coroutine'],
      ['bob', 'person:bob'],
      ['chloe', 'org:coroutine'],
    ]);
    expect(aggregatePayees({ people, payeeKeyByPerson })).toEqual([
      { payeeKey: 'org:coroutine', personIds: ['alice', 'chloe'], amountCents: 55556 },
      { payeeKey: 'person:bob', personIds: ['bob'], amountCents: 44444 },
    ]);
  });

  it('accepts a plain record, without reading inherited keys', () => {
    expect(aggregatePayees({ people: [{ personId: 'p1', amountCents: 5 }], payeeKeyByPerson: { p1: 'x' } })).toEqual([
      { payeeKey: 'x', personIds: ['p1'], amountCents: 5 },
    ]);
    expect(() =>
      aggregatePayees({ people: [{ personId: 'constructor', amountCents: 5 }], payeeKeyByPerson: {} }),
    ).toThrow(/no payee for person constructor/);
  });

  it('refuses a person without payee, twice listed, or with a bad amount', () => {
    expect(() => aggregatePayees({ people, payeeKeyByPerson: { alice: 'a', bob: 'b' } })).toThrow(
      /no payee for person chloe/,
    );
    expect(() => aggregatePayees({ people: [people[0]!, people[0]!], payeeKeyByPerson: { alice: 'a' } })).toThrow(
      /appears twice/,
    );
    expect(() =>
      aggregatePayees({ people: [{ personId: 'a', amountCents: 1.5 }], payeeKeyByPerson: { a: 'a' } }),
    ).toThrow(/non-negative integer/);
  });

  it('gives an empty list for nobody', () => {
    expect(aggregatePayees({ people: [], payeeKeyByPerson: {} })).toEqual([]);
  });
});
