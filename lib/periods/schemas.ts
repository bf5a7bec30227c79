// Schemas of funding periods and their payouts, shared by the API handlers, the server actions
// behind the forms, and the OpenAPI document. Messages are keys of messages/*.json. Money is
// integer cents and durations integer minutes; the form variant reads euros and hours as people
// type them ("30,50", "7,5") and turns them into the very same input the API takes.
import { z } from 'zod';
import { ZCalendarDate } from '@/lib/validation/date';
import { ZId } from '@/lib/people/schemas';
import { parseEurosToCents } from '@/lib/format/money';
import { parseHoursToMinutes } from '@/lib/format/hours';

/** An hourly rate above 1 000 €/h is a typo, not a rate. */
export const MAX_RATE_CENTS = 100_000;
/** An envelope above 1 M€ is a typo; it also keeps a run's total inside the database's integer. */
export const MAX_ENVELOPE_CENTS = 100_000_000;
/** A mileage rate above 100 € per km is a typo (the database refuses it too). */
export const MAX_MILEAGE_RATE_CENTS = 10_000;
/** A cap of 100 000 hours per person is no cap. */
export const MAX_CAP_MINUTES = 100_000 * 60;

export const OVERFLOW_POLICIES = ['PRORATA', 'FIRST_COME'] as const;
export const PERIOD_STATUSES = ['OPEN', 'CLOSED', 'PAID'] as const;
export const RATE_SOURCES = ['PERSON_CHANTIER', 'PERSON', 'CHANTIER', 'DEFAULT'] as const;

/** The one calendar-date rule (lib/validation): real days, years 2000 to 2100. */
export const ZIsoDate = ZCalendarDate('errors.period.DATE');
const ZName = z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong');
const cents = (max: number) =>
  z.number().int('validation.invalid').min(0, 'errors.period.NEGATIVE_MONEY').max(max, 'errors.period.TOO_LARGE');
const ZCapMinutes = z
  .number()
  .int('validation.invalid')
  .min(0, 'errors.hours.NEGATIVE')
  .max(MAX_CAP_MINUTES, 'errors.hours.TOO_LARGE');
const ZPolicy = z.enum(OVERFLOW_POLICIES);

export const ZEnvelopeInput = z.object({ chantierId: ZId, amountCents: cents(MAX_ENVELOPE_CENTS) });
export const ZRateInput = z.object({
  personId: ZId.nullish(),
  chantierId: ZId.nullish(),
  rateCents: cents(MAX_RATE_CENTS),
});

type RuleInput = {
  startDate?: string;
  endDate?: string;
  envelopes?: readonly ({ chantierId: string } | null)[];
  rates?: readonly ({ personId?: string | null; chantierId?: string | null } | null)[];
};

/**
 * The rules across fields, with the field each broken rule names: the last day not before the
 * first, one envelope per chantier, one rate per target, a rate naming a person or a chantier.
 * Rows may be null (a blank row of the form), so the paths keep the indexes the person sees.
 */
export function periodRuleIssues(input: RuleInput): { path: (string | number)[]; message: string }[] {
  const issues: { path: (string | number)[]; message: string }[] = [];
  if (input.startDate && input.endDate && input.endDate < input.startDate)
    issues.push({ path: ['endDate'], message: 'errors.period.END_BEFORE_START' });
  const envelopeChantiers = new Set<string>();
  input.envelopes?.forEach((envelope, index) => {
    if (!envelope) return;
    if (envelopeChantiers.has(envelope.chantierId))
      issues.push({ path: ['envelopes', index, 'chantierId'], message: 'errors.period.DUPLICATE_ENVELOPE' });
    envelopeChantiers.add(envelope.chantierId);
  });
  const rateTargets = new Set<string>();
  input.rates?.forEach((rate, index) => {
    if (!rate) return;
    if (!rate.personId && !rate.chantierId) {
      issues.push({ path: ['rates', index, 'personId'], message: 'errors.period.RATE_TARGET' });
      return;
    }
    const key = `${rate.personId ?? ''}\u0000${rate.chantierId ?? ''}`;
    if (rateTargets.has(key))
      issues.push({ path: ['rates', index, 'personId'], message: 'errors.period.DUPLICATE_RATE' });
    rateTargets.add(key);
  });
  return issues;
}

function refineRules(value: RuleInput, ctx: z.RefinementCtx) {
  for (const issue of periodRuleIssues(value)) ctx.addIssue({ code: 'custom', ...issue });
}

const periodShape = {
  name: ZName,
  startDate: ZIsoDate,
  endDate: ZIsoDate,
  defaultRateCents: cents(MAX_RATE_CENTS),
  /** Cents per kilometre of MILEAGE claims; null = the period pays no mileage (docs/claims.md). */
  mileageRateCents: cents(MAX_MILEAGE_RATE_CENTS).nullable(),
  capMinutes: ZCapMinutes.nullable(),
  overflowPolicy: ZPolicy,
  envelopes: z.array(ZEnvelopeInput).max(500),
  rates: z.array(ZRateInput).max(5000),
};

