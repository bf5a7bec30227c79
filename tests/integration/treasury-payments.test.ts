// Payments against a real database: one payee, or the SEPA file's payees at once (all or nothing);
// the amount is what is due, never what a caller claims; the period reaches PAID when nobody is
// owed anything, and a reversal (a new entry with its reason, never an edit) puts it back to CLOSED;
// two treasurers recording the same payee at once record it once; each person learns whether and
// when they were paid, and no more.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as paymentsRoute, POST as recordRoute } from '@/app/api/v1/periods/[id]/payments/route';
import { POST as reversalRoute } from '@/app/api/v1/periods/[id]/payments/[paymentId]/reversal/route';
import { GET as sepaRoute } from '@/app/api/v1/periods/[id]/exports/sepa.xml/route';
import { recordPayment, recordPayments } from '@/lib/treasury/record-payments';
import { getPersonPaymentStatus } from '@/lib/treasury/person-payment-status';
import { getStatement } from '@/lib/treasury/statement-data';
import { decimalToCents, readSepaFile } from '@/lib/treasury/sepa-read';
import { rejectionOf, resetDatabase, seedContribution, sqlError } from '../support/database';
import { reopenPeriod } from '@/lib/periods/reopen-period';
import { closePeriod } from '@/lib/periods/payouts';
import { amountsByPerson, callRaw, createCast, IBANS, periodWithPayees, type Cast } from './treasury-fixtures';

let cast: Cast;

beforeAll(async () => {
  await resetDatabase();
  cast = await createCast();
});

const periodStatus = async (periodId: string) =>
  (await db().fundingPeriod.findUniqueOrThrow({ where: { id: periodId } })).status;
const paymentCount = (periodId: string) => db().payment.count({ where: { periodId } });

