// Calendar arithmetic of the weekly timesheet: weeks run Monday to Sunday (the French and ISO
// week), and every date is a plain `YYYY-MM-DD` calendar date computed in UTC, so no time zone
// or daylight-saving change can shift a day. "Today" comes from the caller (todayIn).

import { isCalendarDate } from '@/lib/validation/date';

export const DAYS_IN_WEEK = 7;

const DAY_MS = 86_400_000;
function toUtc(date: string): Date {
  return new Date(`${date}T00:00:00.000Z`);
}

/** Whether `value` is a real calendar date written `YYYY-MM-DD` (2026-02-30 is not), in 2000–2100. */
export { isCalendarDate };

export function addDays(date: string, days: number): string {
  return new Date(toUtc(date).getTime() + days * DAY_MS).toISOString().slice(0, 10);
}

/** The Monday of the week holding `date`. */
export function weekStartOf(date: string): string {
  const weekday = toUtc(date).getUTCDay(); // 0 = Sunday
  return addDays(date, -((weekday + 6) % 7));
}

/** Monday to Sunday of the week starting on `monday`. */
export function weekDays(monday: string): string[] {
  return Array.from({ length: DAYS_IN_WEEK }, (_, index) => addDays(monday, index));
}

/** The Monday to show for a `?start=` parameter: that date's week, or today's when absent or invalid. */
export function weekStartFromParam(param: string | undefined, today: string): string {
  return weekStartOf(param && isCalendarDate(param) ? param : today);
}
