// The SEPA file and the statements against a real database: the file pays each payee exactly the
// sum of its people's payout lines, lists every payee it leaves out, refuses without the
// collective's account or before the close; each statement reaches its person and treasurers only.
import { beforeAll, describe, expect, it } from 'vitest';
import { isValidIBAN } from 'ibantools';
import { unzipSync } from 'fflate';
import { db } from '@/lib/db';
import { GET as sepaRoute } from '@/app/api/v1/periods/[id]/exports/sepa.xml/route';
import { GET as statementRoute } from '@/app/api/v1/periods/[id]/exports/statements/[file]/route';
import { GET as zipRoute } from '@/app/api/v1/periods/[id]/exports/statements.zip/route';
import { GET as paymentsRoute } from '@/app/api/v1/periods/[id]/payments/route';
import { decimalToCents, readSepaFile } from '@/lib/treasury/sepa-read';
import { isSepaText } from '@/lib/treasury/sepa-text';
import { exportSepa } from '@/lib/treasury/export-sepa';
import { getStatement } from '@/lib/treasury/statement-data';
import { resetDatabase, rejectionOf } from '../support/database';
import { amountsByPerson, callRaw, createCast, IBANS, periodWithPayees, type Cast } from './treasury-fixtures';

let cast: Cast;
let periodId: string;

beforeAll(async () => {
  await resetDatabase();
  cast = await createCast();
  periodId = (await periodWithPayees(cast)).id;
});

