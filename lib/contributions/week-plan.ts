// What saving the weekly timesheet means, decided over plain data: given the person's stored
// contributions of the week (as locked by the caller) and the grid they typed, the drafts to
// create, update, delete and submit — or, when anything is wrong, every error keyed by the cell
// or field it belongs to ("rows.2.cells.4", "rows.2.description"), and nothing to do. The caller
// applies a plan in one transaction, so a week is saved whole or not at all.
//
// Rules (see week-grid.ts for what a cell is):
// - A cell's `text` is null when the person did not change it; it is then left alone.
// - A changed cell that ends up saying what is stored (same minutes, or empty over nothing) is a
//   no-op. Otherwise: EMPTY → create a draft; DRAFT → update its minutes, or delete it when the
//   text is cleared; LOCKED and CLOSED cells refuse the change.
// - A change is applied only to the cell the person saw: when its fingerprint changed since the
//   page was loaded (another tab, the declare form), the cell is refused as STALE rather than
//   silently overwritten.
// - The row's description goes to its new drafts; when the person edited it (`descriptionEdited`)
//   it also replaces the description of the row's editable drafts. It is required as soon as the
//   row creates a draft or renames one.
// - With `submit`, every draft of the grid's open days is submitted after being saved — the new
//   ones, the changed ones, and the ones left as they were (also those in a multi-entry cell),
//   each only if the person saw it as it is now. Sent-back contributions (CHANGES_REQUESTED) are
//   not resubmitted: they wait for the change that was asked for.
// - A (chantier, place) pair appears once in the grid; a second row for it is refused.
// - A day holds at most 24 h across all the person's contributions (day-rules.ts): a day the plan
//   would take over it refuses each cell that adds to it (DAY_OVER_LIMIT). Hours cannot be typed
//   on a day after `today` (FUTURE_DATE); clearing them there stays possible.
import { countsTowardsDay, isFutureDate, MAX_DAY_MINUTES } from './day-rules';
import { parseDuration, type DurationErrorCode } from './duration';
import { cellFingerprint, cellState, indexWeek, rowKey, type WeekContribution, type WeekDay } from './week-grid';

export type WeekCellInput = { text: string | null; fingerprint: string };

export type WeekRowInput = {
  chantierId: string;
  placeId: string | null;
  description: string;
  descriptionEdited: boolean;
  cells: WeekCellInput[];
};

export type WeekPlanInput = {
  days: readonly WeekDay[];
  stored: readonly WeekContribution[];
  rows: readonly WeekRowInput[];
  submit: boolean;
  /** Today in the collective's time zone (YYYY-MM-DD); without it no day is in the future. */
  today?: string;
};

/** UNKNOWN_CHANTIER and UNKNOWN_PLACE are found by the caller, which alone can read what is active. */
export type WeekErrorCode =
  | Exclude<DurationErrorCode, 'EMPTY'>
  | 'LOCKED'
  | 'DAY_CLOSED'
  | 'STALE'
  | 'DESCRIPTION_REQUIRED'
  | 'DUPLICATE_ROW'
  | 'UNKNOWN_CHANTIER'
  | 'UNKNOWN_PLACE'
  | 'DAY_OVER_LIMIT'
  | 'FUTURE_DATE';
export type WeekError = { path: string; code: WeekErrorCode };

type CellRef = { row: number; day: number };
export type WeekCreate = CellRef & {
  date: string;
  chantierId: string;
  placeId: string | null;
  minutes: number;
  description: string;
};
export type WeekUpdate = CellRef & { id: string; minutes: number; description: string };
export type WeekDelete = CellRef & { id: string };
export type WeekSubmit = CellRef & { id: string };

export type WeekPlan = {
  creates: WeekCreate[];
  updates: WeekUpdate[];
  deletes: WeekDelete[];
  /** Existing drafts to submit once saved; new drafts are created submitted when `submit` is set. */
  submits: WeekSubmit[];
  submit: boolean;
};

export type WeekPlanResult = { ok: true; plan: WeekPlan } | { ok: false; errors: WeekError[] };

/** Minutes the text asks for (null: nothing), or the duration error code. */
function wantedMinutes(
  text: string,
): { ok: true; minutes: number | null } | { ok: false; code: Exclude<DurationErrorCode, 'EMPTY'> } {
  if (text.trim() === '') return { ok: true, minutes: null };
  const parsed = parseDuration(text);
  if (parsed.ok) return { ok: true, minutes: parsed.minutes };
  return { ok: false, code: parsed.code === 'EMPTY' ? 'INVALID' : parsed.code };
}

