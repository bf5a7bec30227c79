/**
 * The plan (prévisionnel) of a funding period against what is realised, and the forecast at the
 * period's end (docs/plans.md). Pure: no I/O, no clock — `today` is an argument.
 *
 * - Planned money of a plan line: its planned minutes × the rate pricing step 1 gives (the
 *   person's, or the chantier's / the period's for "anyone") / 60, rounded half up, plus its
 *   planned fixed cents.
 * - Demand of a chantier: the value of its approved hours after the per-person cap and before the
 *   envelope (pricing's own demand, not a second copy of its rules) plus its approved fixed
 *   amounts F.
 * - Forecast: the value of the approved and submitted hours extrapolated at the pace so far
 *   (× days in the period / days elapsed), plus F, plus the committed fees not yet approved.
 * - Alert, per chantier with an envelope: OVER when the demand exceeds it, WARN when the demand or
 *   the forecast reaches 80 % of it, else NONE.
 */
import { differenceInCalendarDays, parseISO } from 'date-fns';
import {
  computePayoutsWithClaims,
  createRateResolver,
  fromExactNumber,
  add,
  mul,
  rational,
  roundHalfUp,
  ZERO,
  type Rational,
  type ApprovedClaim,
  type ApprovedContribution,
  type ClaimsPricingSettings,
} from '@/lib/pricing';
import { plannedLineCents } from './planned';

export type PlanAlert = 'NONE' | 'WARN' | 'OVER';

/** One line of a chantier's plan: a person, or anyone (`personId: null`). */
export interface PlanLineInput {
  chantierId: string;
  personId: string | null;
  plannedMinutes: number;
  plannedFixedCents: number;
}

/** A contribution of the period that is SUBMITTED or APPROVED (others are left out by the caller). */
export interface DeclaredContribution extends ApprovedContribution {
  status: 'SUBMITTED' | 'APPROVED';
}

/** A fixed fee committed before the work (COMMITTED, or submitted but not yet approved). */
export interface CommittedFee {
  chantierId: string;
  personId: string;
  amountCents: number;
}

export interface DashboardInput {
  settings: ClaimsPricingSettings;
  /** First and last day of the period, inclusive, `YYYY-MM-DD`. */
  startDate: string;
  endDate: string;
  /** Today in the collective's time zone, `YYYY-MM-DD`. */
  today: string;
  chantierIds: readonly string[];
  plan: readonly PlanLineInput[];
  /** The approved contributions (or stand-ins that price the same: see `splitDeclared`). */
  approved: readonly ApprovedContribution[];
  /** The approved and the submitted ones together, priced as if all were approved. */
  declared: readonly ApprovedContribution[];
  approvedClaims: readonly ApprovedClaim[];
  committedFees: readonly CommittedFee[];
}

export interface DashboardLine {
  personId: string | null;
  plannedMinutes: number;
  plannedFixedCents: number;
  plannedCents: number;
  submittedMinutes: number;
  approvedMinutes: number;
}

export interface DashboardChantier {
  chantierId: string;
  envelopeCents: number | null;
  plannedMinutes: number;
  plannedCents: number;
  submittedMinutes: number;
  approvedMinutes: number;
  fixedCents: number;
  demandCents: number;
  forecastCents: number;
  alert: PlanAlert;
  lines: DashboardLine[];
}

export interface Dashboard {
  asOf: string;
  elapsedDays: number;
  totalDays: number;
  chantiers: DashboardChantier[];
}

const byKey = (a: string | null, b: string | null) => {
  if (a === b) return 0;
  if (a === null) return 1; // "anyone" last
  if (b === null) return -1;
  return a < b ? -1 : 1;
};

/** Days of the period, and the days elapsed by `today` (counting today, at most the period). */
export function periodDays(startDate: string, endDate: string, today: string) {
  const totalDays = differenceInCalendarDays(parseISO(endDate), parseISO(startDate)) + 1;
  const elapsed = differenceInCalendarDays(parseISO(today), parseISO(startDate)) + 1;
  return { totalDays, elapsedDays: Math.min(Math.max(elapsed, 0), totalDays) };
}

/**
 * The two sets `computeDashboard` prices, from the declared contributions themselves. The server
 * passes instead stand-ins summed by the database, which price to the same cents
 * (`lib/plans/server/plan.ts`).
 */
export function splitDeclared(contributions: readonly DeclaredContribution[]): {
  approved: ApprovedContribution[];
  declared: ApprovedContribution[];
} {
  const declared = contributions.map(({ status: _status, ...rest }): ApprovedContribution => rest);
  return { approved: declared.filter((_, index) => contributions[index]!.status === 'APPROVED'), declared };
}

