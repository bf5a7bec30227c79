// The treasury endpoints' entries in the OpenAPI document (SEPA file, statements, payments), with
// the schemas the handlers parse and answer with.
import { z } from 'zod';
import { ZId } from '@/lib/people/schemas';
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import {
  ZBankAccountOut,
  ZDebtorAccountInput,
  ZPaymentCreate,
  ZPaymentParams,
  ZPaymentsRecordedOut,
  ZPeriodParams,
  ZPeriodPaymentsOut,
  ZReversalCreate,
  ZReversalRecordedOut,
  ZSepaQuery,
} from './schemas';

const ZStatementParams = z.object({ id: ZId, personId: ZId });

export const TREASURY_API = {
  exportSepa: defineOperation({
    operationId: 'exportSepa',
    method: 'get',
    path: '/periods/{id}/exports/sepa.xml',
    summary:
      'The SEPA credit transfer file (pain.001.001.03) of a closed period: one transfer per payee still owed money with a valid IBAN, from the collective’s account. Headers X-Butin-Transfers, X-Butin-Total-Cents and X-Butin-Excluded (the count of payees left out; GET /periods/{id}/payments lists them with their reasons). 409 when the period is open, the collective’s account is not set (error.details.reason DEBTOR_MISSING), or no payee can be paid by transfer (NOTHING_TO_TRANSFER, error.details.excluded).',
    who: 'treasurer',
    params: ZPeriodParams,
    query: ZSepaQuery,
    responses: { 200: { contentType: 'application/xml' } },
    errors: {
      409: 'CONFLICT: the period is open; error.details.reason DEBTOR_MISSING or DEBTOR_INVALID (error.details.fields), or NOTHING_TO_TRANSFER (error.details.excluded)',
    },
  }),
  exportStatement: defineOperation({
    operationId: 'exportStatement',
    method: 'get',
    path: '/periods/{id}/exports/statements/{personId}.pdf',
    summary:
      'A person’s statement for the period (A4 PDF): their approved contributions, rates, the computation in words and the amount; 404 to anyone else',
    who: 'that person, treasurer',
    params: ZStatementParams,
    responses: { 200: { contentType: 'application/pdf' } },
  }),
  exportStatementsZip: defineOperation({
    operationId: 'exportStatementsZip',
    method: 'get',
    path: '/periods/{id}/exports/statements.zip',
    summary: 'Every statement of the period, one PDF per person, in a ZIP streamed as it is made',
    who: 'treasurer',
    params: ZPeriodParams,
    responses: { 200: { contentType: 'application/zip' } },
  }),
  getPeriodPayments: defineOperation({
    operationId: 'getPeriodPayments',
    method: 'get',
    path: '/periods/{id}/payments',
    summary:
      'The payees of the current run with what each is owed, sent and still due, the payments and reversals, and what the SEPA file would hold now with every payee it leaves out and why (treasurers); anyone else gets their own payee only (scope OWN), without bank details',
    who: 'signed in',
    params: ZPeriodParams,
    responses: { 200: ZPeriodPaymentsOut },
  }),
  recordPayments: defineOperation({
    operationId: 'recordPayments',
    method: 'post',
    path: '/periods/{id}/payments',
    summary:
      'Record a payment: `{ personId | payeeId, paidOn, reference, amountCents? }`, or several at once with one date and reference: `{ payees: [{ payeeId, amountCents? }], paidOn, reference }`, all or nothing. The amount is what the run still owes the payee; amountCents, when sent, must be it (else 409 AMOUNT_CHANGED). 409 ALREADY_PAID, PERIOD_OPEN; 404 for a payee owed nothing. The period becomes PAID when nobody is owed anything.',
    who: 'treasurer',
    params: ZPeriodParams,
    body: ZPaymentCreate,
    responses: { 201: ZPaymentsRecordedOut },
    errors: {
      409: 'ALREADY_PAID, AMOUNT_CHANGED, PERIOD_OPEN: nothing is recorded',
    },
  }),
  reversePayment: defineOperation({
    operationId: 'reversePayment',
    method: 'post',
    path: '/periods/{id}/payments/{paymentId}/reversal',
    summary:
      'Reverse a recorded payment with a reason (a reversal entry; payments are never edited). The payee is owed the money again; a paid period is closed again.',
    who: 'treasurer',
    params: ZPaymentParams,
    body: ZReversalCreate,
    responses: { 201: ZReversalRecordedOut },
    errors: {
      409: 'CONFLICT: already reversed, or the period is open',
    },
  }),
  getBankAccount: defineOperation({
    operationId: 'getBankAccount',
    method: 'get',
    path: '/settings/bank-account',
    summary: 'The collective’s bank account the SEPA transfers are made from (the debtor); null fields until set',
    who: 'treasurer',
    responses: { 200: ZBankAccountOut },
  }),
  saveBankAccount: defineOperation({
    operationId: 'saveBankAccount',
    method: 'put',
    path: '/settings/bank-account',
    summary:
      'Set the collective’s bank account: the IBAN is checked (a SEPA country) and stored normalised, the BIC is optional; each change is audited with the IBANs masked',
    who: 'treasurer',
    body: ZDebtorAccountInput,
    responses: { 200: ZBankAccountOut },
  }),
};

export const TREASURY_OPERATIONS: Operation[] = Object.values(TREASURY_API);
