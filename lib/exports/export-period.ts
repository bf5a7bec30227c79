// What every export file says about its period: the collective, the period's name and dates, and
// whether the figures are a live preview or a frozen run.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings/settings';
import { toIsoDate } from '@/lib/format/date';

export type ExportPeriod = {
  id: string;
  name: string;
  /** `YYYY-MM-DD`, both inclusive. */
  startDate: string;
  endDate: string;
  status: 'OPEN' | 'CLOSED' | 'PAID';
  collectiveName: string;
  /** The collective's time zone, for "issued on" dates. */
  timeZone: string;
};

export async function loadExportPeriod(periodId: string): Promise<ExportPeriod> {
  const [period, settings] = await Promise.all([
    db().fundingPeriod.findUnique({
      where: { id: periodId },
      select: { id: true, name: true, startDate: true, endDate: true, status: true },
    }),
    getSettings(),
  ]);
  if (!period) throw new AppError('NOT_FOUND', 'Period not found');
  return {
    id: period.id,
    name: period.name,
    startDate: toIsoDate(period.startDate),
    endDate: toIsoDate(period.endDate),
    status: period.status,
    collectiveName: settings.name,
    timeZone: settings.timeZone,
  };
}
