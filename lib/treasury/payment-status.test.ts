import { describe, expect, it } from 'vitest';
import { everyonePaid, latestActivePayment, payeeStatuses, stateOf, type PaymentEntry } from './payment-status';

let sequence = 0;
function entry(payeeKey: string, amountCents: number, extra: Partial<PaymentEntry> = {}): PaymentEntry {
  sequence++;
  return {
    id: `pay${sequence}`,
    runId: 'run1',
    payeeKey,
    payeeName: payeeKey,
    kind: 'PAYMENT',
    amountCents,
    paidOn: '2026-12-12',
    reference: `VIR-${sequence}`,
    reversesId: null,
    reason: null,
    recordedById: 'treasurer',
    createdAt: `2026-12-12T10:00:${String(sequence).padStart(2, '0')}.000Z`,
    ...extra,
  };
}
const reversal = (payment: PaymentEntry, reason = 'IBAN erroné') =>
  entry(payment.payeeKey, payment.amountCents, {
    kind: 'REVERSAL',
    reversesId: payment.id,
    reason,
    reference: payment.reference,
  });

describe('stateOf', () => {
  it.each([
    [0, 0, 'NOTHING_DUE'],
    [100, 0, 'UNPAID'],
    [100, 40, 'PARTIAL'],
    [100, 100, 'PAID'],
    [100, 150, 'PAID'],
  ] as const)('owed %i, paid %i → %s', (owed, paid, state) => {
    expect(stateOf(owed, paid)).toBe(state);
  });
});

describe('payeeStatuses', () => {
  const owed = [
    { payeeKey: 'person:a', amountCents: 10_000 },
    { payeeKey: 'org:x', amountCents: 5_000 },
    { payeeKey: 'person:z', amountCents: 0 },
  ];

  it('starts with everyone owed unpaid, and nothing due to those owed nothing', () => {
    const statuses = payeeStatuses(owed, []);
    expect(statuses.get('person:a')).toMatchObject({
      owedCents: 10_000,
      paidCents: 0,
      dueCents: 10_000,
      state: 'UNPAID',
    });
    expect(statuses.get('person:z')?.state).toBe('NOTHING_DUE');
    expect(everyonePaid(statuses)).toBe(false);
  });

  it('is paid once every payee owed money has it; a zero payee does not hold the period back', () => {
    const first = entry('person:a', 10_000);
    const second = entry('org:x', 5_000);
    const statuses = payeeStatuses(owed, [first, second]);
    expect(statuses.get('person:a')).toMatchObject({ paidCents: 10_000, dueCents: 0, state: 'PAID' });
    expect(latestActivePayment(statuses.get('org:x'))?.id).toBe(second.id);
    expect(everyonePaid(statuses)).toBe(true);
  });

  it('counts a reversal against its payment: due again, with the reversal kept beside it', () => {
    const payment = entry('person:a', 10_000);
    const back = reversal(payment);
    const statuses = payeeStatuses(owed, [entry('org:x', 5_000), payment, back]);
    const status = statuses.get('person:a')!;
    expect(status).toMatchObject({ paidCents: 0, dueCents: 10_000, state: 'UNPAID', activePayments: [] });
    expect(status.reversed).toEqual([{ payment, reversal: back }]);
    expect(latestActivePayment(status)).toBeNull();
    expect(everyonePaid(statuses)).toBe(false);

    const again = entry('person:a', 10_000, { paidOn: '2026-12-20', reference: 'VIR-BIS' });
    const after = payeeStatuses(owed, [entry('org:x', 5_000), payment, back, again]);
    expect(after.get('person:a')).toMatchObject({ state: 'PAID', dueCents: 0 });
    expect(latestActivePayment(after.get('person:a'))).toMatchObject({ paidOn: '2026-12-20', reference: 'VIR-BIS' });
    expect(everyonePaid(after)).toBe(true);
  });

  it('counts money sent under an earlier run of the period: only the difference is due', () => {
    const earlier = entry('person:a', 7_000, { runId: 'run0' });
    const status = payeeStatuses(owed, [earlier]).get('person:a')!;
    expect(status).toMatchObject({ owedCents: 10_000, paidCents: 7_000, dueCents: 3_000, state: 'PARTIAL' });
  });

  it('lists a payee who was sent money but is owed nothing now (a payee changed since)', () => {
    const statuses = payeeStatuses(owed, [entry('person:gone', 1_000)]);
    expect(statuses.get('person:gone')).toMatchObject({
      owedCents: 0,
      paidCents: 1_000,
      dueCents: -1_000,
      state: 'NOTHING_DUE',
    });
  });
});