/** POST /periods: a whole period. Envelopes absent = every chantier unlimited. */
export const ZPeriodInput = z
  .object({
    ...periodShape,
    mileageRateCents: periodShape.mileageRateCents.optional(),
    capMinutes: periodShape.capMinutes.default(null),
    overflowPolicy: ZPolicy.default('PRORATA'),
    envelopes: periodShape.envelopes.default([]),
    rates: periodShape.rates.default([]),
  })
  .superRefine(refineRules);
export type TPeriodInput = z.infer<typeof ZPeriodInput>;

/**
 * PATCH /periods/{id}: the fields to change. `envelopes` and `rates`, when present, replace the
 * period's whole list. `version`, when given, must be the stored one (else 409 STALE_VERSION).
 */
export const ZPeriodPatch = z
  .object({
    name: periodShape.name.optional(),
    startDate: periodShape.startDate.optional(),
    endDate: periodShape.endDate.optional(),
    defaultRateCents: periodShape.defaultRateCents.optional(),
    mileageRateCents: periodShape.mileageRateCents.optional(),
    capMinutes: periodShape.capMinutes.optional(),
    overflowPolicy: periodShape.overflowPolicy.optional(),
    envelopes: periodShape.envelopes.optional(),
    rates: periodShape.rates.optional(),
    version: z.number().int('validation.invalid').min(1, 'validation.invalid').optional(),
  })
  .superRefine(refineRules);
export type TPeriodPatch = z.infer<typeof ZPeriodPatch>;

export const ZReopenInput = z.object({
  reason: z.string().trim().min(1, 'errors.COMMENT_REQUIRED').max(2000, 'validation.tooLong'),
});
export type TReopenInput = z.infer<typeof ZReopenInput>;

export const ZPeriodListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  status: z.enum(PERIOD_STATUSES).optional(),
});
export type TPeriodListQuery = z.infer<typeof ZPeriodListQuery>;

export const ZPayoutsQuery = z.object({ runId: ZId.optional() });

// ---------------------------------------------------------------------------------------------
// The form: euros and hours as typed, rows as `envelopes.<i>.amountCents` and `rates.<i>.…` inputs.

const blank = (value: unknown) =>
  value === undefined || value === null || (typeof value === 'string' && value.trim() === '');

function moneyText(value: string, max: number, ctx: z.RefinementCtx, path: string[] = []): number {
  const parsed = parseEurosToCents(value);
  if (parsed.ok && parsed.cents <= max) return parsed.cents;
  ctx.addIssue({
    code: 'custom',
    path,
    message: parsed.ok ? 'errors.period.TOO_LARGE' : `errors.money.${parsed.code}`,
  });
  return z.NEVER;
}

const ZEurosText = (max: number) => z.string().transform((value, ctx) => moneyText(value, max, ctx));
const optionalId = z.preprocess((value) => (blank(value) ? null : value), ZId.nullable());

const ZCapText = z.preprocess(
  (value) => (blank(value) ? null : value),
  z
    .string()
    .nullable()
    .transform((value, ctx) => {
      if (value === null) return null;
      const parsed = parseHoursToMinutes(value);
      if (parsed.ok && parsed.minutes <= MAX_CAP_MINUTES) return parsed.minutes;
      ctx.addIssue({ code: 'custom', message: `errors.hours.${parsed.ok ? 'TOO_LARGE' : parsed.code}` });
      return z.NEVER;
    }),
);

const ZEnvelopeRow = z.object({ chantierId: ZId, amountCents: z.string().default('') }).transform((row, ctx) =>
  blank(row.amountCents)
    ? null
    : {
        chantierId: row.chantierId,
        amountCents: moneyText(row.amountCents, MAX_ENVELOPE_CENTS, ctx, ['amountCents']),
      },
);

const ZRateRow = z
  .object({
    personId: optionalId.default(null),
    chantierId: optionalId.default(null),
    rateCents: z.string().default(''),
  })
  .transform((row, ctx) => {
    if (row.personId === null && row.chantierId === null && blank(row.rateCents)) return null; // an unused row
    return {
      personId: row.personId,
      chantierId: row.chantierId,
      rateCents: moneyText(row.rateCents, MAX_RATE_CENTS, ctx, ['rateCents']),
    };
  });

/** `{ "rates.0.rateCents": "30" }` → `{ rates: [{ rateCents: "30" }] }`, keeping the indexes. */
export function nestFormRows(raw: unknown): unknown {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return raw;
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const match = /^(envelopes|rates)\.(\d{1,4})\.(\w+)$/.exec(key);
    if (!match) {
      result[key] = value;
      continue;
    }
    const [, list, index, field] = match;
    const rows = (result[list] ??= []) as Record<string, unknown>[];
    (rows[Number(index)] ??= {})[field] = value;
  }
  for (const list of ['envelopes', 'rates']) {
    if (Array.isArray(result[list])) result[list] = (result[list] as unknown[]).map((row) => row ?? {});
  }
  return result;
}

