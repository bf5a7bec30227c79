// Which funding period a page shows when the reader has not chosen one: the period under way
// today, else the latest one already begun, else none (every period).

export type DatedPeriod = { id: string; startDate: string; endDate: string };

/** Dates are `YYYY-MM-DD`, so they compare as strings. */
export function currentPeriodId(periods: readonly DatedPeriod[], today: string): string | null {
  const underWay = periods.find((period) => period.startDate <= today && today <= period.endDate);
  if (underWay) return underWay.id;
  const begun = periods
    .filter((period) => period.startDate <= today)
    .sort((a, b) => (a.startDate < b.startDate ? 1 : a.startDate > b.startDate ? -1 : 0));
  return begun[0]?.id ?? null;
}
