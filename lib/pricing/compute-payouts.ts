/**
 * THE pricing module's entry point: turns a funding period's settings and its approved
 * contributions into payout lines per (person, chantier), applying the seven steps of
 * docs/pricing.md in order. Pure — no I/O, no clock — and exact: money is only
 * ever BigInt fractions until the final rounding, so the same input always gives the same cents.
 */
import { fundChantier, type ChantierFunding, type PaidContribution } from './fund-chantier';
import { div, isZero, mul, rational, roundHalfUp, sub, toSafeNumber } from './rational';
import { createRateResolver, type RateResolver } from './resolve-rate';
import { toExactNumber } from './exact-number';
import type {
  ApprovedContribution,
  ChantierSummary,
  PayoutLine,
  PeriodPricingSettings,
  PersonPayout,
  PricingInput,
  PricingResult,
  PricingTotals,
  RateSource,
} from './types';
import { assertValidPricingInput } from './validate-input';
import { byString } from '@/lib/format/compare';

/** A contribution with what the cap (step 3) left of it. */
interface CappedContribution {
  contribution: ApprovedContribution;
  createdAtMs: number;
  paidMinutes: number;
  cappedMinutes: number;
}

/** Per (person, chantier) totals, before the envelope. */
interface LineTotals {
  personId: string;
  chantierId: string;
  rateCents: number;
  rateSource: RateSource;
  approvedMinutes: number;
  volunteerMinutes: number;
  cappedMinutes: number;
}

/** The order of steps 3 and 4: date, then creation time, then id — a total order, ids being unique. */
function compareFundingOrder(a: CappedContribution, b: CappedContribution): number {
  return (
    byString(a.contribution.date, b.contribution.date) ||
    a.createdAtMs - b.createdAtMs ||
    byString(a.contribution.id, b.contribution.id)
  );
}

/** Step 3: sorts contributions in funding order and splits each person's paid minutes at the cap. */
function orderAndCap(contributions: readonly ApprovedContribution[], capMinutes: number | null): CappedContribution[] {
  const ordered = contributions
    .map((contribution) => ({
      contribution,
      createdAtMs: Date.parse(contribution.createdAt),
      paidMinutes: 0,
      cappedMinutes: 0,
    }))
    .sort(compareFundingOrder);
  const usedMinutesByPerson = new Map<string, number>();
  for (const entry of ordered) {
    const { personId, minutes, volunteer } = entry.contribution;
    if (volunteer) continue; // volunteer minutes are paid nothing, so they use none of the cap
    const used = usedMinutesByPerson.get(personId) ?? 0;
    const room = capMinutes === null ? minutes : Math.max(0, capMinutes - used);
    entry.paidMinutes = Math.min(minutes, room); // the contribution crossing the cap is split here
    entry.cappedMinutes = minutes - entry.paidMinutes;
    usedMinutesByPerson.set(personId, used + minutes);
  }
  return ordered;
}

/** Steps 1 and 2: groups contributions into lines per chantier and person, with their rate. */
function collectLines(ordered: readonly CappedContribution[], rateOf: RateResolver) {
  const linesByChantier = new Map<string, Map<string, LineTotals>>();
  const paidInOrderByChantier = new Map<string, PaidContribution[]>();
  for (const { contribution, paidMinutes, cappedMinutes } of ordered) {
    const { personId, chantierId, minutes, volunteer } = contribution;
    let chantierLines = linesByChantier.get(chantierId);
    if (!chantierLines) linesByChantier.set(chantierId, (chantierLines = new Map()));
    let line = chantierLines.get(personId);
    if (!line) {
      line = {
        personId,
        chantierId,
        ...rateOf(personId, chantierId),
        approvedMinutes: 0,
        volunteerMinutes: 0,
        cappedMinutes: 0,
      };
      chantierLines.set(personId, line);
    }
    if (volunteer) {
      line.volunteerMinutes += minutes;
      continue;
    }
    line.approvedMinutes += minutes;
    line.cappedMinutes += cappedMinutes;
    let paidInOrder = paidInOrderByChantier.get(chantierId);
    if (!paidInOrder) paidInOrderByChantier.set(chantierId, (paidInOrder = []));
    if (paidMinutes > 0) paidInOrder.push({ personId, paidMinutes });
  }
  return { linesByChantier, paidInOrderByChantier };
}

