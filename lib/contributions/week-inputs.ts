// Input schema of the weekly timesheet. The form posts the grid as one JSON string field
// (`rows`), the week's Monday and the button pressed; durations stay as typed, since the planner
// reads them cell by cell and keys each error to its cell. Limits keep a hostile post small.
import { z } from 'zod';
import { ZCalendarDate } from '@/lib/contributions/inputs';
import { MAX_DESCRIPTION_LENGTH } from '@/lib/contributions/limits';
import { DAYS_IN_WEEK, isCalendarDate, weekStartOf } from '@/lib/contributions/week-dates';
import { textChanged } from '@/lib/contributions/week-form';

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

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The grid as the form's own fields give it, for a browser without JavaScript: `loaded` holds the
 * rows as the page showed them (ids, description, each cell's text and fingerprint), and each
 * input its typed value (`cell.<row>.<day>`, `description.<row>`). A cell counts as typed when its
 * value says something else than it was loaded with, as toRowInputs() decides in the browser.
 */
function rowsFromFields(form: Record<string, unknown>): unknown {
  const loaded = parseJson(form.loaded);
  if (!Array.isArray(loaded)) return loaded;
  return loaded.map((row: unknown, index) => {
    if (!isRecord(row) || !Array.isArray(row.cells)) return row;
    const loadedDescription = typeof row.description === 'string' ? row.description : '';
    const typedDescription = form[`description.${index}`];
    const description = typeof typedDescription === 'string' ? typedDescription : loadedDescription;
    return {
      chantierId: row.chantierId,
      placeId: row.placeId,
      description,
      descriptionEdited: description.trim() !== loadedDescription.trim(),
      cells: row.cells.map((cell: unknown, day) => {
        if (!isRecord(cell)) return cell;
        const typed = form[`cell.${index}.${day}`];
        const before = typeof cell.text === 'string' ? cell.text : '';
        return {
          text: typeof typed === 'string' && textChanged(typed, before) ? typed : null,
          fingerprint: cell.fingerprint,
        };
      }),
    };
  });
}

/**
 * What the timesheet form posts: `weekStart`, `rows` (JSON, written by the page's script) and
 * `intent` ("save" | "submit"). Without JavaScript there is no `rows`: the grid is read from the
 * form's own fields (rowsFromFields), and `plain` says so, for the action to answer with a page.
 */
export const ZWeekForm = z.preprocess(
  (raw) => {
    const form = (raw ?? {}) as Record<string, unknown>;
    const plain = form.rows === undefined;
    return {
      weekStart: form.weekStart,
      rows: plain ? rowsFromFields(form) : parseJson(form.rows),
      submit: form.intent === 'submit',
      plain,
    };
  },
  ZWeekSave.extend({ plain: z.boolean() }),
);