export function planWeek(input: WeekPlanInput): WeekPlanResult {
  const index = indexWeek(input.stored);
  const plan: WeekPlan = { creates: [], updates: [], deletes: [], submits: [], submit: input.submit };
  const errors: WeekError[] = [];
  const seenRows = new Set<string>();

  input.rows.forEach((row, rowIndex) => {
    const key = rowKey(row.chantierId, row.placeId);
    if (seenRows.has(key)) {
      errors.push({ path: `rows.${rowIndex}.chantierId`, code: 'DUPLICATE_ROW' });
      return;
    }
    seenRows.add(key);
    const description = row.description.trim();
    const stored = index.get(key);
    let needsDescription = false;

    input.days.forEach((day, dayIndex) => {
      const path = `rows.${rowIndex}.cells.${dayIndex}`;
      const cell = row.cells[dayIndex] ?? { text: null, fingerprint: '' };
      const contributions = stored?.get(day.date) ?? [];
      const state = cellState(contributions, day.open);
      const fresh = cellFingerprint(contributions) === cell.fingerprint;
      const stale = () => errors.push({ path, code: 'STALE' });

      let wanted: number | null | undefined; // undefined: left as it is
      if (cell.text !== null) {
        const parsed = wantedMinutes(cell.text);
        if (!parsed.ok) return void errors.push({ path, code: parsed.code });
        const storedMinutes = contributions.length
          ? contributions.reduce((sum, contribution) => sum + contribution.minutes, 0)
          : null;
        if (parsed.minutes !== storedMinutes) wanted = parsed.minutes;
      }

      if (wanted !== undefined) {
        if (wanted !== null && input.today && isFutureDate(day.date, input.today))
          return void errors.push({ path, code: 'FUTURE_DATE' });
        if (state === 'CLOSED') return void errors.push({ path, code: 'DAY_CLOSED' });
        if (state === 'LOCKED') return void errors.push({ path, code: 'LOCKED' });
        if (!fresh) return void stale();
        if (state === 'EMPTY') {
          // `wanted` is not null here: clearing an empty cell is a no-op.
          plan.creates.push({
            row: rowIndex,
            day: dayIndex,
            date: day.date,
            chantierId: row.chantierId,
            placeId: row.placeId,
            minutes: wanted!,
            description,
          });
          needsDescription = true;
          return;
        }
      }
      if (state === 'CLOSED') return;

      const draft = state === 'DRAFT' ? contributions[0] : null;
      if (draft && wanted === null) {
        plan.deletes.push({ row: rowIndex, day: dayIndex, id: draft.id });
        return;
      }
      const renamed = draft !== null && row.descriptionEdited && description !== draft.description;
      if (draft && (wanted !== undefined || renamed)) {
        if (!fresh) return void stale();
        if (renamed) needsDescription = true;
        plan.updates.push({
          row: rowIndex,
          day: dayIndex,
          id: draft.id,
          minutes: wanted ?? draft.minutes,
          description: renamed ? description : draft.description,
        });
      }
      const drafts = contributions.filter((contribution) => contribution.status === 'DRAFT');
      if (input.submit && drafts.length) {
        if (!fresh) return void stale();
        plan.submits.push(...drafts.map((contribution) => ({ row: rowIndex, day: dayIndex, id: contribution.id })));
      }
    });

    if (needsDescription && description === '')
      errors.push({ path: `rows.${rowIndex}.description`, code: 'DESCRIPTION_REQUIRED' });
  });

  errors.push(...daysOverLimit(input, plan));
  if (errors.length) return { ok: false, errors };
  return { ok: true, plan };
}

/** Each cell that adds minutes to a day the plan would take over 24 h. */
function daysOverLimit(input: WeekPlanInput, plan: WeekPlan): WeekError[] {
  const storedById = new Map(input.stored.map((contribution) => [contribution.id, contribution]));
  const totals = new Map<string, number>();
  const add = (date: string, minutes: number) => totals.set(date, (totals.get(date) ?? 0) + minutes);
  for (const contribution of input.stored)
    if (countsTowardsDay(contribution.status)) add(contribution.date, contribution.minutes);
  for (const deletion of plan.deletes) {
    const stored = storedById.get(deletion.id)!;
    add(stored.date, -stored.minutes);
  }
  const adding: (CellRef & { date: string })[] = [];
  for (const update of plan.updates) {
    const stored = storedById.get(update.id)!;
    add(stored.date, update.minutes - stored.minutes);
    if (update.minutes > stored.minutes) adding.push({ ...update, date: stored.date });
  }
  for (const create of plan.creates) {
    add(create.date, create.minutes);
    adding.push(create);
  }
  return adding
    .filter((cell) => (totals.get(cell.date) ?? 0) > MAX_DAY_MINUTES)
    .map((cell) => ({ path: `rows.${cell.row}.cells.${cell.day}`, code: 'DAY_OVER_LIMIT' as const }));
}

/** Whether the plan changes nothing at all. */
export function isEmptyPlan(plan: WeekPlan): boolean {
  return plan.creates.length + plan.updates.length + plan.deletes.length + plan.submits.length === 0;
}

/** The message key of an error, for the field it is keyed by. */
export function weekErrorMessageKey(code: WeekErrorCode): string {
  switch (code) {
    case 'INVALID':
    case 'ZERO':
    case 'NEGATIVE':
    case 'TOO_LONG':
      return `errors.duration.${code}`;
    case 'DESCRIPTION_REQUIRED':
      return 'validation.required';
    case 'LOCKED':
      return 'week.errors.locked';
    case 'DAY_CLOSED':
      return 'week.errors.dayClosed';
    case 'STALE':
      return 'week.errors.stale';
    case 'DUPLICATE_ROW':
      return 'week.errors.duplicateRow';
    case 'UNKNOWN_CHANTIER':
      return 'validation.unknownChantier';
    case 'UNKNOWN_PLACE':
      return 'validation.unknownPlace';
    case 'DAY_OVER_LIMIT':
      return 'errors.DAY_OVER_LIMIT_FIELD';
    case 'FUTURE_DATE':
      return 'errors.FUTURE_DATE_FIELD';
  }
}
