/**
 * The shapes going into and out of THE pricing module (docs/pricing.md).
 * Everything is plain, JSON-serialisable data — exact fractions travel as strings — so that
 * closing a period can freeze both the input and the result of a payout run and re-explain it
 * forever. Money is integer euro cents, durations integer minutes.
 */

/** What happens when a chantier's demand exceeds its envelope (step 4). */
export type OverflowPolicy = 'PRORATA' | 'FIRST_COME';

/** Which setting gave a line its hourly rate, most specific first (step 1). */
export type RateSource = 'PERSON_CHANTIER' | 'PERSON' | 'CHANTIER' | 'DEFAULT';

/** The money available to one chantier in the period. A chantier without one is unlimited. */
export interface EnvelopeSetting {
  chantierId: string;
  amountCents: number;
}

/**
 * An hourly-rate override. It names a person, a chantier, or both; at most one override per
 * (person, chantier) key. The period-wide rate is `defaultRateCents`, not an override.
 */
export interface RateOverride {
  personId?: string | null;
  chantierId?: string | null;
  rateCents: number;
}

/** The pricing-relevant settings of a funding period. */
export interface PeriodPricingSettings {
  /** Hourly rate in cents when no override applies. */
  defaultRateCents: number;
  /** Paid minutes per person for the whole period, all chantiers together; null = no cap. */
  capMinutes: number | null;
  overflowPolicy: OverflowPolicy;
  envelopes: readonly EnvelopeSetting[];
  rates: readonly RateOverride[];
}

/** One approved contribution. Anything not approved must be left out by the caller. */
export interface ApprovedContribution {
  id: string;
  personId: string;
  chantierId: string;
  /** Carried for reports; pricing does not depend on the place. */
  placeId?: string | null;
  /** Calendar date, `YYYY-MM-DD`. First key of the order used by the cap and FIRST_COME. */
  date: string;
  /** ISO 8601 timestamp with a zone (`…Z` or `…+01:00`), compared to the millisecond. */
  createdAt: string;
  minutes: number;
  /** Bénévole: paid nothing, valued at the rate. */
  volunteer: boolean;
}

export interface PricingInput {
  settings: PeriodPricingSettings;
  contributions: readonly ApprovedContribution[];
}

/** An exact non-negative rational, e.g. 20/27 → `{ numerator: "20", denominator: "27", decimal: "0.7407" }`. */
export interface ExactNumber {
  numerator: string;
  denominator: string;
  /** Rounded half up to 4 decimal places, for display only. */
  decimal: string;
}

/**
 * How a line was reached, as data for the UI to render, e.g. "20 h × 30,00 €/h = 600,00 € ;
 * enveloppe du chantier dépassée : × 0,7407 → 444,45 € ; 155,55 € non rétribués".
 * Money fields ending in `Cents` that are `ExactNumber`s are exact, before any rounding.
 */
export interface LineExplanation {
  rateSource: RateSource;
  rateCents: number;
  /** The period's cap (per person, across chantiers), null when there is none. */
  capMinutes: number | null;
  /** Minutes of this line beyond the person's cap (step 3), unpaid. */
  cappedMinutes: number;
  /** approvedMinutes − cappedMinutes: the minutes that entered the envelope step. */
  paidMinutes: number;
  /** paidMinutes × rate / 60: what the person is owed before the envelope. */
  paidValueCents: ExactNumber;
  /** cappedMinutes × rate / 60: the value left unpaid by the cap. */
  cappedValueCents: ExactNumber;
  policy: OverflowPolicy;
  /** The chantier's envelope, null when unlimited. */
  envelopeCents: number | null;
  /** Exact sum of paid minutes × rate / 60 over every person in the chantier. */
  chantierDemandCents: ExactNumber;
  /** True when the demand exceeded the envelope, so the policy applied. */
  envelopeBound: boolean;
  /**
   * exactAmountCents / paidValueCents: 1 when the envelope did not bind; envelope / demand under
   * PRORATA; the share of this line's value funded in order under FIRST_COME. Null when the line
   * had nothing to fund (no paid minutes, or a zero rate).
   */
  scalingFactor: ExactNumber | null;
  /** Paid minutes the envelope funded (fractional when a contribution is funded in part). */
  fundedMinutes: ExactNumber;
  /** paidMinutes − fundedMinutes: minutes left unpaid by the envelope. */
  unfundedMinutes: ExactNumber;
  /** paidValueCents − exactAmountCents: the value left unpaid by the envelope. */
  unfundedValueCents: ExactNumber;
  /** The exact amount owed, before rounding to cents (step 5). */
  exactAmountCents: ExactNumber;
  /** floor(exactAmountCents): what the largest-remainder method starts from. */
  floorCents: number;
  /** True when this line received one of its chantier's leftover cents. */
  leftoverCent: boolean;
  /** round-half-up(approvedMinutes × rate / 60); unpaidValueCents = fullValueCents − amountCents. */
  fullValueCents: number;
}

