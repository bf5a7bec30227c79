// Payout profile schemas, shared by the form, its server action, the API and the OpenAPI document.
// Inputs are normalised as they are parsed (IBAN in electronic format, BIC upper case, SIRET digits
// only), so what is stored is always in one shape. Messages are keys of messages/*.json.
import { z } from 'zod';
import {
  isValidBic,
  isValidCountry,
  isValidIban,
  isValidPostalCode,
  normaliseBic,
  normaliseCountry,
  normaliseIban,
  normaliseSiret,
  siretProblem,
} from './validate';

export const PAYEE_TYPES = ['SELF', 'ORGANISATION'] as const;
export const ZPayeeType = z.enum(PAYEE_TYPES);
export type TPayeeType = z.infer<typeof ZPayeeType>;

/** A form sends "" for an untouched field; the API may send null or leave it out: all are "none". */
const blankToUndefined = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '') ? undefined : value;

const optionalText = (max: number) =>
  z
    .preprocess(blankToUndefined, z.string().trim().max(max, 'validation.tooLong').optional())
    .transform((value) => value ?? null);

/** Optional; stored in electronic format ("FR7630006000011234567890189"). */
export const ZIbanInput = z
  .preprocess(blankToUndefined, z.string().max(64, 'validation.iban').optional())
  .transform((value) => normaliseIban(value))
  .refine((iban) => iban === null || isValidIban(iban), 'validation.iban');

/** Optional; 8 or 11 characters, upper case. */
export const ZBicInput = z
  .preprocess(blankToUndefined, z.string().max(32, 'validation.bic').optional())
  .transform((value) => normaliseBic(value))
  .refine((bic) => bic === null || isValidBic(bic), 'validation.bic');

/** Optional; 14 digits with a valid key (spaces and dots allowed in the input). */
export const ZSiretInput = z
  .preprocess(blankToUndefined, z.string().max(32, 'validation.siretLength').optional())
  .transform((value) => normaliseSiret(value))
  .superRefine((siret, context) => {
    if (siret === null) return;
    const problem = siretProblem(siret);
    if (problem)
      context.addIssue({
        code: 'custom',
        message: problem === 'LENGTH' ? 'validation.siretLength' : 'validation.siret',
      });
  });

export const ZPayoutProfileInput = z
  .object({
    payeeType: z.preprocess(blankToUndefined, ZPayeeType.default('SELF')),
    /** Required when the payee is an organisation; dropped when it is the person themselves. */
    organisationName: optionalText(200),
    /** The person's legal name (as on their identity papers), for statements and transfers. */
    legalName: z.preprocess(
      (value) => value ?? '',
      z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    ),
    iban: ZIbanInput,
    bic: ZBicInput,
    siret: ZSiretInput,
    addressLine1: optionalText(200),
    addressLine2: optionalText(200),
    postalCode: optionalText(16),
    city: optionalText(120),
    country: z
      .preprocess(blankToUndefined, z.string().max(8, 'validation.country').optional())
      .transform((value) => normaliseCountry(value ?? 'FR'))
      .refine(isValidCountry, 'validation.country'),
  })
  // Zod runs this even when a field above failed, so every refused field is named at once.
  .superRefine((input, context) => {
    if (input.payeeType === 'ORGANISATION' && !input.organisationName) {
      context.addIssue({ code: 'custom', path: ['organisationName'], message: 'validation.organisationRequired' });
    }
    if (
      typeof input.postalCode === 'string' &&
      typeof input.country === 'string' &&
      !isValidPostalCode(input.postalCode, input.country)
    ) {
      context.addIssue({ code: 'custom', path: ['postalCode'], message: 'validation.postalCode' });
    }
  })
  .transform((input) => ({
    ...input,
    organisationName: input.payeeType === 'ORGANISATION' ? input.organisationName : null,
  }));

export type TPayoutProfileInput = z.input<typeof ZPayoutProfileInput>;
export type TPayoutProfile = z.output<typeof ZPayoutProfileInput>;

export const ZPayoutProfileOut = z.object({
  personId: z.string(),
  payeeType: ZPayeeType,
  organisationName: z.string().nullable(),
  legalName: z.string(),
  /** Electronic format; the person and treasurers only ever receive this document. */
  iban: z.string().nullable(),
  /** "FR76 •••• •••• 0189", for screens that need not show the whole IBAN. */
  ibanMasked: z.string().nullable(),
  ibanValid: z.boolean(),
  bic: z.string().nullable(),
  siret: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  postalCode: z.string().nullable(),
  city: z.string().nullable(),
  country: z.string(),
  /** "person:<id>" or "org:<normalised organisation name>": who receives the money. */
  payeeKey: z.string(),
  /** The name a transfer is made out to. */
  payeeName: z.string(),
  updatedAt: z.string(),
});
export type TPayoutProfileOut = z.infer<typeof ZPayoutProfileOut>;
