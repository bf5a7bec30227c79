/**
 * Step 0 of the pricing rules (docs/pricing.md, "Step 0: claims"), then steps 1–7 on what is left.
 *
 * Approved claims are priced first: an expense or a fixed fee is worth its amount, a mileage
 * claim its distance × the period's mileage rate. Those are the chantier's fixed amounts F, paid
 * in full to their person — never capped, never scaled. The hours then share what the envelope
 * leaves, E − F, by the period's policy (computePayouts, unchanged, with that smaller envelope).
 * When F exceeds E the chantier is overdrawn: its hours get nothing and the period cannot close.
 * In-kind claims are valued for the funder and paid nothing. Without claims, every figure is the
 * one computePayouts gives.
 */
import { computePayouts, summariseLines } from './compute-payouts';
import { toExactNumber } from './exact-number';
import { rational } from './rational';
import { createRateResolver } from './resolve-rate';
import type {
  ApprovedClaim,
  ClaimAmounts,
  ClaimsPricingInput,
  ClaimsPricingResult,
  PayoutLine,
  PricedChantier,
  PricedClaim,
  PricedLine,
  PricedTotals,
  PersonPayout,
  PricingResult,
} from './types';
import { assertValidClaims } from './validate-claims';
import { byString } from '@/lib/format/compare';

const keyOf = (personId: string, chantierId: string) => JSON.stringify([personId, chantierId]);

function priceClaim(claim: ApprovedClaim, mileageRateCents: number | null): PricedClaim {
  if (claim.kind === 'MILEAGE') {
    const distanceKm = claim.distanceKm ?? 0;
    const rate = mileageRateCents ?? 0; // validated: a mileage claim needs a rate
    return { claimId: claim.id, kind: claim.kind, valueCents: distanceKm * rate, distanceKm, mileageRateCents: rate };
  }
  return {
    claimId: claim.id,
    kind: claim.kind,
    valueCents: claim.amountCents ?? 0,
    distanceKm: null,
    mileageRateCents: null,
  };
}

/** Cents this claim adds to F (the chantier's fixed amounts): everything but in-kind. */
const fixedValueOf = (claim: PricedClaim) => (claim.kind === 'IN_KIND' ? 0 : claim.valueCents);

/** A line for a person who has claims but no approved minute in the chantier. */
function claimsOnlyLine(
  personId: string,
  chantierId: string,
  hours: PricingResult,
  input: ClaimsPricingInput,
  hoursEnvelopeCents: number | null,
): PayoutLine {
  const { rateCents, rateSource } = createRateResolver(input.settings)(personId, chantierId);
  const chantier = hours.chantiers.find((summary) => summary.chantierId === chantierId);
  const sibling = hours.lines.find((line) => line.chantierId === chantierId);
  const zero = toExactNumber(rational(0));
  return {
    personId,
    chantierId,
    rateCents,
    rateSource,
    approvedMinutes: 0,
    volunteerMinutes: 0,
    cappedMinutes: 0,
    amountCents: 0,
    unpaidValueCents: 0,
    volunteerValueCents: 0,
    explanation: {
      rateSource,
      rateCents,
      capMinutes: input.settings.capMinutes ?? null,
      cappedMinutes: 0,
      paidMinutes: 0,
      paidValueCents: zero,
      cappedValueCents: zero,
      policy: input.settings.overflowPolicy,
      envelopeCents: hoursEnvelopeCents,
      chantierDemandCents: sibling?.explanation.chantierDemandCents ?? zero,
      envelopeBound: chantier?.bound ?? false,
      scalingFactor: null,
      fundedMinutes: zero,
      unfundedMinutes: zero,
      unfundedValueCents: zero,
      exactAmountCents: zero,
      floorCents: 0,
      leftoverCent: false,
      fullValueCents: 0,
    },
  };
}

/**
 * Prices a funding period with its approved claims. Throws a PricingInputError when the input is
 * not valid (including a mileage claim in a period without a mileage rate).
 */