describe('recording payments', () => {
  it('records one payee’s payment for what the run owes it, by person or by payee', async () => {
    const period = await periodWithPayees(cast);
    const amounts = await amountsByPerson(period.id);
    const answer = await callRaw(recordRoute, {
      method: 'POST',
      token: cast.tokens.treasurer,
      params: { id: period.id },
      body: { personId: cast.alice.id, paidOn: '2051-02-03', reference: 'VIR-ALICE' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe('CLOSED');
    expect(answer.body.items).toHaveLength(1);
    expect(answer.body.items[0]).toMatchObject({
      payeeId: `person:${cast.alice.id}`,
      payeeName: 'Alice Martin',
      kind: 'PAYMENT',
      amountCents: amounts.get(cast.alice.id),
      paidOn: '2051-02-03',
      reference: 'VIR-ALICE',
      recordedByName: 'Théo Trésorier',
    });

    // The organisation receiving for Bruno and Chloé is paid their two amounts at once.
    const organisation = await recordPayment({
      actor: cast.treasurer,
      periodId: period.id,
      target: { payeeKey: 'org:la-coroutine' },
      paidOn: '2051-02-03',
      reference: 'VIR-COROUTINE',
    });
    expect(organisation.payment.amountCents).toBe(amounts.get(cast.bruno.id)! + amounts.get(cast.chloe.id)!);
    // Paying Chloé "again" is paying the organisation again: refused.
    const again = await callRaw(recordRoute, {
      method: 'POST',
      token: cast.tokens.treasurer,
      params: { id: period.id },
      body: { personId: cast.chloe.id, paidOn: '2051-02-04', reference: 'X' },
    });
    expect(again.status).toBe(409);
    expect(again.body.error.details.reason).toBe('ALREADY_PAID');
    expect(await paymentCount(period.id)).toBe(2);
  });

  it('never takes an amount from the caller: a stale one is refused and nothing is recorded', async () => {
    const period = await periodWithPayees(cast);
    const due = (await amountsByPerson(period.id)).get(cast.alice.id)!;
    const stale = await callRaw(recordRoute, {
      method: 'POST',
      token: cast.tokens.treasurer,
      params: { id: period.id },
      body: { payeeId: `person:${cast.alice.id}`, amountCents: due + 1, paidOn: '2051-02-03', reference: 'VIR' },
    });
    expect(stale.status).toBe(409);
    expect(stale.body.error.details.problems).toEqual([
      { payeeId: `person:${cast.alice.id}`, reason: 'AMOUNT_CHANGED', dueCents: due },
    ]);
    const right = await callRaw(recordRoute, {
      method: 'POST',
      token: cast.tokens.treasurer,
      params: { id: period.id },
      body: { payeeId: `person:${cast.alice.id}`, amountCents: due, paidOn: '2051-02-03', reference: 'VIR' },
    });
    expect(right.status).toBe(201);
  });

  it('refuses a payee owed nothing (404), a zero payee (409), an open period (409) and bad input (400)', async () => {
    const period = await periodWithPayees(cast);
    const post = (body: unknown, id = period.id) =>
      callRaw(recordRoute, { method: 'POST', token: cast.tokens.treasurer, params: { id }, body });
    expect((await post({ personId: cast.treasurer.id, paidOn: '2051-02-03', reference: 'R' })).status).toBe(404);
    expect((await post({ payeeId: 'org:nobody', paidOn: '2051-02-03', reference: 'R' })).status).toBe(404);
    const zero = await post({ personId: cast.fatou.id, paidOn: '2051-02-03', reference: 'R' });
    expect(zero.status).toBe(409);
    expect(zero.body.error.details.reason).toBe('NOTHING_DUE');
    const open = await periodWithPayees(cast, { close: false });
    const refused = await post({ personId: cast.alice.id, paidOn: '2051-02-03', reference: 'R' }, open.id);
    expect(refused.status).toBe(409);
    expect(refused.body.error.details.reason).toBe('PERIOD_OPEN');
    for (const body of [
      { paidOn: '2051-02-03', reference: 'R' },
      { personId: cast.alice.id, payeeId: `person:${cast.alice.id}`, paidOn: '2051-02-03', reference: 'R' },
      { personId: cast.alice.id, paidOn: '03/02/2051', reference: 'R' },
      { personId: cast.alice.id, paidOn: '2051-02-03', reference: '   ' },
      { payees: [], paidOn: '2051-02-03', reference: 'R' },
      { payees: [{ payeeId: 'person:a' }, { payeeId: 'person:a' }], paidOn: '2051-02-03', reference: 'R' },
      { payeeId: 'someone', paidOn: '2051-02-03', reference: 'R' },
      { personId: cast.alice.id, paidOn: '2051-02-03', reference: 'R', amountCents: -5 },
    ]) {
      const answer = await post(body);
      expect(answer.status, JSON.stringify(body)).toBe(400);
      expect(answer.body.error.code).toBe('VALIDATION');
    }
    expect(await paymentCount(period.id)).toBe(0);
    expect(await paymentCount(open.id)).toBe(0);
  });

  it('records the SEPA file’s payees at once, all or nothing, and the period becomes PAID with the last one', async () => {
    const period = await periodWithPayees(cast);
    const listed = await callRaw(paymentsRoute, { token: cast.tokens.treasurer, params: { id: period.id } });
    const batch = listed.body.sepa.transfers as { payeeId: string; amountCents: number }[];
    expect(batch.map((transfer) => transfer.payeeId)).toEqual([`person:${cast.alice.id}`, 'org:la-coroutine']);

    // One wrong amount in the batch: nothing at all is recorded.
    const wrong = await callRaw(recordRoute, {
      method: 'POST',
      token: cast.tokens.treasurer,
      params: { id: period.id },
      body: {
        payees: [batch[0], { ...batch[1], amountCents: batch[1].amountCents - 1 }],
        paidOn: '2051-02-10',
        reference: 'REMISE-1',
      },
    });
    expect(wrong.status).toBe(409);
    expect(await paymentCount(period.id)).toBe(0);

    const recorded = await callRaw(recordRoute, {
      method: 'POST',
      token: cast.tokens.treasurer,
      params: { id: period.id },
      body: { payees: batch, paidOn: '2051-02-10', reference: 'REMISE-1' },
    });
    expect(recorded.status).toBe(201);
    expect(recorded.body.items.map((item: { amountCents: number }) => item.amountCents)).toEqual(
      batch.map((transfer) => transfer.amountCents),
    );
    expect(
      recorded.body.items.every(
        (item: { reference: string; paidOn: string }) => item.reference === 'REMISE-1' && item.paidOn === '2051-02-10',
      ),
    ).toBe(true);
    // Djamel (no IBAN) and Élise (invalid IBAN) are still owed: the period stays closed.
    expect(recorded.body.status).toBe('CLOSED');
    expect(await periodStatus(period.id)).toBe('CLOSED');

    // They are paid otherwise (a cheque, a corrected IBAN): the last one makes the period PAID.
    await recordPayment({
      actor: cast.treasurer,
      periodId: period.id,
      target: { personId: cast.djamel.id },
      paidOn: '2051-02-12',
      reference: 'CHQ-12',
    });
    const last = await recordPayment({
      actor: cast.treasurer,
      periodId: period.id,
      target: { personId: cast.elise.id },
      paidOn: '2051-02-12',
      reference: 'VIR-ELISE',
    });
    expect(last.status).toBe('PAID');
    expect(await periodStatus(period.id)).toBe('PAID');
    expect(await db().auditLog.count({ where: { action: 'period.paid', entityId: period.id } })).toBe(1);

    // Every payee paid: the SEPA file has nothing left to transfer.
    const sepa = await callRaw(sepaRoute, { token: cast.tokens.treasurer, params: { id: period.id } });
    expect(sepa.status).toBe(409);
    expect(sepa.body.error.details.reason).toBe('NOTHING_TO_TRANSFER');
    const totals = (await callRaw(paymentsRoute, { token: cast.tokens.treasurer, params: { id: period.id } })).body
      .totals;
    expect(totals).toEqual({
      amountCents: [...(await amountsByPerson(period.id)).values()].reduce((sum, cents) => sum + cents, 0),
      paidCents: totals.amountCents,
      dueCents: 0,
    });
  });

  it('records the same payee once when two treasurers record it at the same moment', async () => {
    const period = await periodWithPayees(cast);
    const attempts = await Promise.allSettled(
      Array.from({ length: 4 }, (_, index) =>
        recordPayment({
          actor: cast.treasurer,
          periodId: period.id,
          target: { personId: cast.alice.id },
          paidOn: '2051-02-03',
          reference: `VIR-${index}`,
        }),
      ),
    );
    expect(attempts.filter((attempt) => attempt.status === 'fulfilled')).toHaveLength(1);
    for (const attempt of attempts.filter((one) => one.status === 'rejected'))
      expect((attempt as PromiseRejectedResult).reason).toMatchObject({
        code: 'CONFLICT',
        details: { reason: 'ALREADY_PAID' },
      });
    expect(await paymentCount(period.id)).toBe(1);
  });
  it('counts money sent before a reopen: after the new close only the difference is due, in the file too', async () => {
    const period = await periodWithPayees(cast);
    const first = await recordPayment({
      actor: cast.treasurer,
      periodId: period.id,
      target: { personId: cast.alice.id },
      paidOn: '2051-02-03',
      reference: 'VIR-1',
    });
    await reopenPeriod({ actor: cast.admin, periodId: period.id, reason: 'Une contribution oubliée' });
    const start = period.startDate.slice(0, 8);
    await seedContribution({
      periodId: period.id,
      personId: cast.alice.id,
      chantierId: cast.chantierId,
      date: `${start}27`,
      minutes: 480,
      status: 'APPROVED',
      reviewerId: cast.referent.id,
    });
    await closePeriod({ actor: cast.treasurer, periodId: period.id });
    const owed = (await amountsByPerson(period.id)).get(cast.alice.id)!;
    expect(owed).toBeGreaterThan(first.payment.amountCents);
    const listed = (await callRaw(paymentsRoute, { token: cast.tokens.treasurer, params: { id: period.id } })).body;
    const alice = listed.payees.find((payee: { payeeId: string }) => payee.payeeId === `person:${cast.alice.id}`);
    expect(alice).toMatchObject({
      amountCents: owed,
      paidCents: first.payment.amountCents,
      dueCents: owed - first.payment.amountCents,
      state: 'PARTIAL',
    });
    const sepa = readSepaFile(
      (await callRaw(sepaRoute, { token: cast.tokens.treasurer, params: { id: period.id } })).text,
    );
    expect(decimalToCents(sepa.transfers.find((transfer) => transfer.creditorIban === IBANS.alice)!.amount)).toBe(
      owed - first.payment.amountCents,
    );
    const rest = await recordPayment({
      actor: cast.treasurer,
      periodId: period.id,
      target: { personId: cast.alice.id },
      paidOn: '2051-03-03',
      reference: 'VIR-2',
    });
    expect(rest.payment.amountCents).toBe(owed - first.payment.amountCents);
    expect(
      await getPersonPaymentStatus({ actor: cast.alice, periodId: period.id, personId: cast.alice.id }),
    ).toMatchObject({ state: 'PAID', paidCents: owed, payment: { reference: 'VIR-2' } });
  });
});

describe('reversals', () => {
  it('reverses a payment with a reason, by a new entry: the period goes back to CLOSED and the payee is due again', async () => {
    const period = await periodWithPayees(cast);
    const batch = (await callRaw(paymentsRoute, { token: cast.tokens.treasurer, params: { id: period.id } })).body.sepa
      .transfers;
    await recordPayments({
      actor: cast.treasurer,
      periodId: period.id,
      targets: batch.map((transfer: { payeeId: string }) => ({ payeeKey: transfer.payeeId })),
      paidOn: '2051-03-01',
      reference: 'REMISE',
    });
    await recordPayments({
      actor: cast.treasurer,
      periodId: period.id,
      targets: [{ personId: cast.djamel.id }, { personId: cast.elise.id }],
      paidOn: '2051-03-02',
      reference: 'CHQ',
    });
    expect(await periodStatus(period.id)).toBe('PAID');
    const alicePayment = await db().payment.findFirstOrThrow({
      where: { periodId: period.id, payeeKey: `person:${cast.alice.id}` },
    });

    const noReason = await callRaw(reversalRoute, {
      method: 'POST',
      token: cast.tokens.treasurer,
      params: { id: period.id, paymentId: alicePayment.id },
      body: { reason: '  ' },
    });
    expect(noReason.status).toBe(400);

    const answer = await callRaw(reversalRoute, {
      method: 'POST',
      token: cast.tokens.treasurer,
      params: { id: period.id, paymentId: alicePayment.id },
      body: { reason: 'Virement rejeté par la banque', reversedOn: '2051-03-05' },
    });
    expect(answer.status).toBe(201);
    expect(answer.body.status).toBe('CLOSED');
    expect(answer.body.reversal).toMatchObject({
      kind: 'REVERSAL',
      reversesId: alicePayment.id,
      amountCents: alicePayment.amountCents,
      reason: 'Virement rejeté par la banque',
      paidOn: '2051-03-05',
      reference: alicePayment.reference,
    });
    expect(await periodStatus(period.id)).toBe('CLOSED');
    // The payment itself is untouched.
    expect(await db().payment.findUniqueOrThrow({ where: { id: alicePayment.id } })).toEqual(alicePayment);
    expect(await db().auditLog.count({ where: { action: 'period.unpaid', entityId: period.id } })).toBe(1);

    // Reversed once only; a reversal is not reversed; a payment of another period is not found.
    const twice = await callRaw(reversalRoute, {
      method: 'POST',
      token: cast.tokens.treasurer,
      params: { id: period.id, paymentId: alicePayment.id },
      body: { reason: 'encore' },
    });
    expect(twice.status).toBe(409);
    expect(twice.body.error.details.reason).toBe('ALREADY_REVERSED');
    const ofReversal = await callRaw(reversalRoute, {
      method: 'POST',
      token: cast.tokens.treasurer,
      params: { id: period.id, paymentId: answer.body.reversal.id },
      body: { reason: 'non' },
    });
    expect(ofReversal.status).toBe(409);
    const elsewhere = await periodWithPayees(cast);
    expect(
      (
        await callRaw(reversalRoute, {
          method: 'POST',
          token: cast.tokens.treasurer,
          params: { id: elsewhere.id, paymentId: alicePayment.id },
          body: { reason: 'x' },
        })
      ).status,
    ).toBe(404);

    // Alice is in the SEPA file again, alone, for what she is owed.
    const sepa = readSepaFile(
      (await callRaw(sepaRoute, { token: cast.tokens.treasurer, params: { id: period.id } })).text,
    );
    expect(sepa.transfers.map((transfer) => [transfer.creditorIban, decimalToCents(transfer.amount)])).toEqual([
      [IBANS.alice, alicePayment.amountCents],
    ]);

    // She tells the person why; paying again makes the period PAID again.
    const status = await getPersonPaymentStatus({ actor: cast.alice, periodId: period.id, personId: cast.alice.id });
    expect(status).toMatchObject({
      state: 'UNPAID',
      payment: null,
      reversals: [{ paidOn: '2051-03-01', reversedOn: '2051-03-05', reason: 'Virement rejeté par la banque' }],
    });
    const paidAgain = await recordPayment({
      actor: cast.treasurer,
      periodId: period.id,
      target: { personId: cast.alice.id },
      paidOn: '2051-03-08',
      reference: 'VIR-BIS',
    });
    expect(paidAgain.status).toBe('PAID');
    expect(
      await getPersonPaymentStatus({ actor: cast.alice, periodId: period.id, personId: cast.alice.id }),
    ).toMatchObject({ state: 'PAID', payment: { paidOn: '2051-03-08', reference: 'VIR-BIS' } });
  });

  it('keeps payments append-only in the database itself', async () => {
    const period = await periodWithPayees(cast);
    const { payment } = await recordPayment({
      actor: cast.treasurer,
      periodId: period.id,
      target: { personId: cast.alice.id },
      paidOn: '2051-02-03',
      reference: 'VIR',
    });
    expect((await sqlError(`UPDATE payments SET amount_cents = 1 WHERE id = $1`, [payment.id])).message).toMatch(
      /append-only/,
    );
    expect((await sqlError(`DELETE FROM payments WHERE id = $1`, [payment.id])).message).toMatch(/append-only/);
  });
});

describe('what each person sees', () => {
  it('tells a person paid themselves whether and when, and a person paid through an organisation their share', async () => {
    const period = await periodWithPayees(cast);
    const amounts = await amountsByPerson(period.id);
    expect(
      await getPersonPaymentStatus({ actor: cast.alice, periodId: period.id, personId: cast.alice.id }),
    ).toMatchObject({
      state: 'UNPAID',
      amountCents: amounts.get(cast.alice.id),
      dueCents: amounts.get(cast.alice.id),
      payment: null,
    });
    await recordPayments({
      actor: cast.treasurer,
      periodId: period.id,
      targets: [{ personId: cast.alice.id }, { payeeKey: 'org:la-coroutine' }],
      paidOn: '2051-02-10',
      reference: 'REMISE-7',
    });
    expect(
      await getPersonPaymentStatus({ actor: cast.alice, periodId: period.id, personId: cast.alice.id }),
    ).toMatchObject({
      state: 'PAID',
      paidToOrganisation: false,
      payment: { paidOn: '2051-02-10', reference: 'REMISE-7' },
    });
    expect(
      await getPersonPaymentStatus({ actor: cast.bruno, periodId: period.id, personId: cast.bruno.id }),
    ).toMatchObject({
      state: 'PAID',
      paidToOrganisation: true,
      payeeName: 'La Coroutine',
      amountCents: amounts.get(cast.bruno.id),
      paidCents: amounts.get(cast.bruno.id),
      payment: { paidOn: '2051-02-10', reference: 'REMISE-7' },
    });
    // The statement says it too.
    expect(
      (await getStatement({ actor: cast.alice, periodId: period.id, personId: cast.alice.id, locale: 'fr' })).payment,
    ).toEqual({ paidOn: '2051-02-10', reference: 'REMISE-7' });
    // Nobody else learns it; an open period has nothing to say.
    await expect(
      rejectionOf(getPersonPaymentStatus({ actor: cast.bruno, periodId: period.id, personId: cast.alice.id })),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
    expect(
      await getPersonPaymentStatus({ actor: cast.treasurer, periodId: period.id, personId: cast.alice.id }),
    ).toMatchObject({ state: 'PAID' });
    const open = await periodWithPayees(cast, { close: false });
    expect(await getPersonPaymentStatus({ actor: cast.alice, periodId: open.id, personId: cast.alice.id })).toBeNull();
  });

  it('lists to a contributor their own payee only, without bank details or anyone else’s amounts', async () => {
    const period = await periodWithPayees(cast);
    await recordPayments({
      actor: cast.treasurer,
      periodId: period.id,
      targets: [{ personId: cast.alice.id }, { payeeKey: 'org:la-coroutine' }],
      paidOn: '2051-02-10',
      reference: 'REMISE-8',
    });
    const amounts = await amountsByPerson(period.id);
    const alice = (await callRaw(paymentsRoute, { token: cast.tokens.alice, params: { id: period.id } })).body;
    expect(alice).toMatchObject({ scope: 'OWN', sepa: null });
    expect(alice.payees).toEqual([
      expect.objectContaining({
        payeeId: `person:${cast.alice.id}`,
        state: 'PAID',
        ibanStatus: null,
        ibanMasked: null,
        lastPayment: expect.objectContaining({ reference: 'REMISE-8' }),
      }),
    ]);
    expect(alice.items).toHaveLength(1);
    const bruno = (await callRaw(paymentsRoute, { token: cast.tokens.bruno, params: { id: period.id } })).body;
    expect(bruno.payees).toEqual([
      expect.objectContaining({
        payeeId: 'org:la-coroutine',
        amountCents: amounts.get(cast.bruno.id),
        people: [{ personId: cast.bruno.id, name: 'Bruno Lefebvre', amountCents: amounts.get(cast.bruno.id) }],
        state: 'PAID',
      }),
    ]);
    expect(bruno.items).toEqual([]);
    expect(JSON.stringify(bruno)).not.toContain(cast.chloe.id);
    const referent = (await callRaw(paymentsRoute, { token: cast.tokens.referent, params: { id: period.id } })).body;
    expect(referent).toMatchObject({ scope: 'OWN', payees: [], items: [] });
  });
});
