// Two rules on a person's day that no single contribution can check alone. Pure.
// - A day holds at most 24 h: the sum of a person's contributions dated that day (drafts, submitted,
//   sent back and approved; not the rejected ones, which the owner may declare again, nor the
//   deleted) cannot exceed 1 440 minutes, whatever path adds them (form, week, API, import).
// - A contribution is work done: its date is not after today in the collective's time zone.
//   A stored contribution dated in the future (from before this rule) may still be deleted.
import type { ContributionStatus } from './lifecycle';

export const MAX_DAY_MINUTES = 24 * 60;

/** Whether a contribution in this status counts towards its day's total. */
export function countsTowardsDay(status: ContributionStatus): boolean {
  return status !== 'REJECTED';
}

export type DayEntry = { personId: string; date: string; minutes: number };
export type DayOverLimit = { personId: string; date: string; totalMinutes: number };

const dayKey = (personId: string, date: string) => `${personId}|${date}`;

/** The days whose total exceeds 24 h, each once, in the order first met. */
export function daysOverLimit(entries: Iterable<DayEntry>): DayOverLimit[] {
  const totals = new Map<string, DayOverLimit>();
  for (const entry of entries) {
    const key = dayKey(entry.personId, entry.date);
    const day = totals.get(key) ?? { personId: entry.personId, date: entry.date, totalMinutes: 0 };
    day.totalMinutes += entry.minutes;
    totals.set(key, day);
  }
  return [...totals.values()].filter((day) => day.totalMinutes > MAX_DAY_MINUTES);
}

/** A calendar date (YYYY-MM-DD) after today (same format): ISO dates compare as strings. */
export function isFutureDate(date: string, today: string): boolean {
  return date > today;
}
