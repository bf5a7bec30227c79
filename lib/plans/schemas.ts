// The plan's API shapes (docs/plans.md), reused by the handlers and the OpenAPI document.
import { z } from 'zod';
import { ZId } from '@/lib/people/schemas';
import { MAX_CAP_MINUTES, MAX_ENVELOPE_CENTS } from '@/lib/periods/schemas';

export const PLAN_ALERTS = ['NONE', 'WARN', 'OVER'] as const;
/** At most this many lines in one chantier's plan. */
export const MAX_PLAN_LINES = 1_000;

export const ZPlanLineInput = z.object({
  personId: ZId.nullable(),
  plannedMinutes: z.number().int().min(0).max(MAX_CAP_MINUTES),
  plannedFixedCents: z.number().int().min(0).max(MAX_ENVELOPE_CENTS).default(0),
});

export const ZChantierPlanInput = z.object({
  lines: z
    .array(ZPlanLineInput)
    .max(MAX_PLAN_LINES)
    .superRefine((lines, ctx) => {
      const seen = new Set<string | null>();
      lines.forEach((line, index) => {
        if (seen.has(line.personId))
          ctx.addIssue({
            code: 'custom',
            path: [index, 'personId'],
            message: line.personId === null ? 'Only one line for "anyone"' : 'This person already has a line',
          });
        seen.add(line.personId);
      });
    }),
});
export type TChantierPlanInput = z.infer<typeof ZChantierPlanInput>;

export const ZPlanParams = z.object({ id: ZId, chantierId: ZId });

const cents = z.number().int();
const minutes = z.number().int().min(0);

export const ZPlanLineOut = z.object({
  personId: z.string().nullable(),
  plannedMinutes: minutes,
  plannedFixedCents: cents.min(0),
  plannedCents: cents.min(0),
  submittedMinutes: minutes,
  approvedMinutes: minutes,
});

export const ZChantierPlanOut = z.object({
  chantierId: z.string(),
  envelopeCents: cents.min(0).nullable(),
  plannedMinutes: minutes,
  plannedCents: cents.min(0),
  submittedMinutes: minutes,
  approvedMinutes: minutes,
  fixedCents: cents.min(0),
  demandCents: cents.min(0),
  forecastCents: cents.min(0),
  alert: z.enum(PLAN_ALERTS),
  lines: z.array(ZPlanLineOut),
});
export type TChantierPlanOut = z.infer<typeof ZChantierPlanOut>;

export const ZPlanOut = z.object({
  periodId: z.string(),
  asOf: z.iso.date(),
  elapsedDays: minutes,
  totalDays: minutes,
  chantiers: z.array(ZChantierPlanOut),
});
export type TPlanOut = z.infer<typeof ZPlanOut>;

/** What `POST /api/v1/periods/{id}/plan/copy` answers: the copied chantiers' parts. */
export const ZPlanCopyOut = z.object({
  periodId: z.string(),
  fromPeriodId: z.string(),
  chantiers: z.array(ZChantierPlanOut),
});
export type TPlanCopyOut = z.infer<typeof ZPlanCopyOut>;
