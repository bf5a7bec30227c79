/**
 * The burn-up of a period (docs/plans.md): per day, the cumulative value of the approved hours and
 * of the declared ones (approved and submitted), against the plan's straight line and the
 * envelope. Pure: the caller gives the minutes per day that the cap leaves paid (summed by the
 * database), the rates and `today`.
 *
 * A day's value is its paid minutes × the rate pricing's step 1 gives / 60; the cumulative value
 * is summed exactly and rounded half up to the cent once per day, so the last point equals the
 * demand of the hours (before the envelope) when one chantier is drawn.
 */
import { addDays, differenceInCalendarDays, format, parseISO } from 'date-fns';
import { createRateResolver, type PeriodPricingSettings } from '@/lib/pricing';
import { periodDays } from './dashboard';

/** Paid minutes (after the per-person cap, bénévole left out) of one person on one chantier, one day. */
export interface BurnUpDay {
  date: string;
  personId: string;
  chantierId: string;
  approvedMinutes: number;
  declaredMinutes: number;
}

export interface BurnUpInput {
  settings: PeriodPricingSettings;
  startDate: string;
  endDate: string;
  today: string;
  /** The chantiers drawn (the others' days are left out). */
  chantierIds: readonly string[];
  days: readonly BurnUpDay[];
  plannedCents: number;
  /** The envelopes of the chantiers drawn, summed; null when one of them has none. */
  envelopeCents: number | null;
}

export interface BurnUpPoint {
  date: string;
  /** The plan's straight line: plannedCents × day / days in the period, half up. */
  planCents: number;
  /** Null after today: nothing is realised yet. */
  approvedCents: number | null;
  declaredCents: number | null;
}

export interface BurnUp {
  points: BurnUpPoint[];
  plannedCents: number;
  envelopeCents: number | null;
}

const halfUp = (numerator: bigint, denominator: bigint) => Number((2n * numerator + denominator) / (2n * denominator));

export function burnUpSeries(input: BurnUpInput): BurnUp {
  const { totalDays, elapsedDays } = periodDays(input.startDate, input.endDate, input.today);
  const rateOf = createRateResolver(input.settings);
  const drawn = new Set(input.chantierIds);
  const start = parseISO(input.startDate);
  // Value × 60 (minutes × cents per hour) per day index, exact.
  const approved = new Array<bigint>(totalDays).fill(0n);
  const declared = new Array<bigint>(totalDays).fill(0n);
  for (const day of input.days) {
    if (!drawn.has(day.chantierId)) continue;
    const index = differenceInCalendarDays(parseISO(day.date), start);
    if (index < 0 || index >= totalDays) continue;
    const rate = BigInt(rateOf(day.personId, day.chantierId).rateCents);
    approved[index]! += BigInt(day.approvedMinutes) * rate;
    declared[index]! += BigInt(day.declaredMinutes) * rate;
  }
  const points: BurnUpPoint[] = [];
  let approvedSum = 0n;
  let declaredSum = 0n;
  for (let index = 0; index < totalDays; index++) {
    approvedSum += approved[index]!;
    declaredSum += declared[index]!;
    const realised = index < elapsedDays;
    points.push({
      date: format(addDays(start, index), 'yyyy-MM-dd'),
      planCents: halfUp(BigInt(input.plannedCents) * BigInt(index + 1), BigInt(totalDays)),
      approvedCents: realised ? halfUp(approvedSum, 60n) : null,
      declaredCents: realised ? halfUp(declaredSum, 60n) : null,
    });
  }
  return { points, plannedCents: input.plannedCents, envelopeCents: input.envelopeCents };
}
