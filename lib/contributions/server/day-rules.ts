// The day rules (lib/contributions/day-rules.ts) against what is stored, inside the caller's
// transaction. Every path that adds minutes to a person's day — the form, the API, the week, the
// import — first locks the person's row (FOR NO KEY UPDATE, as the week always did: foreign-key
// checks of other writers are not blocked), then reads the day's total: two requests for the same
// person run one after the other, so the second sees what the first wrote and cannot slip past.
import 'server-only';
import type { PrismaClient, Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { formatDuration } from '@/lib/contributions/duration';
import { todayIn } from '@/lib/contributions/server/periods';
import { daysOverLimit, isFutureDate, MAX_DAY_MINUTES, type DayEntry } from '@/lib/contributions/day-rules';

/** Locks the people's rows until the transaction ends, always in the same order (no deadlock). */
export async function lockPeople(tx: Tx, personIds: readonly string[]): Promise<void> {
  const ids = [...new Set(personIds)].sort();
  if (ids.length === 0) return;
  await tx.$queryRaw`SELECT id FROM people WHERE id = ANY(${ids}::text[]) ORDER BY id FOR NO KEY UPDATE`;
}

/** Today in the collective's time zone, read in the transaction. */
export async function collectiveToday(tx: Tx, now = new Date()): Promise<string> {
  const settings = await tx.collectiveSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  return todayIn(settings?.timeZone ?? 'Europe/Paris', now);
}

const frenchDate = (date: string) => date.split('-').reverse().join('/');

export function futureDateError(date: string): AppError {
  return new AppError('VALIDATION', 'errors.FUTURE_DATE', {
    values: { date: frenchDate(date) },
    fields: { date: 'errors.FUTURE_DATE_FIELD' },
    details: { reason: 'FUTURE_DATE', date },
  });
}

export async function assertNotFuture(tx: Tx, date: string): Promise<void> {
  if (isFutureDate(date, await collectiveToday(tx))) throw futureDateError(date);
}

/** The minutes each (person, day) holds now, from the contributions that count towards it. */
export async function storedDayMinutes(
  tx: Tx | PrismaClient,
  options: { personIds: readonly string[]; dates: readonly string[]; exceptId?: string },
): Promise<DayEntry[]> {
  if (options.personIds.length === 0 || options.dates.length === 0) return [];
  const rows = await tx.$queryRaw<{ person_id: string; date: string; minutes: number }[]>`
    SELECT person_id, to_char(date, 'YYYY-MM-DD') AS date, sum(minutes)::int AS minutes
      FROM contributions
     WHERE person_id = ANY(${[...new Set(options.personIds)]}::text[])
       AND date = ANY(${[...new Set(options.dates)]}::date[])
       AND deleted_at IS NULL AND status <> 'REJECTED'
       AND id <> ${options.exceptId ?? ''}
     GROUP BY person_id, date`;
  return rows.map((row) => ({ personId: row.person_id, date: row.date, minutes: row.minutes }));
}

export function dayOverLimitError(day: { date: string; totalMinutes: number }): AppError {
  return new AppError('VALIDATION', 'errors.DAY_OVER_LIMIT', {
    values: { date: frenchDate(day.date), total: formatDuration(day.totalMinutes) },
    fields: { duration: 'errors.DAY_OVER_LIMIT_FIELD' },
    details: { reason: 'DAY_OVER_LIMIT', date: day.date, totalMinutes: day.totalMinutes, maxMinutes: MAX_DAY_MINUTES },
  });
}

/**
 * Refuses a contribution of `minutes` on the person's day when the day would then exceed 24 h.
 * The caller holds the person's lock (lockPeople); `exceptId` is the contribution being edited.
 */
export async function assertDayWithinLimit(
  tx: Tx,
  options: { personId: string; date: string; minutes: number; exceptId?: string },
): Promise<void> {
  const stored = await storedDayMinutes(tx, {
    personIds: [options.personId],
    dates: [options.date],
    exceptId: options.exceptId,
  });
  const [over] = daysOverLimit([
    ...stored,
    { personId: options.personId, date: options.date, minutes: options.minutes },
  ]);
  if (over) throw dayOverLimitError(over);
}