/** One result line per (person, chantier) with at least one approved contribution. */
export interface PayoutLine {
  personId: string;
  chantierId: string;
  rateCents: number;
  rateSource: RateSource;
  /** Approved non-volunteer minutes, capped ones included. */
  approvedMinutes: number;
  volunteerMinutes: number;
  /** Part of approvedMinutes beyond the per-person cap. */
  cappedMinutes: number;
  amountCents: number;
  /**
   * fullValueCents − amountCents (step 7). Can be −1 when a fully funded line received a
   * leftover cent its own rounding would not have given it.
   */
  unpaidValueCents: number;
  /** round-half-up(volunteerMinutes × rate / 60). */
  volunteerValueCents: number;
  explanation: LineExplanation;
}

export interface PersonPayout {
  personId: string;
  amountCents: number;
}

export interface ChantierSummary {
  chantierId: string;
  envelopeCents: number | null;
  /** The exact demand rounded half up to the cent. */
  demandCents: number;
  /** Sum of the chantier's line amounts; equals min(envelopeCents, demandCents). */
  paidCents: number;
  /** True when the demand exceeded the envelope. */
  bound: boolean;
}

export interface PricingTotals {
  amountCents: number;
  unpaidValueCents: number;
  volunteerValueCents: number;
}

/** The result of a payout run. Every list is sorted by its ids (string comparison). */
export interface PricingResult {
  /** Sorted by personId, then chantierId. */
  lines: PayoutLine[];
  /** One entry per person having a line, sorted by personId. */
  people: PersonPayout[];
  /** Every chantier with a line or an envelope, sorted by chantierId. */
  chantiers: ChantierSummary[];
  totals: PricingTotals;
}

/** What one payee (the person, or an organisation receiving for them) is owed (step 6). */
export interface PayeeTotal {
  payeeKey: string;
  /** The people it receives for, sorted. */
  personIds: string[];
  amountCents: number;
}

/* ── Claims (step 0, docs/pricing.md "Step 0: claims") ───────────────────────────────────────────── */

/**
 * EXPENSE (note de frais) and FIXED_FEE (forfait) are worth their amount; MILEAGE is worth its
 * distance × the period's mileage rate; IN_KIND is valued, never paid.
 */
export type ClaimKind = 'EXPENSE' | 'MILEAGE' | 'FIXED_FEE' | 'IN_KIND';

/** One approved claim. Anything not approved must be left out by the caller. */
export interface ApprovedClaim {
  id: string;
  personId: string;
  chantierId: string;
  placeId?: string | null;
  /** Calendar date, `YYYY-MM-DD`. */
  date: string;
  kind: ClaimKind;
  /** Cents, for every kind but MILEAGE. */
  amountCents?: number | null;
  /** Whole kilometres, for MILEAGE only. */
  distanceKm?: number | null;
}

export interface ClaimsPricingSettings extends PeriodPricingSettings {
  /** Cents per kilometre; null when the period pays no mileage (a MILEAGE claim is then refused). */
  mileageRateCents?: number | null;
}

export interface ClaimsPricingInput {
  settings: ClaimsPricingSettings;
  contributions: readonly ApprovedContribution[];
  claims: readonly ApprovedClaim[];
}

/** What one claim is worth, and how. */
export interface PricedClaim {
  claimId: string;
  kind: ClaimKind;
  /** amountCents, or distanceKm × mileageRateCents. */
  valueCents: number;
  distanceKm: number | null;
  mileageRateCents: number | null;
}

/** The parts of a line's amount (amountCents = hoursAmountCents + expensesCents + fixedFeesCents). */
export interface ClaimAmounts {
  /** What the hours are paid (steps 1–7 on what the fixed amounts left of the envelope). */
  hoursAmountCents: number;
  /** EXPENSE and MILEAGE claims, paid in full. */
  expensesCents: number;
  /** FIXED_FEE claims, paid in full. */
  fixedFeesCents: number;
  /** IN_KIND claims: valued for the funder, paid nothing. */
  inKindValueCents: number;
}

/**
 * A (person, chantier) line with its claims. A person with only claims in a chantier has a line
 * with zero minutes. `unpaidValueCents` stays about the hours alone.
 */
export interface PricedLine extends PayoutLine, ClaimAmounts {
  /** This person's approved claims in this chantier, sorted by id. */
  claims: PricedClaim[];
}

export interface PricedChantier extends ChantierSummary, Omit<ClaimAmounts, 'hoursAmountCents'> {
  /** The chantier's fixed amounts F: its expenses, mileage and fixed fees. */
  fixedCents: number;
  /** What the envelope leaves for the hours, max(0, E − F); null without an envelope. */
  hoursEnvelopeCents: number | null;
  /** F exceeds the envelope: the hours get nothing and the period cannot be closed. */
  overdrawn: boolean;
  /** Hours demand + F: what the chantier would cost without an envelope. */
  totalDemandCents: number;
}

export interface PricedTotals extends PricingTotals, ClaimAmounts {}

export interface ClaimsPricingResult {
  /** Sorted by personId, then chantierId. */
  lines: PricedLine[];
  /** One entry per person having a line, sorted by personId. */
  people: PersonPayout[];
  /** Every chantier with a line or an envelope, sorted by chantierId. */
  chantiers: PricedChantier[];
  totals: PricedTotals;
}
