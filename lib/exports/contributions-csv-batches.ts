// How the contributions export walks a period in batches. The period's rows are counted per day
// once, at the start, and its days cut into windows of whole days holding at most a batch each (a
// day larger than a batch is a window of its own). Each window is read in keyset batches — the
// rows after a cursor in (date, id) order, at most `batchSize` of them — so:
// - a read only visits the days of its window: a keyset read with no upper bound would filter and
//   sort all the rest of the period to keep its first rows, and the export would cost the square
//   of its size;
// - windows do not depend on one another, so the next one is read while the current one is, and
//   the database works on two at once.
// The counts only shape the reads, never decide which rows are written: the windows cover every
// date (the first has no lower bound, the last no upper one) and a window is read until a batch
// comes back short, so rows the counts missed (declared during the download) are still read.

/** Rows of one day, as counted at the start. */
export type DayCount = { date: string; count: number };

/** The days after `after` (from the very first when null) through `through` (to the very last when null). */
export type DayWindow = { after: string | null; through: string | null };

/** One read: the rows of `window` after the row `after` (from the window's start when null). */
export type BatchRead = { window: DayWindow; after: { date: string; id: string } | null };

/** The period's days, in order, cut into windows of at most `batchSize` rows by the counts. */
export function dayWindows(days: readonly DayCount[], batchSize: number): DayWindow[] {
  const windows: DayWindow[] = [];
  let after: string | null = null;
  let rows = 0;
  for (let index = 0; index < days.length; index++) {
    rows += days[index].count;
    const next = days[index + 1];
    if (next !== undefined && rows + next.count > batchSize) {
      windows.push({ after, through: days[index].date });
      after = days[index].date;
      rows = 0;
    }
  }
  windows.push({ after, through: null });
  return windows;
}

/** The read that goes on in the same window, or null when that one came back short of a batch: the window is done. */
export function nextReadInWindow(
  read: BatchRead,
  batchSize: number,
  rows: { count: number; last: { date: string; id: string } | undefined },
): BatchRead | null {
  return rows.count >= batchSize && rows.last
    ? { window: read.window, after: { date: rows.last.date, id: rows.last.id } }
    : null;
}