/** The period form behind the create and edit screens; its output is a TPeriodInput. */
export const ZPeriodForm = z.preprocess(
  nestFormRows,
  z
    .object({
      periodId: ZId.optional(),
      version: z.coerce.number().int().min(1).optional(),
      name: ZName,
      startDate: ZIsoDate,
      endDate: ZIsoDate,
      defaultRateCents: ZEurosText(MAX_RATE_CENTS),
      mileageRateCents: z.preprocess(
        (value) => (blank(value) ? null : value),
        ZEurosText(MAX_MILEAGE_RATE_CENTS).nullable(),
      ),
      capMinutes: ZCapText,
      overflowPolicy: ZPolicy.default('PRORATA'),
      envelopes: z.array(ZEnvelopeRow).max(500).default([]),
      rates: z.array(ZRateRow).max(5000).default([]),
    })
    .superRefine(refineRules)
    .transform(({ envelopes, rates, ...rest }) => ({
      ...rest,
      envelopes: envelopes.filter((row) => row !== null),
      rates: rates.filter((row) => row !== null),
    })),
);
export type TPeriodForm = z.infer<typeof ZPeriodForm>;

// ---------------------------------------------------------------------------------------------
// What the API answers.

export const ZPeriodOut = z.object({
  id: z.string(),
  name: z.string(),
  startDate: z.string().describe('YYYY-MM-DD, inclusive'),
  endDate: z.string().describe('YYYY-MM-DD, inclusive'),
  status: z.enum(PERIOD_STATUSES),
  defaultRateCents: z.number().int(),
  mileageRateCents: z.number().int().nullable(),
  capMinutes: z.number().int().nullable(),
  overflowPolicy: ZPolicy,
  envelopes: z.array(z.object({ chantierId: z.string(), amountCents: z.number().int() })),
  rates: z.array(
    z.object({ personId: z.string().nullable(), chantierId: z.string().nullable(), rateCents: z.number().int() }),
  ),
  version: z.number().int(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TPeriodOut = z.infer<typeof ZPeriodOut>;

export const ZPayoutRunOut = z.object({
  id: z.string(),
  status: z.enum(['CURRENT', 'SUPERSEDED']),
  totalAmountCents: z.number().int(),
  createdAt: z.string(),
  supersededAt: z.string().nullable(),
  supersededReason: z.string().nullable(),
});
export type TPayoutRunOut = z.infer<typeof ZPayoutRunOut>;

export const ZPeriodDetailOut = ZPeriodOut.extend({
  runs: z.array(ZPayoutRunOut).describe('Frozen payout runs, newest first; superseded ones are kept'),
});

export const ZCloseOut = z.object({ status: z.literal('CLOSED'), runId: z.string() });
export const ZReopenOut = z.object({ status: z.literal('OPEN'), supersededRunId: z.string().nullable() });

const ZExact = z.object({ numerator: z.string(), denominator: z.string(), decimal: z.string() });

export const ZLineExplanationOut = z.object({
  rateSource: z.enum(RATE_SOURCES),
  rateCents: z.number().int(),
  capMinutes: z.number().int().nullable(),
  cappedMinutes: z.number().int(),
  paidMinutes: z.number().int(),
  paidValueCents: ZExact,
  cappedValueCents: ZExact,
  policy: ZPolicy,
  envelopeCents: z.number().int().nullable(),
  chantierDemandCents: ZExact,
  envelopeBound: z.boolean(),
  scalingFactor: ZExact.nullable(),
  fundedMinutes: ZExact,
  unfundedMinutes: ZExact,
  unfundedValueCents: ZExact,
  exactAmountCents: ZExact,
  floorCents: z.number().int(),
  leftoverCent: z.boolean(),
  fullValueCents: z.number().int(),
});

export const ZPayoutLineOut = z.object({
  personId: z.string(),
  chantierId: z.string(),
  rateCents: z.number().int(),
  rateSource: z.enum(RATE_SOURCES),
  approvedMinutes: z.number().int(),
  volunteerMinutes: z.number().int(),
  cappedMinutes: z.number().int(),
  amountCents: z.number().int(),
  unpaidValueCents: z.number().int(),
  volunteerValueCents: z.number().int(),
  explanation: ZLineExplanationOut,
});

export const ZPayoutsOut = z.object({
  periodId: z.string(),
  status: z.enum(PERIOD_STATUSES),
  frozen: z.boolean().describe('false: a live preview of an open period; true: the lines of a frozen payout run'),
  runId: z.string().nullable(),
  runStatus: z.enum(['CURRENT', 'SUPERSEDED']).nullable(),
  scope: z.enum(['ALL', 'OWN']).describe('OWN when transparency is off and the caller only sees their own lines'),
  lines: z.array(ZPayoutLineOut),
  people: z.array(z.object({ personId: z.string(), amountCents: z.number().int() })),
  chantiers: z
    .array(
      z.object({
        chantierId: z.string(),
        envelopeCents: z.number().int().nullable(),
        demandCents: z.number().int(),
        paidCents: z.number().int(),
        bound: z.boolean(),
      }),
    )
    .describe('Envelope use per chantier; empty when scope is OWN'),
  totals: z.object({
    amountCents: z.number().int(),
    unpaidValueCents: z.number().int(),
    volunteerValueCents: z.number().int(),
  }),
});
export type TPayoutsOut = z.infer<typeof ZPayoutsOut>;
