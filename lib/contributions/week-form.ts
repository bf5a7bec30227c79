// The timesheet form's own logic, pure so the browser and the tests share it: what a cell shows
// when the page loads, whether the person changed it, the live totals as they type, and the grid
// as the form posts it (week-inputs.ts) for the planner (week-plan.ts).
import { MAX_DAY_MINUTES } from './day-rules';
import { formatDurationInput, parseDuration } from './duration';
import type { WeekCellView, WeekRowView } from './week-grid';
import type { WeekRowInput } from './week-plan';

export type WeekFormRow = Pick<WeekRowView, 'chantierId' | 'placeId' | 'cells'> & {
  description: string;
  loadedDescription: string;
  /** What each cell's input holds (unused for read-only cells). */
  texts: string[];
};

export function isEditable(cell: WeekCellView): boolean {
  return cell.state === 'EMPTY' || cell.state === 'DRAFT';
}

/** What an editable cell's input holds when the page loads: its draft's duration, or nothing. */
export function loadedText(cell: WeekCellView): string {
  return cell.state === 'DRAFT' ? formatDurationInput(cell.minutes) : '';
}

export function toFormRow(row: Pick<WeekRowView, 'chantierId' | 'placeId' | 'cells' | 'description'>): WeekFormRow {
  return {
    chantierId: row.chantierId,
    placeId: row.placeId,
    cells: row.cells,
    description: row.description,
    loadedDescription: row.description,
    texts: row.cells.map(loadedText),
  };
}

/** Whether the text says something else than what was loaded ("1h30" and "1,5" say the same). */
export function textChanged(text: string, loaded: string): boolean {
  if (text.trim() === loaded.trim()) return false;
  const now = parseDuration(text);
  const before = parseDuration(loaded);
  return !(now.ok && before.ok && now.minutes === before.minutes);
}

/**
 * The minutes a cell counts for in the totals: what is typed when it is editable and readable,
 * else what it holds but rejected contributions (which count nowhere, as the day's 24 h).
 */
export function liveMinutes(row: WeekFormRow, day: number): number {
  const cell = row.cells[day];
  if (!isEditable(cell)) return cell.countedMinutes;
  const parsed = parseDuration(row.texts[day] ?? '');
  return parsed.ok ? parsed.minutes : 0;
}

export function weekTotals(rows: readonly WeekFormRow[], dayCount: number) {
  const byRow = rows.map((row) => Array.from({ length: dayCount }, (_, day) => liveMinutes(row, day)));
  const perRow = byRow.map((minutes) => minutes.reduce((sum, value) => sum + value, 0));
  const perDay = Array.from({ length: dayCount }, (_, day) => byRow.reduce((sum, minutes) => sum + minutes[day], 0));
  return {
    perRow,
    perDay,
    week: perRow.reduce((sum, value) => sum + value, 0),
    /** Days that would exceed 24 h as typed: the server would refuse them, so they show red. */
    overLimit: perDay.map((minutes) => minutes > MAX_DAY_MINUTES),
  };
}

/** The grid as posted: only the cells the person changed carry their text. */
export function toRowInputs(rows: readonly WeekFormRow[]): WeekRowInput[] {
  return rows.map((row) => ({
    chantierId: row.chantierId,
    placeId: row.placeId,
    description: row.description,
    descriptionEdited: row.description.trim() !== row.loadedDescription.trim(),
    cells: row.cells.map((cell, day) => {
      const text = row.texts[day] ?? '';
      return {
        text: isEditable(cell) && textChanged(text, loadedText(cell)) ? text : null,
        fingerprint: cell.fingerprint,
      };
    }),
  }));
}
