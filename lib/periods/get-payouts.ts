// The payouts of a period as a person may see them: the live preview of an open period
// (`frozen: false`, computed by the pricing module from the approved contributions), or the lines
// of a frozen payout run read back exactly as they were stored (`frozen: true`). Everyone sees
// every line when the collective's transparency is on; otherwise only treasurers do, and the
// others see their own lines alone. Each line and total carries the claim parts (step 0,
// docs/pricing.md): hours, expenses, fixed fees, in-kind value.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import {
  computePayoutsWithClaims,
  pricedChantier,
  summarisePricedLines,
  type ClaimAmounts,
  type LineExplanation,
  type PayoutLine,
  type PricedChantier,
} from '@/lib/pricing';
import { loadPreviewPricingInput } from './payouts';
import { seesEveryone } from './periods';
import { roundExactCents } from './explain';
import type { TPayoutsOut } from './schemas';
import { byString } from '@/lib/format/compare';
import { metrics, timed } from '@/lib/metrics';

type StoredLine = Omit<PayoutLine, 'explanation'> & Omit<ClaimAmounts, 'hoursAmountCents'> & { explanation: unknown };
/** A payout line as the API gives it: the module's line with its claim parts. */
export type PayoutLineWithClaims = PayoutLine & ClaimAmounts;

/** The envelope use of a frozen run, from its stored lines and inputs — never recomputed. */
export function summariseChantiers(
  lines: readonly PayoutLineWithClaims[],
  envelopes: readonly { chantierId: string; amountCents: number }[],
): PricedChantier[] {
  const envelopeOf = new Map(envelopes.map((envelope) => [envelope.chantierId, envelope.amountCents]));
  const chantierIds = [...new Set([...lines.map((line) => line.chantierId), ...envelopeOf.keys()])].sort(byString);
  return chantierIds.map((chantierId) => {
    const chantierLines = lines.filter((line) => line.chantierId === chantierId);
    const first = (chantierLines.find((line) => line.approvedMinutes > 0) ?? chantierLines[0])?.explanation;
    return pricedChantier(chantierId, chantierLines, {
      envelopeCents: envelopeOf.get(chantierId) ?? null,
      fixedCents: chantierLines.reduce((total, line) => total + line.expensesCents + line.fixedFeesCents, 0),
      demandCents: first ? roundExactCents(first.chantierDemandCents) : 0,
      bound: first?.envelopeBound ?? false,
    });
  });
}

function storedEnvelopes(inputs: unknown): { chantierId: string; amountCents: number }[] {
  const envelopes = (inputs as { settings?: { envelopes?: unknown } } | null)?.settings?.envelopes;
  if (!Array.isArray(envelopes)) return [];
  return envelopes.filter(
    (envelope): envelope is { chantierId: string; amountCents: number } =>
      typeof envelope?.chantierId === 'string' && Number.isInteger(envelope?.amountCents),
  );
}

function toPayoutLine(line: StoredLine): PayoutLineWithClaims {
  return {
    personId: line.personId,
    chantierId: line.chantierId,
    rateCents: line.rateCents,
    rateSource: line.rateSource,
    approvedMinutes: line.approvedMinutes,
    volunteerMinutes: line.volunteerMinutes,
    cappedMinutes: line.cappedMinutes,
    amountCents: line.amountCents,
    unpaidValueCents: line.unpaidValueCents,
    volunteerValueCents: line.volunteerValueCents,
    // Runs frozen before claims stored no hours part: it is what the claims leave of the amount.
    hoursAmountCents: line.amountCents - line.expensesCents - line.fixedFeesCents,
    expensesCents: line.expensesCents,
    fixedFeesCents: line.fixedFeesCents,
    inKindValueCents: line.inKindValueCents,
    explanation: line.explanation as LineExplanation,
  };
}

async function frozenRun(periodId: string, runId: string | undefined) {
  // The stored inputs hold every contribution (megabytes for a large period): only the envelopes
  // are needed here, so only they are read, in the database.
  const run = await db().payoutRun.findFirst({
    where: runId ? { id: runId, periodId } : { periodId, status: 'CURRENT' },
    select: { id: true, status: true, totalAmountCents: true, lines: true },
  });
  if (!run)
    throw new AppError(
      'NOT_FOUND',
      runId ? 'No such payout run in this period' : 'This period has no current payout run',
    );
  const [stored] = await db().$queryRaw<
    { envelopes: unknown }[]
  >`SELECT inputs->'settings'->'envelopes' AS envelopes FROM payout_runs WHERE id = ${run.id}`;
  const lines = run.lines
    .map(toPayoutLine)
    .sort((a, b) => byString(a.personId, b.personId) || byString(a.chantierId, b.chantierId));
  // The run's total is the one it was frozen with (what is paid); the values left unpaid are not
  // stored on the run, so they are summed from its lines.
  const { people, totals } = summarisePricedLines(lines);
  return {
    runId: run.id,
    runStatus: run.status,
    lines,
    people,
    totals: { ...totals, amountCents: run.totalAmountCents },
    chantiers: summariseChantiers(lines, storedEnvelopes({ settings: { envelopes: stored?.envelopes } })),
  };
}

/**
 * The payouts of a period for this person. `runId` reads a given frozen run of the period (a
 * superseded one included); without it, an open period gives its live preview and a closed or
 * paid one its current run.
 */
export async function getPayouts(options: { actor: Actor; periodId: string; runId?: string }): Promise<TPayoutsOut> {
  const period = await db().fundingPeriod.findUnique({
    where: { id: options.periodId },
    select: { id: true, status: true },
  });
  if (!period) throw new AppError('NOT_FOUND', 'Period not found');
  const source =
    options.runId || period.status !== 'OPEN'
      ? { frozen: true, ...(await frozenRun(period.id, options.runId)) }
      : await (async () => {
          const result = await timed(metrics().previewDuration, async () =>
            computePayoutsWithClaims(await loadPreviewPricingInput(period.id)),
          );
          // The preview's claims are stand-ins summed per kind (loadPreviewClaims): not shown.
          const lines = result.lines.map(({ claims: _claims, ...line }) => line);
          return { frozen: false, runId: null, runStatus: null, ...result, lines };
        })();

  const everyone = await seesEveryone(options.actor);
  // Someone who sees only their own lines gets the totals of those lines, not the collective's.
  const lines = everyone ? source.lines : source.lines.filter((line) => line.personId === options.actor.id);
  const { people, totals } = everyone ? source : summarisePricedLines(lines);
  return {
    periodId: period.id,
    status: period.status,
    frozen: source.frozen,
    runId: source.runId,
    runStatus: source.runStatus,
    scope: everyone ? 'ALL' : 'OWN',
    lines,
    people,
    chantiers: everyone ? source.chantiers : [],
    totals,
  };
}
