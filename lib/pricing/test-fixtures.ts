/**
 * Builders shared by the pricing module's tests (not used by the module itself): readable
 * settings and contributions with sensible defaults, so each test states only what matters.
 */
import type { ApprovedContribution, PayoutLine, PeriodPricingSettings, PricingResult } from './types';

/** Default 30 €/h, no cap, PRORATA, unlimited envelopes, no overrides. */
export function makeSettings(overrides: Partial<PeriodPricingSettings> = {}): PeriodPricingSettings {
  return {
    defaultRateCents: 3000,
    capMinutes: null,
    overflowPolicy: 'PRORATA',
    envelopes: [],
    rates: [],
    ...overrides,
  };
}

/** A paid contribution on 2026-03-01 at 10:00 UTC unless told otherwise. */
export function makeContribution(
  id: string,
  personId: string,
  chantierId: string,
  minutes: number,
  overrides: Partial<ApprovedContribution> = {},
): ApprovedContribution {
  return {
    id,
    personId,
    chantierId,
    date: '2026-03-01',
    createdAt: '2026-03-01T10:00:00Z',
    minutes,
    volunteer: false,
    ...overrides,
  };
}

/** The line of (personId, chantierId), failing loudly when it is absent. */
export function lineOf(result: PricingResult, personId: string, chantierId: string): PayoutLine {
  const line = result.lines.find((candidate) => candidate.personId === personId && candidate.chantierId === chantierId);
  if (!line) throw new Error(`No line for ${personId} in ${chantierId}`);
  return line;
}

/** The public fields of a line, without its explanation, for compact table expectations. */
export function summaryOf(line: PayoutLine): Omit<PayoutLine, 'explanation'> {
  const { explanation: _explanation, ...summary } = line;
  return summary;
}
