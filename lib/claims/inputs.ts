// Input schemas of claims, shared by the API, the server actions behind the forms and the OpenAPI
// document. Money is integer cents in the API; the form reads euros as people type them ("12,50")
// and yields the very same input. Messages are keys of messages/*/claims.json or the shared ones.
import { z } from 'zod';
import { ZFlag } from '@/lib/validation/boolean';
import { ZCalendarDate } from '@/lib/validation/date';
import { parseEurosToCents } from '@/lib/format/money';
import { CLAIM_KINDS, CLAIM_REVIEW_ACTIONS, CLAIM_STATUSES, type ClaimKind } from '@/lib/claims/lifecycle';
import {
  MAX_BULK_CLAIMS,
  MAX_CLAIM_CENTS,
  MAX_CLAIM_DESCRIPTION_LENGTH,
  MAX_DISTANCE_KM,
  MIN_DISTANCE_KM,
} from '@/lib/claims/limits';

const ZId = z.string().trim().min(1).max(64);
const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);

export const ZClaimKind = z.enum(CLAIM_KINDS, { error: 'claims.validation.kind' });
export const ZClaimDate = ZCalendarDate('validation.date');
export const ZClaimDescription = z
  .string()
  .trim()
  .min(1, 'claims.validation.describe')
  .max(MAX_CLAIM_DESCRIPTION_LENGTH, 'validation.tooLong');
/** Whole cents, from 1 cent to 1 000 000 €. */
export const ZClaimCents = z
  .number({ error: 'claims.validation.amount' })
  .int('claims.validation.amountWholeCents')
  .min(1, 'claims.validation.amountPositive')
  .max(MAX_CLAIM_CENTS, 'claims.validation.amountTooLarge');
/** Whole kilometres, 1 to 5 000. */
export const ZDistanceKm = z
  .number({ error: 'claims.validation.distance' })
  .int('claims.validation.distanceWhole')
  .min(MIN_DISTANCE_KM, 'claims.validation.distanceRange')
  .max(MAX_DISTANCE_KM, 'claims.validation.distanceRange');

type ValueFields = { kind: ClaimKind; amountCents?: number | null; distanceKm?: number | null };

/** A trip is a distance (its amount is computed); every other kind is an amount. */
export function kindValueIssues(input: ValueFields): { path: string[]; message: string }[] {
  const amount = input.amountCents !== undefined && input.amountCents !== null;
  const distance = input.distanceKm !== undefined && input.distanceKm !== null;
  if (input.kind === 'MILEAGE') {
    return [
      ...(distance ? [] : [{ path: ['distanceKm'], message: 'claims.validation.distanceRequired' }]),
      ...(amount ? [{ path: ['amountCents'], message: 'claims.validation.amountNotForMileage' }] : []),
    ];
  }
  return [
    ...(amount ? [] : [{ path: ['amountCents'], message: 'claims.validation.amountRequired' }]),
    ...(distance ? [{ path: ['distanceKm'], message: 'claims.validation.distanceOnlyMileage' }] : []),
  ];
}

const createShape = {
  kind: ZClaimKind,
  date: ZClaimDate,
  chantierId: z.string().trim().min(1, 'validation.chooseChantier').max(64),
  placeId: z.preprocess(emptyToUndefined, ZId.optional()),
  description: ZClaimDescription,
  amountCents: ZClaimCents.optional(),
  distanceKm: ZDistanceKm.optional(),
  /** Someone else: a fixed fee committed for them by a referent of the chantier or a treasurer. */
  personId: z.preprocess(emptyToUndefined, ZId.optional()),
  submit: ZFlag().default(false),
};

/** POST /claims. */
export const ZClaimCreate = z.object(createShape).superRefine((input, ctx) => {
  for (const issue of kindValueIssues(input)) ctx.addIssue({ code: 'custom', ...issue });
});
export type TClaimCreate = z.output<typeof ZClaimCreate>;

/** null or "" clears the place; a field left out keeps its stored value. */
const clearable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? null : value), schema.nullable().optional());

/** PATCH /claims/{id}: partial; `version` (the one the edit started from) is required. The kind never changes. */
export const ZClaimPatch = z.object({
  date: ZClaimDate.optional(),
  chantierId: ZId.optional(),
  placeId: clearable(ZId),
  description: ZClaimDescription.optional(),
  amountCents: ZClaimCents.optional(),
  distanceKm: ZDistanceKm.optional(),
  version: z.number({ error: 'validation.invalid' }).int().min(1),
});
export type TClaimPatch = z.output<typeof ZClaimPatch>;

