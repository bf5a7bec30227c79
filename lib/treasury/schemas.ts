// Treasury schemas (payments, reversals, the debtor account, the SEPA file's options), shared by
// the forms, their server actions, the API handlers and the OpenAPI document. Messages are keys.
import { z } from 'zod';
import { ZId } from '@/lib/people/schemas';
import { ZIsoDate } from '@/lib/periods/schemas';
import { isSepaIban, isValidBic, normaliseBic, normaliseIban } from '@/lib/payees/validate';
import { bicMatchesIban } from './bic';
import { EXCLUSION_REASONS } from './sepa-batch';

/** "person:<id>" or "org:<normalised organisation name>", as payout profiles group people. */
export const ZPayeeId = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^(person|org):\S+$/, 'treasury.validation.payeeId');
export const ZReference = z.string().trim().min(1, 'validation.required').max(140, 'validation.tooLong');
const ZExpectedCents = z.number().int('validation.invalid').positive('validation.invalid').max(2_147_483_647);

export const ZPeriodParams = z.object({ id: ZId });
export const ZPaymentParams = z.object({ id: ZId, paymentId: ZId });

/**
 * One payee (`personId` or `payeeId`) or several (`payees`, e.g. the payees of a SEPA file), all
 * with one date and bank reference. `amountCents`, when sent, must be what is due — the amount
 * the caller saw — else nothing is recorded (409), so a stale screen never records a wrong sum.
 */
export const ZPaymentCreate = z
  .object({
    personId: ZId.optional(),
    payeeId: ZPayeeId.optional(),
    amountCents: ZExpectedCents.optional(),
    payees: z
      .array(z.object({ payeeId: ZPayeeId, amountCents: ZExpectedCents.optional() }))
      .min(1)
      .max(5_000)
      .optional(),
    paidOn: ZIsoDate,
    reference: ZReference,
  })
  .superRefine((input, context) => {
    const given = [input.personId, input.payeeId, input.payees].filter((value) => value !== undefined).length;
    if (given !== 1) context.addIssue({ code: 'custom', path: ['payeeId'], message: 'treasury.validation.onePayee' });
    if (input.payees && input.amountCents !== undefined)
      context.addIssue({ code: 'custom', path: ['amountCents'], message: 'treasury.validation.amountPerPayee' });
    if (input.payees && new Set(input.payees.map((payee) => payee.payeeId)).size !== input.payees.length) {
      context.addIssue({ code: 'custom', path: ['payees'], message: 'treasury.validation.duplicatePayee' });
    }
  });
export type TPaymentCreate = z.infer<typeof ZPaymentCreate>;

export const ZReversalCreate = z.object({
  reason: z.string().trim().min(1, 'errors.COMMENT_REQUIRED').max(2_000, 'validation.tooLong'),
  /** The day the money came back or the transfer was cancelled; today by default. */
  reversedOn: ZIsoDate.optional(),
});
export type TReversalCreate = z.infer<typeof ZReversalCreate>;

const blank = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

/** The collective's account the transfers are made from. The BIC is optional (IBAN-only SEPA). */
export const ZDebtorAccountInput = z
  .object({
    debtorName: z.preprocess(
      (value) => value ?? '',
      z.string().trim().min(1, 'validation.required').max(70, 'treasury.validation.debtorNameLength'),
    ),
    debtorIban: z
      .preprocess((value) => value ?? '', z.string().max(64, 'validation.iban'))
      .transform((value) => normaliseIban(value))
      .refine((iban): iban is string => iban !== null, 'validation.required')
      .refine((iban) => isSepaIban(iban), 'treasury.validation.debtorIban'),
    debtorBic: z
      .preprocess(blank, z.string().max(32, 'validation.bic').optional())
      .transform((value) => normaliseBic(value))
      .refine((bic) => bic === null || isValidBic(bic), 'validation.bic'),
  })
  .superRefine((input, context) => {
    if (input.debtorBic && input.debtorIban && !bicMatchesIban(input.debtorBic, input.debtorIban)) {
      context.addIssue({ code: 'custom', path: ['debtorBic'], message: 'treasury.validation.bicCountry' });
    }
  });
