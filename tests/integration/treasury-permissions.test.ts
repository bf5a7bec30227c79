// Who may call each treasury endpoint: every role × every endpoint, on its own records and on
// someone else's, and nobody at all. Treasurers export, record and reverse; a person reads their
// own statement and payments; someone else's statement does not exist for them (404).
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as sepaRoute } from '@/app/api/v1/periods/[id]/exports/sepa.xml/route';
import { GET as statementRoute } from '@/app/api/v1/periods/[id]/exports/statements/[file]/route';
import { GET as zipRoute } from '@/app/api/v1/periods/[id]/exports/statements.zip/route';
import { GET as paymentsRoute, POST as recordRoute } from '@/app/api/v1/periods/[id]/payments/route';
import { POST as reversalRoute } from '@/app/api/v1/periods/[id]/payments/[paymentId]/reversal/route';
import { recordPayment } from '@/lib/treasury/record-payments';
import { saveDebtorAccount, getDebtorAccount } from '@/lib/treasury/debtor-account';
import { reversePayment } from '@/lib/treasury/reverse-payment';
import { exportSepa } from '@/lib/treasury/export-sepa';
import { statementsZip } from '@/lib/treasury/statements-zip';
import { rejectionOf, resetDatabase } from '../support/database';
import { callRaw, createCast, IBANS, periodWithPayees, type Cast } from './treasury-fixtures';

type Who = 'admin' | 'treasurer' | 'referent' | 'alice';
const EVERYONE: Who[] = ['admin', 'treasurer', 'referent', 'alice'];

let cast: Cast;
let periodId: string;
let paymentId: string;

beforeAll(async () => {
  await resetDatabase();
  cast = await createCast();
  periodId = (await periodWithPayees(cast)).id;
  paymentId = (
    await recordPayment({
      actor: cast.treasurer,
      periodId,
      target: { personId: cast.djamel.id },
      paidOn: '2051-01-10',
      reference: 'CHQ-1',
    })
  ).payment.id;
});

const actorOf = (who: Who) => (who === 'alice' ? cast.alice : cast[who]);

describe('treasury endpoints × roles', () => {
  const treasurerOnly = (who: Who, success: number) => (who === 'treasurer' ? success : 403);

  it.each(EVERYONE)('GET sepa.xml and statements.zip as %s', async (who) => {
    const token = cast.tokens[who];
    expect((await callRaw(sepaRoute, { token, params: { id: periodId } })).status).toBe(treasurerOnly(who, 200));
    expect((await callRaw(zipRoute, { token, params: { id: periodId } })).status).toBe(treasurerOnly(who, 200));
  });

  it.each(EVERYONE)('GET Bruno’s and Alice’s statements as %s', async (who) => {
    const token = cast.tokens[who];
    const brunos = await callRaw(statementRoute, { token, params: { id: periodId, file: `${cast.bruno.id}.pdf` } });
    expect(brunos.status).toBe(who === 'treasurer' ? 200 : 404);
    const alices = await callRaw(statementRoute, { token, params: { id: periodId, file: `${cast.alice.id}.pdf` } });
    expect(alices.status).toBe(who === 'treasurer' || who === 'alice' ? 200 : 404);
  });

  it.each(EVERYONE)('GET payments as %s: everyone’s for a treasurer, their own for the others', async (who) => {
    const answer = await callRaw(paymentsRoute, { token: cast.tokens[who], params: { id: periodId } });
    expect(answer.status).toBe(200);
    expect(answer.body.scope).toBe(who === 'treasurer' ? 'ALL' : 'OWN');
    if (who !== 'treasurer') {
      expect(answer.body.sepa).toBeNull();
      expect(JSON.stringify(answer.body)).not.toContain('CHQ-1');
    }
  });

  it.each(EVERYONE)('POST a payment and a reversal as %s', async (who) => {
    const token = cast.tokens[who];
    const before = await db().payment.count();
    const record = await callRaw(recordRoute, {
      method: 'POST',
      token,
      params: { id: periodId },
      body: { personId: cast.elise.id, paidOn: '2051-01-11', reference: `VIR-${who}` },
    });
    const reverse = await callRaw(reversalRoute, {
      method: 'POST',
      token,
      params: { id: periodId, paymentId },
      body: { reason: 'Chèque perdu' },
    });
    expect(record.status).toBe(treasurerOnly(who, 201));
    expect(reverse.status).toBe(treasurerOnly(who, 201));
    expect(await db().payment.count()).toBe(before + (who === 'treasurer' ? 2 : 0));
  });

  it('answers 401 to a caller without a token, on every endpoint', async () => {
    expect((await callRaw(sepaRoute, { params: { id: periodId } })).status).toBe(401);
    expect((await callRaw(zipRoute, { params: { id: periodId } })).status).toBe(401);
    expect((await callRaw(statementRoute, { params: { id: periodId, file: `${cast.alice.id}.pdf` } })).status).toBe(
      401,
    );
    expect((await callRaw(paymentsRoute, { params: { id: periodId } })).status).toBe(401);
    expect(
      (
        await callRaw(recordRoute, {
          method: 'POST',
          params: { id: periodId },
          body: { personId: cast.alice.id, paidOn: '2051-01-11', reference: 'R' },
        })
      ).status,
    ).toBe(401);
    expect(
      (await callRaw(reversalRoute, { method: 'POST', params: { id: periodId, paymentId }, body: { reason: 'x' } }))
        .status,
    ).toBe(401);
  });
});