// ---- Forms: euros and kilometres as typed -------------------------------------------------------

const MONEY_MESSAGES = {
  EMPTY: 'claims.validation.amountRequired',
  INVALID: 'claims.validation.amount',
  NEGATIVE: 'claims.validation.amountPositive',
  TOO_PRECISE: 'claims.validation.amountWholeCents',
  TOO_LARGE: 'claims.validation.amountTooLarge',
} as const;

/** "12,50" → 1250; empty → undefined (the kind decides whether an amount is needed). */
export const ZEurosField = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .max(40, 'claims.validation.amount')
    .transform((text, ctx) => {
      const parsed = parseEurosToCents(text);
      if (parsed.ok) return parsed.cents;
      ctx.addIssue({ code: 'custom', message: MONEY_MESSAGES[parsed.code] });
      return z.NEVER;
    })
    .pipe(ZClaimCents)
    .optional(),
);

/** "120" → 120; empty → undefined. */
export const ZKilometresField = z.preprocess(
  emptyToUndefined,
  z
    .string()
    .trim()
    .max(12, 'claims.validation.distance')
    .regex(/^\d+$/, 'claims.validation.distanceWhole')
    .transform(Number)
    .pipe(ZDistanceKm)
    .optional(),
);

/**
 * The declare form: the fields of POST /claims with the amount in euros (`amount`) and the distance
 * as typed; the output is the API's input, so one mutation serves both.
 */
export const ZClaimForm = z
  .object({
    ...createShape,
    amount: ZEurosField,
    distanceKm: ZKilometresField,
    amountCents: z.undefined().optional(),
  })
  .superRefine((input, ctx) => {
    for (const issue of kindValueIssues({ ...input, amountCents: input.amount }))
      ctx.addIssue({ code: 'custom', ...issue, path: issue.path[0] === 'amountCents' ? ['amount'] : issue.path });
  })
  .transform(({ amount, ...rest }) => ({ ...rest, amountCents: rest.kind === 'MILEAGE' ? undefined : amount }));

/** The edit form: every field sent (an empty place is cleared), the kind as stored, and `version`. */
export const ZClaimEditForm = z
  .object({
    kind: ZClaimKind,
    date: ZClaimDate,
    chantierId: createShape.chantierId,
    placeId: createShape.placeId,
    description: ZClaimDescription,
    amount: ZEurosField,
    distanceKm: ZKilometresField,
    version: z.coerce.number().int().min(1),
    submit: ZFlag().default(false),
  })
  .superRefine((input, ctx) => {
    for (const issue of kindValueIssues({ ...input, amountCents: input.amount }))
      ctx.addIssue({ code: 'custom', ...issue, path: issue.path[0] === 'amountCents' ? ['amount'] : issue.path });
  })
  .transform(({ amount, kind, submit, ...rest }) => ({
    kind,
    submit,
    patch: {
      ...rest,
      placeId: rest.placeId ?? null,
      ...(kind === 'MILEAGE' ? { distanceKm: rest.distanceKm } : { amountCents: amount, distanceKm: undefined }),
    } satisfies TClaimPatch,
  }));

// ---- Reviews and lists ------------------------------------------------------------------------

export const ZClaimVersion = z.object({ version: z.coerce.number().int().min(1).optional() });

export const ZClaimReview = z.object({
  version: z.coerce.number().int().min(1).optional(),
  reason: z.string().trim().max(2000, 'validation.tooLong').optional(),
  comment: z.string().trim().max(2000, 'validation.tooLong').optional(),
});
export type TClaimReview = z.infer<typeof ZClaimReview>;

const idList = z.preprocess(
  (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z.array(ZId).min(1, 'validation.selectSome').max(MAX_BULK_CLAIMS),
);

export const ZClaimBulkReview = z.object({
  ids: idList,
  action: z.enum(CLAIM_REVIEW_ACTIONS),
  reason: z.string().trim().max(2000, 'validation.tooLong').optional(),
  comment: z.string().trim().max(2000, 'validation.tooLong').optional(),
});

export const ZClaimFilters = z.object({
  periodId: ZId.optional(),
  chantierId: ZId.optional(),
  personId: ZId.optional(),
  status: z.enum(CLAIM_STATUSES).optional(),
  kind: z.enum(CLAIM_KINDS).optional(),
  from: ZCalendarDate().optional(),
  to: ZCalendarDate().optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TClaimFilters = Omit<z.output<typeof ZClaimFilters>, 'limit'> & { limit?: number };
