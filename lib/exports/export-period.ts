// What every export file says about its period: the collective, the period's name and dates, and
// whether the figures are a live preview or a frozen run.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { getSettings } from '@/lib/settings/settings';
import { toIsoDate } from '@/lib/format/date';
import { collectiveIdentityOf, type CollectiveIdentity } from '@/lib/settings/identity';
import { todayIn } from '@/lib/contributions/server/periods';

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
  /** Legal name, address, SIRET, RNA as the settings hold them. */
  identity?: CollectiveIdentity;
  /** Who closed the period, and when: they certify the frozen figures. Null while open. */
  certifiedBy?: { name: string; on: string } | null;
};

export async function loadExportPeriod(periodId: string): Promise<ExportPeriod> {
  const [period, settings] = await Promise.all([
    db().fundingPeriod.findUnique({
      where: { id: periodId },
      select: {
        id: true,
        name: true,
        startDate: true,
        endDate: true,
        status: true,
        closedAt: true,
        closedBy: { select: { name: true } },
      },
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
    identity: collectiveIdentityOf(settings),
    certifiedBy:
      period.status !== 'OPEN' && period.closedAt && period.closedBy
        ? { name: period.closedBy.name, on: todayIn(settings.timeZone, period.closedAt) }
        : null,
  };
}