export type TDebtorAccountInput = z.input<typeof ZDebtorAccountInput>;

/** The collective's account as GET/PUT /settings/bank-account answer it (null until set). */
export const ZBankAccountOut = z.object({
  debtorName: z.string().nullable(),
  debtorIban: z.string().nullable(),
  debtorBic: z.string().nullable(),
});

export const ZSepaQuery = z.object({
  /** The day the bank is asked to execute the transfers; today (the collective's time zone) by default. */
  executionDate: ZIsoDate.optional(),
});

export const ZPaymentOut = z.object({
  id: z.string(),
  periodId: z.string(),
  runId: z.string(),
  payeeId: z.string(),
  payeeName: z.string(),
  kind: z.enum(['PAYMENT', 'REVERSAL']),
  amountCents: z.number().int(),
  paidOn: z.string(),
  reference: z.string(),
  reversesId: z.string().nullable(),
  /** For a payment: the reversal that cancelled it, if any. */
  reversedById: z.string().nullable(),
  reason: z.string().nullable(),
  recordedById: z.string(),
  recordedByName: z.string(),
  createdAt: z.string(),
});
export type TPaymentOut = z.infer<typeof ZPaymentOut>;

export const ZPayeeState = z.enum(['NOTHING_DUE', 'UNPAID', 'PARTIAL', 'PAID']);

export const ZPayeeOut = z.object({
  payeeId: z.string(),
  payeeName: z.string(),
  payeeType: z.enum(['SELF', 'ORGANISATION']),
  people: z.array(z.object({ personId: z.string(), name: z.string(), amountCents: z.number().int() })),
  /** What the current run owes this payee. */
  amountCents: z.number().int(),
  paidCents: z.number().int(),
  dueCents: z.number().int(),
  state: ZPayeeState,
  /** Treasurers only; null for anyone else. */
  ibanStatus: z.enum(['VALID', 'MISSING', 'INVALID', 'OUTSIDE_SEPA', 'CONFLICT']).nullable(),
  ibanMasked: z.string().nullable(),
  lastPayment: z.object({ id: z.string(), paidOn: z.string(), reference: z.string() }).nullable(),
});
export type TPayeeOut = z.infer<typeof ZPayeeOut>;

export const ZExcludedOut = z.object({
  payeeId: z.string(),
  payeeName: z.string(),
  amountCents: z.number().int(),
  dueCents: z.number().int(),
  reason: z.enum(EXCLUSION_REASONS),
});

export const ZPeriodPaymentsOut = z.object({
  periodId: z.string(),
  status: z.enum(['OPEN', 'CLOSED', 'PAID']),
  runId: z.string().nullable(),
  scope: z.enum(['ALL', 'OWN']),
  payees: z.array(ZPayeeOut),
  items: z.array(ZPaymentOut),
  totals: z.object({ amountCents: z.number().int(), paidCents: z.number().int(), dueCents: z.number().int() }),
  /** Treasurers only: what the SEPA file would hold now, and who it leaves out and why. */
  sepa: z
    .object({
      transferCount: z.number().int(),
      totalCents: z.number().int(),
      transfers: z.array(z.object({ payeeId: z.string(), payeeName: z.string(), amountCents: z.number().int() })),
      excluded: z.array(ZExcludedOut),
    })
    .nullable(),
});
export type TPeriodPaymentsOut = z.infer<typeof ZPeriodPaymentsOut>;

export const ZPaymentsRecordedOut = z.object({
  periodId: z.string(),
  status: z.enum(['CLOSED', 'PAID']),
  items: z.array(ZPaymentOut),
});
export const ZReversalRecordedOut = z.object({
  periodId: z.string(),
  status: z.enum(['CLOSED', 'PAID']),
  reversal: ZPaymentOut,
});