describe('treasury domain functions × roles', () => {
  it.each(EVERYONE.filter((who) => who !== 'treasurer'))(
    'refuses %s every treasurer action, whatever the input',
    async (who) => {
      const actor = actorOf(who);
      const refusals = await Promise.all([
        rejectionOf(
          recordPayment({ actor, periodId, target: { personId: cast.alice.id }, paidOn: '2051-01-11', reference: 'R' }),
        ),
        rejectionOf(reversePayment({ actor, periodId, paymentId, reason: 'x' })),
        rejectionOf(exportSepa({ actor, periodId })),
        rejectionOf(statementsZip({ actor, periodId, locale: 'fr' })),
        rejectionOf(getDebtorAccount({ actor })),
        rejectionOf(saveDebtorAccount({ actor, input: { debtorName: 'Détournement', debtorIban: IBANS.alice } })),
      ]);
      expect(refusals.map((error) => error.code)).toEqual(Array(6).fill('FORBIDDEN'));
      expect((await db().collectiveSettings.findUniqueOrThrow({ where: { id: 1 } })).debtorIban).toBe(IBANS.debtor);
    },
  );

  it('lets a treasurer set the collective’s account, checked and audited with the IBAN masked', async () => {
    const refused = await rejectionOf(
      saveDebtorAccount({
        actor: cast.treasurer,
        input: { debtorName: 'Monscobar', debtorIban: 'FR7630006000011234567890188', debtorBic: 'COBADEFFXXX' },
      }),
    );
    expect(refused.name).toBe('ZodError');
    const saved = await saveDebtorAccount({
      actor: cast.treasurer,
      input: { debtorName: 'Monscobar', debtorIban: 'fr76 3000 6000 0112 3456 7890 189', debtorBic: 'bnpafrpp' },
    });
    expect(saved).toEqual({ name: 'Monscobar', iban: IBANS.alice, bic: 'BNPAFRPP' });
    const entry = await db().auditLog.findFirstOrThrow({
      where: { action: 'settings.debtor-account-updated' },
      orderBy: { id: 'desc' },
    });
    expect(entry.actorId).toBe(cast.treasurer.id);
    expect(JSON.stringify(entry.data)).toContain('FR76 •••• •••• 0189');
    expect(JSON.stringify(entry.data)).not.toContain(IBANS.alice);
    await saveDebtorAccount({
      actor: cast.treasurer,
      input: { debtorName: 'Association Monscobar', debtorIban: IBANS.debtor, debtorBic: 'PSSTFRPPLIL' },
    });
  });
});
