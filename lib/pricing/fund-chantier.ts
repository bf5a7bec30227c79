/**
 * Steps 4 and 5 of the pricing rules for one chantier: fit its demand into its envelope by the
 * period's overflow policy, then round the chantier's total to the cent and share it out.
 */
import { shareOutByLargestRemainder, type RoundedShare } from './largest-remainder';
import { add, compare, rational, roundHalfUp, ZERO, type Rational } from './rational';
import type { OverflowPolicy } from './types';

/** One person's line in the chantier, after the cap. */
export interface ChantierLineDemand {
  personId: string;
  rateCents: number;
  paidMinutes: number;
}

/** The paid (non-volunteer, uncapped) part of one contribution. */
export interface PaidContribution {
  personId: string;
  paidMinutes: number;
}

export interface FundChantierOptions {
  /** At most one line per person. */
  lines: readonly ChantierLineDemand[];
  /** The chantier's paid contributions in funding order (date, createdAt, id); used by FIRST_COME. */
  paidContributionsInOrder: readonly PaidContribution[];
  envelopeCents: number | null;
  policy: OverflowPolicy;
}

export interface ChantierFunding {
  /** Exact sum of paid minutes × rate / 60, in cents. */
  demandCents: Rational;
  /** True when the demand exceeds the envelope, so the policy applied. */
  bound: boolean;
  /** Each person's exact amount in cents, before rounding. */
  exactCentsByPerson: Map<string, Rational>;
  /** The exact total rounded half up: the envelope itself when it binds. */
  totalCents: bigint;
  roundedByPerson: Map<string, RoundedShare>;
}

// Amounts are computed in sixtieths of a cent, where minutes × cents-per-hour is a whole number,
// so demand and FIRST_COME funding stay integer sums; only PRORATA needs a real fraction.
const SIXTY = 60n;

export function fundChantier(options: FundChantierOptions): ChantierFunding {
  const { lines, paidContributionsInOrder, envelopeCents, policy } = options;
  const value60ByPerson = new Map<string, bigint>();
  const rateByPerson = new Map<string, bigint>();
  let demand60 = 0n;
  for (const line of lines) {
    const value60 = BigInt(line.paidMinutes) * BigInt(line.rateCents);
    value60ByPerson.set(line.personId, value60);
    rateByPerson.set(line.personId, BigInt(line.rateCents));
    demand60 += value60;
  }

  const envelope60 = envelopeCents === null ? null : BigInt(envelopeCents) * SIXTY;
  const bound = envelope60 !== null && demand60 > envelope60;
  const exactCentsByPerson = new Map<string, Rational>();

  if (!bound || envelopeCents === null) {
    for (const [personId, value60] of value60ByPerson) exactCentsByPerson.set(personId, rational(value60, SIXTY));
  } else if (policy === 'PRORATA') {
    // value × envelope / demand, with both value and demand in sixtieths: the sixtieths cancel.
    for (const [personId, value60] of value60ByPerson) {
      exactCentsByPerson.set(personId, rational(value60 * BigInt(envelopeCents), demand60));
    }
  } else {
    const funded60ByPerson = new Map<string, bigint>([...value60ByPerson.keys()].map((id) => [id, 0n]));
    let remaining60 = envelope60 ?? 0n;
    for (const contribution of paidContributionsInOrder) {
      if (remaining60 === 0n) break;
      const rate = rateByPerson.get(contribution.personId);
      if (rate === undefined) throw new Error(`Contribution of ${contribution.personId} has no line in its chantier`);
      const wanted60 = BigInt(contribution.paidMinutes) * rate;
      // The contribution that crosses the envelope is funded in part.
      const funded60 = wanted60 < remaining60 ? wanted60 : remaining60;
      remaining60 -= funded60;
      funded60ByPerson.set(contribution.personId, (funded60ByPerson.get(contribution.personId) ?? 0n) + funded60);
    }
    for (const [personId, funded60] of funded60ByPerson) exactCentsByPerson.set(personId, rational(funded60, SIXTY));
  }

  let exactTotal = ZERO;
  for (const exact of exactCentsByPerson.values()) exactTotal = add(exactTotal, exact);
  // Both policies hand out the whole envelope when it binds; anything else is a bug, not a rounding matter.
  if (bound && compare(exactTotal, rational(envelopeCents ?? 0)) !== 0) {
    throw new Error('Pricing invariant broken: a binding envelope was not used exactly');
  }
  const totalCents = roundHalfUp(exactTotal);
  const shares = [...exactCentsByPerson].map(([personId, exactCents]) => ({ personId, exactCents }));

  return {
    demandCents: rational(demand60, SIXTY),
    bound,
    exactCentsByPerson,
    totalCents,
    roundedByPerson: shareOutByLargestRemainder(shares, totalCents),
  };
}
