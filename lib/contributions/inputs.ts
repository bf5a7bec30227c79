// Input schemas of contribution actions, shared by the forms, the server actions, the API and the
// OpenAPI document. Durations come as minutes (API) or as typed text ("1h30", forms and API).
import { z } from 'zod';
import { ZFlag } from '@/lib/validation/boolean';
import { CONTRIBUTION_STATUSES, REVIEW_ACTIONS } from '@/lib/contributions/lifecycle';
import { ZDurationInput, ZDurationMinutes } from '@/lib/contributions/schemas';
import { MAX_DESCRIPTION_LENGTH } from '@/lib/contributions/limits';
import { ZCalendarDate as ZCalendarDateRule } from '@/lib/validation/date';

const ZId = z.string().trim().min(1).max(64);
// The one calendar-date rule (lib/validation): real days, years 2000 to 2100.
export const ZCalendarDate = ZCalendarDateRule();

const emptyToUndefined = (value: unknown) => (value === '' || value === null ? undefined : value);
// Strict yes/no (lib/validation): true/false, or what a form's checkbox sends; never "anything else is false".
const checkbox = ZFlag();

const contributionFields = {
  date: ZCalendarDate,
  chantierId: z.string().trim().min(1, 'validation.chooseChantier').max(64),
  placeId: z.preprocess(emptyToUndefined, ZId.optional()),
  description: z
    .string()
    .trim()
    .min(1, 'validation.describeWork')
    .max(MAX_DESCRIPTION_LENGTH, 'validation.descriptionTooLong'),
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

/**
 * An empty duration is reported under Durée even when other fields are refused too: the object's
 * transform below only runs on an otherwise valid form, so this check runs on its own.
 */
const durationGiven = (input: { minutes?: number; duration?: number }) =>
  input.minutes !== undefined || input.duration !== undefined;
const durationGivenParams = {
  path: ['duration'],
  message: 'errors.duration.EMPTY',
  // Only on an object (a body of `null` is refused by the object's own check, not read here).
  when: (payload: z.core.ParsePayload) =>
    typeof payload.value === 'object' &&
    payload.value !== null &&
    payload.issues.every((issue) => issue.path?.[0] !== 'duration' && issue.path?.[0] !== 'minutes'),
};

export const ZContributionCreate = z
  .object({ ...contributionFields, ...durationFields, submit: checkbox.default(false) })
  .refine(durationGiven, durationGivenParams)
  .transform((input, ctx) => {
    const minutes = withMinutes(input, ctx);
    const { duration: _duration, ...rest } = input;
    return { ...rest, minutes: minutes ?? 0 };
  });
export type TContributionCreate = z.output<typeof ZContributionCreate>;

/** The edit form sends every field: one left empty (place, link) is cleared. */
export const ZContributionUpdate = z
  .object({ ...contributionFields, ...durationFields, version: z.coerce.number().int().min(1) })
  .refine(durationGiven, durationGivenParams)
  .transform((input, ctx) => {
    const minutes = withMinutes(input, ctx);
    const { duration: _duration, ...rest } = input;
    return { ...rest, placeId: rest.placeId ?? null, link: rest.link ?? null, minutes: minutes ?? 0 };
  });
export type TContributionUpdate = z.output<typeof ZContributionUpdate>;

/** null or "" clears an optional field; a field left out keeps its stored value. */
const clearable = <T extends z.ZodType>(schema: T) =>
  z.preprocess((value) => (value === '' ? null : value), schema.nullable().optional());

/**
 * The API's PATCH: partial, as HTTP means. Only the fields sent change; `version` (the one the
 * edit started from) is required; minutes or a duration, not both.
 */
export const ZContributionPatch = z
  .object({
    date: contributionFields.date.optional(),
    chantierId: ZId.optional(),
    placeId: clearable(ZId),
    description: contributionFields.description.optional(),
    link: clearable(z.url({ protocol: /^https?$/, error: 'validation.url' }).max(2000, 'validation.tooLong')),
    volunteer: z.boolean().optional(),
    minutes: ZDurationMinutes.optional(),
    duration: ZDurationInput.optional(),
    version: z.number().int().min(1),
  })
  .transform((input, ctx) => {
    if (input.minutes !== undefined && input.duration !== undefined)
      ctx.addIssue({ code: 'custom', path: ['duration'], message: 'validation.minutesOrDuration' });
    const { duration, ...rest } = input;
    return { ...rest, minutes: input.minutes ?? duration };
  });
export type TContributionPatch = z.output<typeof ZContributionPatch>;

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

const asIdArray = (value: unknown) =>
  value === undefined || value === '' ? [] : Array.isArray(value) ? value : [value];
const idList = z.preprocess(asIdArray, z.array(ZId).min(1, 'validation.selectSome').max(500));

/** The review page's ticked boxes: none ticked is the action's to say (no field shows `ids`). */
export const ZSelection = z.object({ ids: z.preprocess(asIdArray, z.array(ZId).max(500)) });

export const ZBulkReview = z.object({
  ids: idList,
  action: ZReviewAction,
  reason: z.string().trim().max(2000, 'validation.tooLong').optional(),
  comment: z.string().trim().max(2000, 'validation.tooLong').optional(),
});
