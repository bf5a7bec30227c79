// Input schemas of contribution actions, shared by the forms, the server actions, the API and the
// OpenAPI document. Durations come as minutes (API) or as typed text ("1h30", forms and API).
import { z } from 'zod';
import { ZFlag } from '@/lib/validation/boolean';
import { CONTRIBUTION_STATUSES, REVIEW_ACTIONS } from '@/lib/contributions/lifecycle';
import { ZDurationInput, ZDurationMinutes } from '@/lib/contributions/schemas';
import { ZCalendarDate as ZCalendarDateRule } from '@/lib/validation/date';

const ZId = z.string().trim().min(1).max(64);
// The one calendar-date rule (lib/validation): real days, years 2000 to 2100.
export const ZCalendarDate = ZCalendarDateRule();

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
// Strict yes/no (lib/validation): true/false, or what a form's checkbox sends; never "anything else is false".
const checkbox = ZFlag();

const contributionFields = {
  date: ZCalendarDate,
  chantierId: ZId,
  placeId: z.preprocess(emptyToUndefined, ZId.optional()),
  description: z.string().trim().min(1, 'validation.required').max(2000, 'validation.tooLong'),
  // Only web links: a javascript: or data: URL rendered as a link would run in a reviewer's browser.
  link: z.preprocess(
    emptyToUndefined,
    z
      .url({ protocol: /^https?$/, error: 'validation.url' })
      .max(2000, 'validation.tooLong')
      .optional(),
  ),
  volunteer: checkbox.default(false),
};

/** Minutes as a number, or a duration as typed: exactly one of them. */
const durationFields = {
  minutes: z.preprocess(emptyToUndefined, ZDurationMinutes.optional()),
  duration: z.preprocess(emptyToUndefined, ZDurationInput.optional()),
};

function withMinutes<T extends { minutes?: number; duration?: number }>(input: T, ctx: z.RefinementCtx) {
  if (input.minutes !== undefined && input.duration !== undefined) {
    ctx.addIssue({ code: 'custom', path: ['duration'], message: 'validation.minutesOrDuration' });
  }
  const minutes = input.minutes ?? input.duration;
  if (minutes === undefined) ctx.addIssue({ code: 'custom', path: ['duration'], message: 'errors.duration.EMPTY' });
  return minutes;
}

export const ZContributionCreate = z
  .object({ ...contributionFields, ...durationFields, submit: checkbox.default(false) })
  .transform((input, ctx) => {
    const minutes = withMinutes(input, ctx);
    const { duration: _duration, ...rest } = input;
    return { ...rest, minutes: minutes ?? 0 };
  });
export type TContributionCreate = z.output<typeof ZContributionCreate>;

export const ZContributionUpdate = z
  .object({ ...contributionFields, ...durationFields, version: z.coerce.number().int().min(1) })
  .transform((input, ctx) => {
    const minutes = withMinutes(input, ctx);
    const { duration: _duration, ...rest } = input;
    return { ...rest, minutes: minutes ?? 0 };
  });
export type TContributionUpdate = z.output<typeof ZContributionUpdate>;

export const ZVersion = z.object({ version: z.coerce.number().int().min(1).optional() });

export const ZReviewAction = z.enum(REVIEW_ACTIONS);
export const ZReview = z.object({
  version: z.coerce.number().int().min(1).optional(),
  reason: z.string().trim().max(2000, 'validation.tooLong').optional(),
  comment: z.string().trim().max(2000, 'validation.tooLong').optional(),
});
export type TReview = z.infer<typeof ZReview>;

export const ZContributionFilters = z.object({
  periodId: ZId.optional(),
  chantierId: ZId.optional(),
  personId: ZId.optional(),
  placeId: ZId.optional(),
  status: z.enum(CONTRIBUTION_STATUSES).optional(),
  from: ZCalendarDate.optional(),
  to: ZCalendarDate.optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
});
export type TContributionFilters = z.infer<typeof ZContributionFilters>;

const idList = z.preprocess(
  (value) => (value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value]),
  z.array(ZId).min(1, 'validation.selectSome').max(500),
);

export const ZBulkReview = z.object({
  ids: idList,
  action: ZReviewAction,
  reason: z.string().trim().max(2000, 'validation.tooLong').optional(),
  comment: z.string().trim().max(2000, 'validation.tooLong').optional(),
});
