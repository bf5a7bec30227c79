// The home page's figures that are plain arithmetic over loaded rows. Pure.
import { countsTowardsDay } from '@/lib/contributions/day-rules';
import type { ContributionStatus } from '@/lib/contributions/lifecycle';

export type HoursByStatus = { submitted: number; approved: number; toFix: number; draft: number };

/** Minutes of a period by what they wait for: rejected ones count nowhere. */
export function hoursByStatus(rows: readonly { status: ContributionStatus; minutes: number }[]): HoursByStatus {
  const hours: HoursByStatus = { submitted: 0, approved: 0, toFix: 0, draft: 0 };
  for (const row of rows) {
    if (row.status === 'SUBMITTED') hours.submitted += row.minutes;
    else if (row.status === 'APPROVED') hours.approved += row.minutes;
    else if (row.status === 'CHANGES_REQUESTED') hours.toFix += row.minutes;
    else if (row.status === 'DRAFT') hours.draft += row.minutes;
  }
  return hours;
}

/** The week's hours as the week grid counts them (all but rejected). */
export function weekMinutes(rows: readonly { status: ContributionStatus; minutes: number }[]): number {
  return rows.filter((row) => countsTowardsDay(row.status)).reduce((sum, row) => sum + row.minutes, 0);
}

/** An envelope is near its limit when the work asks for at least this share of it. */
export const ENVELOPE_WARNING_PERCENT = 80;

export function envelopesNearLimit<T extends { envelopeCents: number | null; demandCents: number }>(
  chantiers: readonly T[],
): (T & { percent: number })[] {
  return chantiers
    .filter((chantier): chantier is T & { envelopeCents: number } => chantier.envelopeCents !== null)
    .map((chantier) => ({
      ...chantier,
      // Integer percent, rounded down; an empty envelope with any demand is over.
      percent:
        chantier.envelopeCents > 0
          ? Math.floor((chantier.demandCents * 100) / chantier.envelopeCents)
          : chantier.demandCents > 0
            ? Infinity
            : 0,
    }))
    .filter((chantier) => chantier.percent >= ENVELOPE_WARNING_PERCENT)
    .sort((a, b) => b.percent - a.percent);
}
