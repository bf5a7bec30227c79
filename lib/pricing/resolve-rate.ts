/**
 * Step 1 of the pricing rules: the hourly rate of a (person, chantier) is the most specific one
 * set for the period — person + chantier, then person, then chantier, then the period default.
 * Since overrides are keyed by person and/or chantier, every contribution of one (person,
 * chantier) pair gets the same rate, which is why payout lines carry a single rate.
 */
import type { PeriodPricingSettings, RateSource } from './types';

export interface ResolvedRate {
  rateCents: number;
  rateSource: RateSource;
}

/** `personId: null` asks for the rate of "anyone" (a plan line without a person): chantier, then default. */
export type RateResolver = (personId: string | null, chantierId: string) => ResolvedRate;

// JSON keeps the two ids apart whatever characters they contain.
const keyOf = (personId: string | null, chantierId: string | null) => JSON.stringify([personId, chantierId]);

/** Indexes the overrides once, so resolving a rate is a few map look-ups. */
export function createRateResolver(settings: PeriodPricingSettings): RateResolver {
  const overrides = new Map<string, number>();
  for (const rate of settings.rates) {
    overrides.set(keyOf(rate.personId ?? null, rate.chantierId ?? null), rate.rateCents);
  }

  return (personId, chantierId) => {
    const candidates: [string, RateSource][] = [
      ...(personId === null
        ? []
        : ([
            [keyOf(personId, chantierId), 'PERSON_CHANTIER'],
            [keyOf(personId, null), 'PERSON'],
          ] as [string, RateSource][])),
      [keyOf(null, chantierId), 'CHANTIER'],
    ];
    for (const [key, rateSource] of candidates) {
      const rateCents = overrides.get(key);
      if (rateCents !== undefined) return { rateCents, rateSource };
    }
    return { rateCents: settings.defaultRateCents, rateSource: 'DEFAULT' };
  };
}