/** The alert for a chantier: monotone in the demand and in the forecast. */
export function alertFor(envelopeCents: number | null, demandCents: number, forecastCents: number): PlanAlert {
  if (envelopeCents === null) return 'NONE';
  if (demandCents > envelopeCents) return 'OVER';
  // 80 % without floating point: 5 × amount ≥ 4 × envelope.
  if (5 * Math.max(demandCents, forecastCents) >= 4 * envelopeCents) return 'WARN';
  return 'NONE';
}

/** The exact demand of each chantier's hours (after the cap, before the envelope), by pricing. */
function hoursDemand(settings: ClaimsPricingSettings, contributions: readonly ApprovedContribution[]) {
  // Without envelopes the overflow policy changes nothing; PRORATA lets stand-ins summed per
  // person × chantier price as the contributions themselves would.
  const priced = computePayoutsWithClaims({
    settings: { ...settings, overflowPolicy: 'PRORATA', envelopes: [] },
    contributions,
    claims: [],
  });
  const demand = new Map<string, Rational>();
  for (const line of priced.lines) {
    if (!demand.has(line.chantierId))
      demand.set(line.chantierId, fromExactNumber(line.explanation.chantierDemandCents));
  }
  return demand;
}

export function computeDashboard(input: DashboardInput): Dashboard {
  const { totalDays, elapsedDays } = periodDays(input.startDate, input.endDate, input.today);
  const rateOf = createRateResolver(input.settings);
  const approvedDemand = hoursDemand(input.settings, input.approved);
  const declaredDemand = hoursDemand(input.settings, input.declared);
  const fixedOf = computePayoutsWithClaims({
    settings: { ...input.settings, envelopes: [] },
    contributions: [],
    claims: input.approvedClaims,
  });
  const fixedByChantier = new Map(fixedOf.chantiers.map((chantier) => [chantier.chantierId, chantier.fixedCents]));
  const envelopeByChantier = new Map(input.settings.envelopes.map((e) => [e.chantierId, e.amountCents]));

  const chantiers = [...input.chantierIds].sort().map((chantierId): DashboardChantier => {
    const lines = new Map<string | null, DashboardLine>();
    const lineFor = (personId: string | null) => {
      let line = lines.get(personId);
      if (!line) {
        line = {
          personId,
          plannedMinutes: 0,
          plannedFixedCents: 0,
          plannedCents: 0,
          submittedMinutes: 0,
          approvedMinutes: 0,
        };
        lines.set(personId, line);
      }
      return line;
    };
    for (const planned of input.plan.filter((p) => p.chantierId === chantierId)) {
      const line = lineFor(planned.personId);
      line.plannedMinutes += planned.plannedMinutes;
      line.plannedFixedCents += planned.plannedFixedCents;
    }
    for (const line of lines.values()) {
      // "Anyone" (personId null) is priced at the chantier's rate, or the period's.
      const { rateCents } = rateOf(line.personId, chantierId);
      line.plannedCents = plannedLineCents(line.plannedMinutes, rateCents, line.plannedFixedCents);
    }
    // Submitted minutes are the declared ones less the approved ones.
    for (const contribution of input.declared.filter((c) => c.chantierId === chantierId))
      lineFor(contribution.personId).submittedMinutes += contribution.minutes;
    for (const contribution of input.approved.filter((c) => c.chantierId === chantierId)) {
      const line = lineFor(contribution.personId);
      line.approvedMinutes += contribution.minutes;
      line.submittedMinutes -= contribution.minutes;
    }

    const fixedCents = fixedByChantier.get(chantierId) ?? 0;
    const demandCents = Number(roundHalfUp(approvedDemand.get(chantierId) ?? ZERO)) + fixedCents;
    const committedCents = input.committedFees
      .filter((fee) => fee.chantierId === chantierId)
      .reduce((sum, fee) => sum + fee.amountCents, 0);
    const declaredValue = declaredDemand.get(chantierId) ?? ZERO;
    // Before the period starts there is no pace to extrapolate: the forecast is what is declared.
    const paced = elapsedDays === 0 ? declaredValue : mul(declaredValue, rational(totalDays, elapsedDays));
    const forecastCents = Number(roundHalfUp(add(paced, rational(fixedCents + committedCents))));
    const envelopeCents = envelopeByChantier.get(chantierId) ?? null;
    const sorted = [...lines.values()].sort((a, b) => byKey(a.personId, b.personId));
    const sum = (pick: (line: DashboardLine) => number) => sorted.reduce((total, line) => total + pick(line), 0);
    return {
      chantierId,
      envelopeCents,
      plannedMinutes: sum((line) => line.plannedMinutes),
      plannedCents: sum((line) => line.plannedCents),
      submittedMinutes: sum((line) => line.submittedMinutes),
      approvedMinutes: sum((line) => line.approvedMinutes),
      fixedCents,
      demandCents,
      forecastCents,
      alert: alertFor(envelopeCents, demandCents, forecastCents),
      lines: sorted,
    };
  });
  return { asOf: input.today, elapsedDays, totalDays, chantiers };
}
