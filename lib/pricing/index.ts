/**
 * THE pricing module (docs/pricing.md): a pure function from a funding period's
 * settings and approved contributions to explained payout lines, plus the payee aggregation.
 * Import from '@/lib/pricing'; the other files are its internals.
 */
export { computePayouts, summariseLines } from './compute-payouts';
export { aggregatePayees, type AggregatePayeesOptions } from './aggregate-payees';
export { PricingInputError } from './validate-input';
export type {
  ApprovedContribution,
  ChantierSummary,
  EnvelopeSetting,
  ExactNumber,
  LineExplanation,
  OverflowPolicy,
  PayeeTotal,
  PayoutLine,
  PeriodPricingSettings,
  PersonPayout,
  PricingInput,
  PricingResult,
  PricingTotals,
  RateOverride,
  RateSource,
} from './types';
export {
  computePayoutsWithClaims,
  overdrawnChantiers,
  pricedChantier,
  summarisePricedLines,
  type ChantierFigures,
} from './compute-payouts-with-claims';
export type {
  ApprovedClaim,
  ClaimAmounts,
  ClaimKind,
  ClaimsPricingInput,
  ClaimsPricingResult,
  ClaimsPricingSettings,
  PricedChantier,
  PricedClaim,
  PricedLine,
  PricedTotals,
} from './types';
export { createRateResolver, type RateResolver, type ResolvedRate } from './resolve-rate';
export { fromExactNumber, toExactNumber } from './exact-number';
export { add, mul, rational, roundHalfUp, ZERO, type Rational } from './rational';