export function computePayoutsWithClaims(input: ClaimsPricingInput): ClaimsPricingResult {
  assertValidClaims(input);
  const mileageRateCents = input.settings.mileageRateCents ?? null;
  const priced = input.claims.map((claim) => ({ claim, priced: priceClaim(claim, mileageRateCents) }));

  // Step 0: F per chantier, and what each envelope leaves for the hours.
  const fixedByChantier = new Map<string, number>();
  for (const { claim, priced: price } of priced) {
    fixedByChantier.set(claim.chantierId, (fixedByChantier.get(claim.chantierId) ?? 0) + fixedValueOf(price));
  }
  const envelopes = input.settings.envelopes.map((envelope) => ({
    chantierId: envelope.chantierId,
    amountCents: Math.max(0, envelope.amountCents - (fixedByChantier.get(envelope.chantierId) ?? 0)),
  }));
  const hours = computePayouts({
    settings: {
      defaultRateCents: input.settings.defaultRateCents,
      capMinutes: input.settings.capMinutes,
      overflowPolicy: input.settings.overflowPolicy,
      envelopes,
      rates: input.settings.rates,
    },
    contributions: input.contributions,
  });
  const hoursEnvelopeByChantier = new Map(envelopes.map((envelope) => [envelope.chantierId, envelope.amountCents]));

  // Claims by line.
  const claimsByLine = new Map<string, PricedClaim[]>();
  for (const { claim, priced: price } of priced) {
    const key = keyOf(claim.personId, claim.chantierId);
    const list = claimsByLine.get(key) ?? [];
    list.push(price);
    claimsByLine.set(key, list);
  }

  const hoursLineByKey = new Map(hours.lines.map((line) => [keyOf(line.personId, line.chantierId), line]));
  const lines: PricedLine[] = [];
  for (const key of new Set([...hoursLineByKey.keys(), ...claimsByLine.keys()])) {
    const [personId, chantierId] = JSON.parse(key) as [string, string];
    const base =
      hoursLineByKey.get(key) ??
      claimsOnlyLine(personId, chantierId, hours, input, hoursEnvelopeByChantier.get(chantierId) ?? null);
    const claims = (claimsByLine.get(key) ?? []).sort((a, b) => byString(a.claimId, b.claimId));
    const sumOf = (kinds: string[]) =>
      claims.filter((claim) => kinds.includes(claim.kind)).reduce((sum, claim) => sum + claim.valueCents, 0);
    const expensesCents = sumOf(['EXPENSE', 'MILEAGE']);
    const fixedFeesCents = sumOf(['FIXED_FEE']);
    lines.push({
      ...base,
      hoursAmountCents: base.amountCents,
      expensesCents,
      fixedFeesCents,
      inKindValueCents: sumOf(['IN_KIND']),
      amountCents: base.amountCents + expensesCents + fixedFeesCents,
      claims,
    });
  }
  lines.sort((a, b) => byString(a.personId, b.personId) || byString(a.chantierId, b.chantierId));

  const envelopeByChantier = new Map(input.settings.envelopes.map((e) => [e.chantierId, e.amountCents]));
  const hoursChantierById = new Map(hours.chantiers.map((chantier) => [chantier.chantierId, chantier]));
  const chantierIds = [...new Set([...hoursChantierById.keys(), ...lines.map((line) => line.chantierId)])].sort(
    byString,
  );
  const chantiers = chantierIds.map((chantierId) => {
    const hoursSummary = hoursChantierById.get(chantierId);
    return pricedChantier(
      chantierId,
      lines.filter((line) => line.chantierId === chantierId),
      {
        envelopeCents: envelopeByChantier.get(chantierId) ?? null,
        fixedCents: fixedByChantier.get(chantierId) ?? 0,
        demandCents: hoursSummary?.demandCents ?? 0,
        bound: hoursSummary?.bound ?? false,
      },
    );
  });
  return { lines, chantiers, ...summarisePricedLines(lines) };
}

/** The figures of a chantier its lines do not hold: the envelope E, the fixed amounts F, the hours' demand. */
export type ChantierFigures = Pick<PricedChantier, 'envelopeCents' | 'fixedCents' | 'demandCents' | 'bound'>;

/** A chantier's summary: its lines' sums, and what the envelope leaves once its fixed amounts are paid. */
export function pricedChantier(
  chantierId: string,
  chantierLines: readonly Pick<PricedLine, 'amountCents' | 'expensesCents' | 'fixedFeesCents' | 'inKindValueCents'>[],
  { envelopeCents, fixedCents, demandCents, bound }: ChantierFigures,
): PricedChantier {
  const sum = (field: 'amountCents' | keyof Omit<ClaimAmounts, 'hoursAmountCents'>) =>
    chantierLines.reduce((total, line) => total + line[field], 0);
  return {
    chantierId,
    envelopeCents,
    demandCents,
    paidCents: sum('amountCents'),
    bound,
    fixedCents,
    expensesCents: sum('expensesCents'),
    fixedFeesCents: sum('fixedFeesCents'),
    inKindValueCents: sum('inKindValueCents'),
    hoursEnvelopeCents: envelopeCents === null ? null : Math.max(0, envelopeCents - fixedCents),
    overdrawn: envelopeCents !== null && fixedCents > envelopeCents,
    totalDemandCents: demandCents + fixedCents,
  };
}

/** Step 6 and the totals over any set of lines, with the claim parts: each person's payout, and the sums. */
export function summarisePricedLines(
  lines: readonly (Pick<PayoutLine, 'personId' | 'amountCents' | 'unpaidValueCents' | 'volunteerValueCents'> &
    ClaimAmounts)[],
): { people: PersonPayout[]; totals: PricedTotals } {
  const { people, totals } = summariseLines(lines);
  const sum = (field: keyof ClaimAmounts) => lines.reduce((total, line) => total + line[field], 0);
  return {
    people,
    totals: {
      ...totals,
      hoursAmountCents: sum('hoursAmountCents'),
      expensesCents: sum('expensesCents'),
      fixedFeesCents: sum('fixedFeesCents'),
      inKindValueCents: sum('inKindValueCents'),
    },
  };
}

/** The chantiers whose fixed amounts exceed their envelope: closing the period is refused while any is. */
export function overdrawnChantiers(result: ClaimsPricingResult) {
  return result.chantiers
    .filter((chantier) => chantier.overdrawn)
    .map(({ chantierId, envelopeCents, fixedCents }) => ({
      chantierId,
      envelopeCents: envelopeCents ?? 0,
      fixedCents,
    }));
}