describe('the SEPA credit transfer file', () => {
  it('pays each payee with a valid IBAN the sum of its people’s payout lines, and the sums add up', async () => {
    const answer = await callRaw(sepaRoute, { token: cast.tokens.treasurer, params: { id: periodId } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/xml; charset=utf-8');
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="virements-sepa-\d{4}-\d{2}-01_\d{4}-\d{2}-28\.xml"$/,
    );
    const file = readSepaFile(answer.text);
    const amounts = await amountsByPerson(periodId);
    const expected = new Map([
      [IBANS.alice, amounts.get(cast.alice.id)!],
      [IBANS.coroutine, amounts.get(cast.bruno.id)! + amounts.get(cast.chloe.id)!],
    ]);
    // Payees in alphabetical order: Alice Martin, then La Coroutine.
    expect(file.transfers.map((transfer) => [transfer.creditorIban, decimalToCents(transfer.amount)])).toEqual([
      ...expected,
    ]);
    const total = [...expected.values()].reduce((sum, cents) => sum + cents, 0);
    expect(file.nbOfTxs).toBe('2');
    expect(file.payment.nbOfTxs).toBe('2');
    expect(decimalToCents(file.ctrlSum)).toBe(total);
    expect(decimalToCents(file.payment.ctrlSum)).toBe(total);
    expect(answer.headers.get('x-butin-transfers')).toBe('2');
    expect(answer.headers.get('x-butin-total-cents')).toBe(String(total));
    expect(file.transfers.every((transfer) => isValidIBAN(transfer.creditorIban))).toBe(true);
    expect(file.payment).toMatchObject({
      debtorName: 'Association Monscobar',
      debtorIban: IBANS.debtor,
      debtorBic: 'PSSTFRPPLIL',
    });
    // The names and the remittance text (naming the period) in the SEPA character set.
    expect(file.transfers.map((transfer) => transfer.creditorName)).toEqual(['Alice Martin', 'La Coroutine']);
    for (const transfer of file.transfers) {
      expect(isSepaText(transfer.remittance)).toBe(true);
      expect(transfer.remittance).toMatch(/Retribution Periode ' test ' no \d+/);
    }
    expect(file.transfers[1].remittance).toContain('pour Bruno Lefebvre, Chloe Dubois');
  });

  it('leaves no payee out silently: each one is in the file or listed with its reason', async () => {
    const answer = await callRaw(sepaRoute, { token: cast.tokens.treasurer, params: { id: periodId } });
    expect(answer.headers.get('x-butin-excluded')).toBe('3');
    expect(answer.headers.get('x-butin-excluded-payees')).toBe(
      `person:${cast.djamel.id}=NO_IBAN, person:${cast.elise.id}=INVALID_IBAN, person:${cast.fatou.id}=ZERO_AMOUNT`,
    );
    const listed = await callRaw(paymentsRoute, { token: cast.tokens.treasurer, params: { id: periodId } });
    expect(listed.status).toBe(200);
    expect(
      listed.body.sepa.excluded.map((payee: { payeeName: string; reason: string }) => [payee.payeeName, payee.reason]),
    ).toEqual([
      ['Djamel Benali', 'NO_IBAN'],
      ['Élise Moreau', 'INVALID_IBAN'],
      ['Fatou Diallo', 'ZERO_AMOUNT'],
    ]);
    expect(listed.body.sepa.transferCount + listed.body.sepa.excluded.length).toBe(listed.body.payees.length);
    expect(
      listed.body.payees.find((payee: { payeeId: string }) => payee.payeeId === 'org:la-coroutine').ibanStatus,
    ).toBe('VALID');
  });

  it('is audited, with the figures but no IBAN', async () => {
    await exportSepa({ actor: cast.treasurer, periodId });
    const entry = await db().auditLog.findFirstOrThrow({
      where: { action: 'period.sepa-exported', entityId: periodId },
      orderBy: { id: 'desc' },
    });
    expect(entry.data).toMatchObject({ nbOfTxs: '2' });
    expect(JSON.stringify(entry.data)).not.toContain(IBANS.alice);
  });

  it('takes the execution date asked for, and refuses a malformed one with a 400', async () => {
    const answer = await callRaw(sepaRoute, {
      token: cast.tokens.treasurer,
      params: { id: periodId },
      path: `/api/v1/periods/${periodId}/exports/sepa.xml?executionDate=2051-01-15`,
    });
    expect(readSepaFile(answer.text).payment.executionDate).toBe('2051-01-15');
    const bad = await callRaw(sepaRoute, {
      token: cast.tokens.treasurer,
      params: { id: periodId },
      path: `/api/v1/periods/${periodId}/exports/sepa.xml?executionDate=15/01/2051`,
    });
    expect(bad.status).toBe(400);
  });

  it('refuses with a clear 409 while the collective’s account is missing', async () => {
    const before = await db().collectiveSettings.findUniqueOrThrow({ where: { id: 1 } });
    await db().collectiveSettings.update({ where: { id: 1 }, data: { debtorIban: null } });
    try {
      const answer = await callRaw(sepaRoute, { token: cast.tokens.treasurer, params: { id: periodId } });
      expect(answer.status).toBe(409);
      expect(answer.body.error.code).toBe('CONFLICT');
      expect(answer.body.error.details).toEqual({ reason: 'DEBTOR_MISSING', fields: ['debtorIban'] });
      expect(answer.body.error.message).toMatch(/collective's account is not set/);
    } finally {
      await db().collectiveSettings.update({ where: { id: 1 }, data: { debtorIban: before.debtorIban } });
    }
  });

  it('refuses an open period, and a period with nobody left to pay by transfer', async () => {
    const open = await periodWithPayees(cast, { close: false });
    const answer = await callRaw(sepaRoute, { token: cast.tokens.treasurer, params: { id: open.id } });
    expect(answer.status).toBe(409);
    expect(answer.body.error.details.reason).toBe('PERIOD_OPEN');

    const other = await periodWithPayees(cast);
    const amounts = await amountsByPerson(other.id);
    await db().payment.createMany({
      data: [
        {
          periodId: other.id,
          runId: (await db().payoutRun.findFirstOrThrow({ where: { periodId: other.id } })).id,
          payeeKey: `person:${cast.alice.id}`,
          payeeName: 'Alice Martin',
          amountCents: amounts.get(cast.alice.id)!,
          paidOn: new Date('2051-01-01'),
          reference: 'A',
          recordedById: cast.treasurer.id,
        },
        {
          periodId: other.id,
          runId: (await db().payoutRun.findFirstOrThrow({ where: { periodId: other.id } })).id,
          payeeKey: 'org:la-coroutine',
          payeeName: 'La Coroutine',
          amountCents: amounts.get(cast.bruno.id)! + amounts.get(cast.chloe.id)!,
          paidOn: new Date('2051-01-01'),
          reference: 'B',
          recordedById: cast.treasurer.id,
        },
      ],
    });
    const none = await callRaw(sepaRoute, { token: cast.tokens.treasurer, params: { id: other.id } });
    expect(none.status).toBe(409);
    expect(none.body.error.details.reason).toBe('NOTHING_TO_TRANSFER');
    expect(none.body.error.details.excluded.map((payee: { reason: string }) => payee.reason)).toEqual([
      'ALREADY_PAID',
      'NO_IBAN',
      'INVALID_IBAN',
      'ZERO_AMOUNT',
      'ALREADY_PAID',
    ]);
  });

  it('is a 404 for a period that does not exist', async () => {
    expect((await callRaw(sepaRoute, { token: cast.tokens.treasurer, params: { id: 'nope' } })).status).toBe(404);
  });
});

describe('statements', () => {
  const statementOf = (token: string, personId: string, period = periodId) =>
    callRaw(statementRoute, { token, params: { id: period, file: `${personId}.pdf` } });

  it('gives a person their own statement as a PDF', async () => {
    const answer = await statementOf(cast.tokens.alice, cast.alice.id);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/pdf');
    expect(answer.headers.get('content-disposition')).toMatch(
      /^attachment; filename="attestation-alice-martin-\d{4}-\d{2}-01_\d{4}-\d{2}-28\.pdf"$/,
    );
    expect(new TextDecoder().decode(answer.bytes.slice(0, 5))).toBe('%PDF-');
  });

  it('says what the payout lines say: the contributions, the amount, the words', async () => {
    const statement = await getStatement({ actor: cast.alice, periodId, personId: cast.alice.id, locale: 'fr' });
    const amounts = await amountsByPerson(periodId);
    expect(statement.totals.amountCents).toBe(amounts.get(cast.alice.id));
    expect(statement.contributions.reduce((sum, contribution) => sum + contribution.minutes, 0)).toBe(20 * 60);
    expect(
      statement.contributions.every(
        (contribution) =>
          contribution.rateCents === 3000 && contribution.chantier === 'C1 — Gestion et animation des tiers-lieux',
      ),
    ).toBe(true);
    expect(statement.lines[0].words).toMatch(/^20 h × 30,00\s€\/h/);
    expect(statement.person).toMatchObject({
      legalName: 'Alice Martin',
      siret: '73282932000074',
      address: ['12 rue de Lannoy', '59100 Roubaix'],
    });
    expect(statement.period.status).toBe('CLOSED');
  });

  it('is a 404 for anyone else’s statement, whoever asks but a treasurer, and for an id with no line', async () => {
    for (const token of [cast.tokens.alice, cast.tokens.bruno, cast.tokens.referent, cast.tokens.admin]) {
      const answer = await statementOf(token, cast.chloe.id);
      expect(answer.status).toBe(404);
      expect(answer.body.error.code).toBe('NOT_FOUND');
    }
    // The same answer as for an id that does not exist: the id reveals nothing.
    expect((await statementOf(cast.tokens.alice, 'doesnotexist')).body).toEqual(
      (await statementOf(cast.tokens.alice, cast.chloe.id)).body,
    );
    expect((await statementOf(cast.tokens.treasurer, cast.chloe.id)).status).toBe(200);
    expect((await statementOf(cast.tokens.treasurer, cast.treasurer.id)).status).toBe(404);
    expect(
      (
        await callRaw(statementRoute, {
          token: cast.tokens.alice,
          params: { id: periodId, file: `${cast.alice.id}.txt` },
        })
      ).status,
    ).toBe(404);
    expect((await callRaw(statementRoute, { params: { id: periodId, file: `${cast.alice.id}.pdf` } })).status).toBe(
      401,
    );
    await expect(
      rejectionOf(getStatement({ actor: cast.bruno, periodId, personId: cast.alice.id, locale: 'fr' })),
    ).resolves.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('gives a treasurer every statement at once, one PDF per person with a payout line', async () => {
    const answer = await callRaw(zipRoute, { token: cast.tokens.treasurer, params: { id: periodId } });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/zip');
    const files = unzipSync(answer.bytes);
    const names = Object.keys(files).sort();
    expect(names).toHaveLength(6);
    expect(names.every((name) => /^attestation-[a-z-]+-\d{4}-\d{2}-01_\d{4}-\d{2}-28-[a-z0-9]+\.pdf$/.test(name))).toBe(
      true,
    );
    expect(names.some((name) => name.startsWith('attestation-elise-moreau-'))).toBe(true);
    for (const name of names) expect(new TextDecoder().decode(files[name].slice(0, 5))).toBe('%PDF-');
    expect(answer.headers.get('x-butin-statements')).toBe('6');
  });

  it('refuses the ZIP to anyone but a treasurer', async () => {
    for (const token of [cast.tokens.alice, cast.tokens.referent, cast.tokens.admin])
      expect((await callRaw(zipRoute, { token, params: { id: periodId } })).status).toBe(403);
  });

  it('gives a preview statement while the period is open', async () => {
    const open = await periodWithPayees(cast, { close: false });
    const statement = await getStatement({
      actor: cast.alice,
      periodId: open.id,
      personId: cast.alice.id,
      locale: 'fr',
    });
    expect(statement.period.status).toBe('OPEN');
    expect(statement.payment).toBeNull();
    expect(statement.totals.amountCents).toBeGreaterThan(0);
  });
});
