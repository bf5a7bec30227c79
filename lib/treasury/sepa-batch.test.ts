import { describe, expect, it } from 'vitest';
import { planSepaBatch, type SepaCandidate } from './sepa-batch';
import { payeeStatuses, type PaymentEntry } from './payment-status';
import type { PayeeOwed } from './group-payees';

const payee = (payeeKey: string, amountCents: number, extra: Partial<PayeeOwed> = {}): PayeeOwed => ({
  payeeKey,
  payeeName: payeeKey.split(':')[1],
  payeeType: 'SELF',
  people: [{ personId: payeeKey, name: payeeKey.split(':')[1], amountCents }],
  amountCents,
  iban: 'FR7630006000011234567890189',
  ibanStatus: 'VALID',
  bic: null,
  ...extra,
});

function candidates(payees: PayeeOwed[], payments: PaymentEntry[] = []): SepaCandidate[] {
  const statuses = payeeStatuses(payees, payments);
  return payees.map((one) => ({ ...one, status: statuses.get(one.payeeKey)! }));
}

const paid = (payeeKey: string, amountCents: number): PaymentEntry => ({
  id: `p-${payeeKey}`,
  runId: 'r',
  payeeKey,
  payeeName: payeeKey,
  kind: 'PAYMENT',
  amountCents,
  paidOn: '2026-12-12',
  reference: 'VIR',
  reversesId: null,
  reason: null,
  recordedById: 't',
  createdAt: '2026-12-12T10:00:00.000Z',
});

describe('planSepaBatch', () => {
  it('pays every payee owed money with a valid IBAN, and lists every other one with its reason', () => {
    const payees = [
      payee('person:alice', 44_445),
      payee('person:bruno', 0),
      payee('person:chloe', 11_111, { iban: null, ibanStatus: 'MISSING' }),
      payee('person:djamel', 2_000, { iban: 'FR7630006000011234567890188', ibanStatus: 'INVALID' }),
      payee('person:elise', 3_000, { iban: 'BR1800360305000010009795493C1', ibanStatus: 'OUTSIDE_SEPA' }),
      payee('org:coop', 5_000, { payeeType: 'ORGANISATION', iban: null, ibanStatus: 'CONFLICT' }),
      payee('person:fatou', 7_000),
    ];
    const batch = planSepaBatch(candidates(payees, [paid('person:fatou', 7_000)]));
    expect(batch.transfers.map((transfer) => [transfer.payeeKey, transfer.amountCents])).toEqual([
      ['person:alice', 44_445],
    ]);
    expect(batch.totalCents).toBe(44_445);
    expect(batch.excluded.map((excluded) => [excluded.payeeKey, excluded.reason])).toEqual([
      ['person:bruno', 'ZERO_AMOUNT'],
      ['person:chloe', 'NO_IBAN'],
      ['person:djamel', 'INVALID_IBAN'],
      ['person:elise', 'OUTSIDE_SEPA'],
      ['org:coop', 'IBAN_CONFLICT'],
      ['person:fatou', 'ALREADY_PAID'],
    ]);
    // Nobody is dropped silently: every payee is in exactly one list.
    expect(batch.transfers.length + batch.excluded.length).toBe(payees.length);
  });

  it('transfers only what is still due after an earlier payment', () => {
    const batch = planSepaBatch(candidates([payee('person:alice', 10_000)], [paid('person:alice', 6_000)]));
    expect(batch.transfers[0].amountCents).toBe(4_000);
    expect(batch.totalCents).toBe(4_000);
  });

  it('names the people an organisation receives for', () => {
    const organisation = payee('org:coop', 300, {
      payeeType: 'ORGANISATION',
      people: [
        { personId: 'a', name: 'Alice', amountCents: 100 },
        { personId: 'b', name: 'Bruno', amountCents: 200 },
      ],
    });
    expect(planSepaBatch(candidates([organisation])).transfers[0].personNames).toEqual(['Alice', 'Bruno']);
  });
});
