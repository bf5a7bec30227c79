// Input schema of the weekly timesheet. The form posts the grid as one JSON string field
// (`rows`), the week's Monday and the button pressed; durations stay as typed, since the planner
// reads them cell by cell and keys each error to its cell. Limits keep a hostile post small.
import { z } from 'zod';
import { ZCalendarDate } from '@/lib/contributions/inputs';
import { MAX_DESCRIPTION_LENGTH } from '@/lib/contributions/limits';
import { DAYS_IN_WEEK, isCalendarDate, weekStartOf } from '@/lib/contributions/week-dates';

const ZId = z.string().trim().min(1).max(64);
/** A fingerprint lists the "id:version" of a cell's contributions; a cell rarely holds more than a few. */
const ZFingerprint = z.string().max(2000);

export const ZWeekCell = z.object({
  text: z.string().max(100, 'errors.duration.INVALID').nullable(),
  fingerprint: ZFingerprint.default(''),
});

export const ZWeekRow = z.object({
  chantierId: ZId,
  placeId: z.preprocess((value) => (value === '' || value === undefined ? null : value), ZId.nullable()),
  description: z.string().max(MAX_DESCRIPTION_LENGTH, 'validation.descriptionTooLong').default(''),
  descriptionEdited: z.boolean().default(false),
  cells: z.array(ZWeekCell).length(DAYS_IN_WEEK),
});

export const ZWeekSave = z.object({
  // zod runs this check even when the date's own failed: only a real date has a Monday to compare
  // (a 400-digit "date" made weekStartOf throw, a 500 — tests/integration/hostile-actions.test.ts).
  weekStart: ZCalendarDate.refine((date) => isCalendarDate(date) && weekStartOf(date) === date, 'validation.date'),
  rows: z.array(ZWeekRow).max(60),
  submit: z.boolean().default(false),
});
export type TWeekSave = z.infer<typeof ZWeekSave>;

function parseJson(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return undefined;
  }
}

/** What the timesheet form posts: `weekStart`, `rows` (JSON) and `intent` ("save" | "submit"). */
export const ZWeekForm = z.preprocess((raw) => {
  const form = (raw ?? {}) as Record<string, unknown>;
  return { weekStart: form.weekStart, rows: parseJson(form.rows), submit: form.intent === 'submit' };
}, ZWeekSave);
