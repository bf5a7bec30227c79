// Which funding period a contribution date falls in, and whether it still accepts changes.
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fromIsoDate, toIsoDate } from '@/lib/format/date';

export type PeriodRef = { id: string; name: string; status: 'OPEN' | 'CLOSED' | 'PAID' };

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

/** Today's calendar date in the collective's time zone (one formatter per zone, made once). */
export function todayIn(timeZone: string, now = new Date()): string {
  let formatter = dayFormatters.get(timeZone);
  if (!formatter)
    dayFormatters.set(
      timeZone,
      (formatter = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })),
    );
  return formatter.format(now);
}

export function periodClosedError(period: PeriodRef): AppError {
  return new AppError('PERIOD_CLOSED', `errors.PERIOD_CLOSED_${period.status}`, {
    values: { period: period.name },
    details: { periodId: period.id, status: period.status },
  });
}

export type DayPeriod = PeriodRef & { startDate: Date; endDate: Date };

/**
 * The periods covering each of `days` (null where none does), in one query: the one reading of
 * "which period takes this date" for the form, the API, the import and the week grid.
 */
export async function periodsOfDays(tx: Tx, days: readonly string[]): Promise<(DayPeriod | null)[]> {
  const sorted = [...days].sort();
  const periods = await tx.fundingPeriod.findMany({
    where: { startDate: { lte: fromIsoDate(sorted[sorted.length - 1]) }, endDate: { gte: fromIsoDate(sorted[0]) } },
    select: { id: true, name: true, status: true, startDate: true, endDate: true },
  });
  return days.map(
    (day) => periods.find((period) => toIsoDate(period.startDate) <= day && day <= toIsoDate(period.endDate)) ?? null,
  );
}

/** The open period covering `date`; a clear error naming the period (or its absence) otherwise. */
export async function openPeriodFor(tx: Tx, date: string): Promise<PeriodRef> {
  const [found] = await periodsOfDays(tx, [date]);
  if (!found)
    throw new AppError('NO_PERIOD', 'errors.NO_PERIOD_FOR_DATE', {
      values: { date: date.split('-').reverse().join('/') },
      fields: { date: 'errors.NO_PERIOD' },
    });
  if (found.status !== 'OPEN') throw periodClosedError(found);
  return { id: found.id, name: found.name, status: found.status };
}
