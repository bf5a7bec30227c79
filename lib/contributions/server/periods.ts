// Which funding period a contribution date falls in, and whether it still accepts changes.
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { fromIsoDate } from '@/lib/format/date';

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

/** The open period covering `date`; a clear error naming the period (or its absence) otherwise. */
export async function openPeriodFor(tx: Tx, date: string): Promise<PeriodRef> {
  const found = await tx.fundingPeriod.findFirst({
    where: { startDate: { lte: fromIsoDate(date) }, endDate: { gte: fromIsoDate(date) } },
    select: { id: true, name: true, status: true },
  });
  if (!found)
    throw new AppError('NO_PERIOD', 'errors.NO_PERIOD_FOR_DATE', {
      values: { date: date.split('-').reverse().join('/') },
      fields: { date: 'errors.NO_PERIOD' },
    });
  if (found.status !== 'OPEN') throw periodClosedError(found);
  return found;
}
