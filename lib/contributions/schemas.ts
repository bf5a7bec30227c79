// Zod schemas for contribution fields, shared by the form, the server action and the API.
// Messages are keys into messages/*.json ("errors.duration.<CODE>"), never sentences, so the
// same schema serves French and English.
import { z } from 'zod';

import { MAX_CONTRIBUTION_MINUTES, parseDuration, type DurationErrorCode } from './duration';

export function durationMessageKey(code: DurationErrorCode): string {
  return `errors.duration.${code}`;
}

function durationIssue(input: string, code: DurationErrorCode) {
  return { code: 'custom', message: durationMessageKey(code), params: { code }, input } as const;
}

/** A duration as typed ("1h30", "1,5"); the output is still the string. */
export const ZDurationString = z.string().superRefine((input, ctx) => {
  const parsed = parseDuration(input);
  if (!parsed.ok) ctx.addIssue(durationIssue(input, parsed.code));
});

/** A duration as typed, parsed into whole minutes: what a form field feeds the action. */
export const ZDurationInput = z.string().transform((input, ctx) => {
  const parsed = parseDuration(input);
  if (parsed.ok) return parsed.minutes;
  ctx.addIssue(durationIssue(input, parsed.code));
  return z.NEVER;
});

/** Minutes as the API and the database hold them. */
export const ZDurationMinutes = z
  .number()
  .int()
  .min(1, durationMessageKey('ZERO'))
  .max(MAX_CONTRIBUTION_MINUTES, durationMessageKey('TOO_LONG'));

export type TDurationInput = z.infer<typeof ZDurationInput>;
