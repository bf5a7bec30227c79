// What the period form shows for an existing period: cents and minutes written back the way a
// treasurer types them ("30,50", "7,5"), so that saving unchanged values changes nothing.
import { centsToInput } from '@/lib/format/money';
import { minutesToHoursInput } from '@/lib/format/hours';
import type { TPeriodOut } from './schemas';

export type PeriodFormValues = {
  periodId: string;
  version: number;
  name: string;
  startDate: string;
  endDate: string;
  defaultRate: string;
  /** Euros per km as typed; empty = the period pays no mileage. */
  mileageRate: string;
  cap: string;
  overflowPolicy: 'PRORATA' | 'FIRST_COME';
  /** chantierId → amount typed, absent = unlimited. */
  envelopes: Record<string, string>;
  rates: { personId: string; chantierId: string; rate: string }[];
};

export function periodFormValues(period: TPeriodOut, locale: 'fr' | 'en' = 'fr'): PeriodFormValues {
  return {
    periodId: period.id,
    version: period.version,
    name: period.name,
    startDate: period.startDate,
    endDate: period.endDate,
    defaultRate: centsToInput(period.defaultRateCents, locale),
    mileageRate: period.mileageRateCents === null ? '' : centsToInput(period.mileageRateCents, locale),
    cap: period.capMinutes === null ? '' : minutesToHoursInput(period.capMinutes, locale),
    overflowPolicy: period.overflowPolicy,
    envelopes: Object.fromEntries(
      period.envelopes.map((envelope) => [envelope.chantierId, centsToInput(envelope.amountCents, locale)]),
    ),
    rates: period.rates.map((rate) => ({
      personId: rate.personId ?? '',
      chantierId: rate.chantierId ?? '',
      rate: centsToInput(rate.rateCents, locale),
    })),
  };
}
