// The batches of the contributions export: how the days are cut into windows, when a window is
// done, and — against an in-memory stand-in for the query — that walking a period reads every row
// once, in order, whatever the batch size, however rows share a day, and even when the day counts
// are out of date.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  dayWindows,
  nextReadInWindow,
  type BatchRead,
  type DayCount,
  type DayWindow,
} from './contributions-csv-batches';

const DAYS: DayCount[] = [
  { date: '2026-09-01', count: 3 },
  { date: '2026-09-02', count: 4 },
  { date: '2026-09-03', count: 1 },
  { date: '2026-09-05', count: 9 },
  { date: '2026-09-06', count: 2 },
];

describe('dayWindows', () => {
  it.each<[string, DayCount[], number, DayWindow[]]>([
    ['nothing counted: one window, everything', [], 8, [{ after: null, through: null }]],
    ['all in one batch', DAYS, 100, [{ after: null, through: null }]],
    [
      'days grouped while they fit; a big day alone',
      DAYS,
      8,
      [
        { after: null, through: '2026-09-03' },
        { after: '2026-09-03', through: '2026-09-05' },
        { after: '2026-09-05', through: null },
      ],
    ],
    [
      'exactly full windows',
      DAYS,
      7,
      [
        { after: null, through: '2026-09-02' },
        { after: '2026-09-02', through: '2026-09-03' },
        { after: '2026-09-03', through: '2026-09-05' },
        { after: '2026-09-05', through: null },
      ],
    ],
    [
      'every day bigger than a batch: one window a day',
      DAYS,
      1,
      [
        { after: null, through: '2026-09-01' },
        { after: '2026-09-01', through: '2026-09-02' },
        { after: '2026-09-02', through: '2026-09-03' },
        { after: '2026-09-03', through: '2026-09-05' },
        { after: '2026-09-05', through: null },
      ],
    ],
  ])('%s', (_what, days, batchSize, windows) => expect(dayWindows(days, batchSize)).toEqual(windows));
});

describe('nextReadInWindow', () => {
  const window: DayWindow = { after: '2026-09-03', through: '2026-09-05' };
  it.each<[string, BatchRead, { count: number; last?: { date: string; id: string } }, BatchRead | null]>([
    [
      'a full read goes on after its last row',
      { window, after: null },
      { count: 8, last: { date: '2026-09-05', id: 'h' } },
      { window, after: { date: '2026-09-05', id: 'h' } },
    ],
    [
      'and again',
      { window, after: { date: '2026-09-05', id: 'h' } },
      { count: 8, last: { date: '2026-09-05', id: 'p' } },
      { window, after: { date: '2026-09-05', id: 'p' } },
    ],
    [
      'a short read ends the window',
      { window, after: null },
      { count: 3, last: { date: '2026-09-05', id: 'c' } },
      null,
    ],
    ['an empty read ends it too', { window, after: { date: '2026-09-05', id: 'p' } }, { count: 0 }, null],
  ])('%s', (_what, read, rows, next) =>
    expect(nextReadInWindow(read, 8, { count: rows.count, last: rows.last })).toEqual(next),
  );
});

type Row = { date: string; id: string };
const compare = (a: Row, b: Row) =>
  a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/** What the batch query does, on rows sorted by (date, id). */
function query(rows: readonly Row[], read: BatchRead, limit: number): Row[] {
  const { window, after } = read;
  return rows
    .filter(
      (row) =>
        (window.after === null || row.date > window.after) && (window.through === null || row.date <= window.through),
    )
    .filter((row) => after === null || compare(row, after) > 0)
    .slice(0, limit);
}

function countPerDay(rows: readonly Row[]): DayCount[] {
  const counts = new Map<string, number>();
  for (const row of rows) counts.set(row.date, (counts.get(row.date) ?? 0) + 1);
  return [...counts].map(([date, count]) => ({ date, count })).sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** Every row the walk reads, window after window, in the order it reads them; and every read. */
function walk(rows: readonly Row[], days: DayCount[], batchSize: number): { read: Row[]; reads: BatchRead[] } {
  const read: Row[] = [];
  const reads: BatchRead[] = [];
  for (const window of dayWindows(days, batchSize)) {
    for (let next: BatchRead | null = { window, after: null }; next;) {
      const batch = query(rows, next, batchSize);
      reads.push(next);
      if (reads.length > 10_000) throw new Error('the walk does not end');
      read.push(...batch);
      next = nextReadInWindow(next, batchSize, { count: batch.length, last: batch.at(-1) });
    }
  }
  return { read, reads };
}

const day = fc.integer({ min: 1, max: 12 }).map((n) => `2026-09-${String(n).padStart(2, '0')}`);
const rowsArbitrary = fc
  .uniqueArray(
    fc.record({
      date: day,
      id: fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'd', 'e'), minLength: 1, maxLength: 4 }),
    }),
    {
      maxLength: 60,
      selector: (row) => `${row.date}|${row.id}`,
    },
  )
  .map((rows) => [...rows].sort(compare));

describe('walking a period', () => {
  it('reads every row exactly once, in (date, id) order', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.integer({ min: 1, max: 12 }), (rows, batchSize) => {
        expect(walk(rows, countPerDay(rows), batchSize).read).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('still reads every row once when the counts are out of date (rows declared or deleted meanwhile)', () => {
    fc.assert(
      fc.property(rowsArbitrary, rowsArbitrary, fc.integer({ min: 1, max: 12 }), (rows, countedRows, batchSize) => {
        expect(walk(rows, countPerDay(countedRows), batchSize).read).toEqual(rows);
      }),
      { numRuns: 300 },
    );
  });

  it('keeps each read narrow: it can reach no more rows than a batch, or than its one day holds', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.integer({ min: 1, max: 12 }), (rows, batchSize) => {
        const days = countPerDay(rows);
        const biggestDay = Math.max(0, ...days.map((counted) => counted.count));
        for (const read of walk(rows, days, batchSize).reads) {
          expect(query(rows, read, Infinity).length).toBeLessThanOrEqual(Math.max(batchSize, biggestDay));
        }
      }),
      { numRuns: 200 },
    );
  });

  it('takes at most one read per batch, plus one per window', () => {
    fc.assert(
      fc.property(rowsArbitrary, fc.integer({ min: 1, max: 12 }), (rows, batchSize) => {
        const days = countPerDay(rows);
        expect(walk(rows, days, batchSize).reads.length).toBeLessThanOrEqual(
          Math.ceil(rows.length / batchSize) + dayWindows(days, batchSize).length,
        );
      }),
      { numRuns: 200 },
    );
  });
});