/** Steps 5 (the line's cents) and 7 (values beside the pay), with the line's explanation. */
function buildLine(
  line: LineTotals,
  funding: ChantierFunding,
  settings: PeriodPricingSettings,
  envelopeCents: number | null,
): PayoutLine {
  const rate = BigInt(line.rateCents);
  const paidMinutes = line.approvedMinutes - line.cappedMinutes;
  const paidValue = rational(BigInt(paidMinutes) * rate, 60n);
  const exactAmount = funding.exactCentsByPerson.get(line.personId) ?? rational(0);
  const rounded = funding.roundedByPerson.get(line.personId);
  if (!rounded) throw new Error(`No rounded share for ${line.personId} in ${line.chantierId}`);
  const scalingFactor = isZero(paidValue) ? null : div(exactAmount, paidValue);
  // With nothing to fund (rate 0), no minute is short of money: count them all as funded.
  const fundedMinutes = scalingFactor === null ? rational(paidMinutes) : mul(rational(paidMinutes), scalingFactor);
  const fullValueCents = toSafeNumber(roundHalfUp(rational(BigInt(line.approvedMinutes) * rate, 60n)));
  const amountCents = toSafeNumber(rounded.amountCents);

  return {
    personId: line.personId,
    chantierId: line.chantierId,
    rateCents: line.rateCents,
    rateSource: line.rateSource,
    approvedMinutes: line.approvedMinutes,
    volunteerMinutes: line.volunteerMinutes,
    cappedMinutes: line.cappedMinutes,
    amountCents,
    unpaidValueCents: fullValueCents - amountCents,
    volunteerValueCents: toSafeNumber(roundHalfUp(rational(BigInt(line.volunteerMinutes) * rate, 60n))),
    explanation: {
      rateSource: line.rateSource,
      rateCents: line.rateCents,
      capMinutes: settings.capMinutes ?? null,
      cappedMinutes: line.cappedMinutes,
      paidMinutes,
      paidValueCents: toExactNumber(paidValue),
      cappedValueCents: toExactNumber(rational(BigInt(line.cappedMinutes) * rate, 60n)),
      policy: settings.overflowPolicy,
      envelopeCents,
      chantierDemandCents: toExactNumber(funding.demandCents),
      envelopeBound: funding.bound,
      scalingFactor: scalingFactor === null ? null : toExactNumber(scalingFactor),
      fundedMinutes: toExactNumber(fundedMinutes),
      unfundedMinutes: toExactNumber(sub(rational(paidMinutes), fundedMinutes)),
      unfundedValueCents: toExactNumber(sub(paidValue, exactAmount)),
      exactAmountCents: toExactNumber(exactAmount),
      floorCents: toSafeNumber(rounded.floorCents),
      leftoverCent: rounded.leftoverCent,
      fullValueCents,
    },
  };
}

/**
 * Prices a funding period. Throws a PricingInputError when the input is not valid.
 * Lines exist for every (person, chantier) with an approved contribution, volunteer or not.
 */
export function computePayouts(input: PricingInput): PricingResult {
  assertValidPricingInput(input);
  const { settings } = input;
  const ordered = orderAndCap(input.contributions, settings.capMinutes ?? null);
  const { linesByChantier, paidInOrderByChantier } = collectLines(ordered, createRateResolver(settings));
  const envelopeByChantier = new Map(settings.envelopes.map((envelope) => [envelope.chantierId, envelope.amountCents]));
  const chantierIds = [...new Set([...linesByChantier.keys(), ...envelopeByChantier.keys()])].sort(byString);

  const lines: PayoutLine[] = [];
  const chantiers: ChantierSummary[] = [];
  for (const chantierId of chantierIds) {
    const chantierLines = [...(linesByChantier.get(chantierId)?.values() ?? [])];
    const envelopeCents = envelopeByChantier.get(chantierId) ?? null;
    const funding = fundChantier({
      lines: chantierLines.map((line) => ({ ...line, paidMinutes: line.approvedMinutes - line.cappedMinutes })),
      paidContributionsInOrder: paidInOrderByChantier.get(chantierId) ?? [],
      envelopeCents,
      policy: settings.overflowPolicy,
    });
    for (const line of chantierLines) lines.push(buildLine(line, funding, settings, envelopeCents));
    chantiers.push({
      chantierId,
      envelopeCents,
      demandCents: toSafeNumber(roundHalfUp(funding.demandCents)),
      paidCents: toSafeNumber(funding.totalCents),
      bound: funding.bound,
    });
  }
  lines.sort((a, b) => byString(a.personId, b.personId) || byString(a.chantierId, b.chantierId));

  return { lines, chantiers, ...summariseLines(lines) };
}

/**
 * Step 6: a person's payout is the sum of their lines; and the totals of a set of lines. In the
 * order of the lines (sorted by personId, the people come out sorted too).
 */
export function summariseLines(
  lines: readonly Pick<PayoutLine, 'personId' | 'amountCents' | 'unpaidValueCents' | 'volunteerValueCents'>[],
): { people: PersonPayout[]; totals: PricingTotals } {
  const amountByPerson = new Map<string, number>();
  const totals: PricingTotals = { amountCents: 0, unpaidValueCents: 0, volunteerValueCents: 0 };
  for (const line of lines) {
    amountByPerson.set(line.personId, (amountByPerson.get(line.personId) ?? 0) + line.amountCents);
    totals.amountCents += line.amountCents;
    totals.unpaidValueCents += line.unpaidValueCents;
    totals.volunteerValueCents += line.volunteerValueCents;
  }
  return { people: [...amountByPerson].map(([personId, amountCents]) => ({ personId, amountCents })), totals };
}
