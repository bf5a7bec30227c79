// What a person's statement for a period says: the collective, the period, the person (and who is
// paid for them), their approved contributions with the rate each was paid at, every payout line
// in words, their approved claims (expenses, trips, fixed fees, in-kind gifts) with the names of
// their receipts, the amount, and whether and when it was paid. Read from the frozen run once the period
// is closed (its stored inputs and lines, so a statement reads the same forever), from the live
// preview while it is open. The person themselves and treasurers may read it; to anyone else it
// does not exist.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { can, type Actor } from '@/lib/auth/permissions';
import { getSettings } from '@/lib/settings/settings';
import { collectiveIdentityOf, type CollectiveIdentity } from '@/lib/settings/identity';
import { toIsoDate } from '@/lib/format/date';
import {
  computePayoutsWithClaims,
  type ApprovedClaim,
  type ApprovedContribution,
  type ClaimAmounts,
  type ClaimKind,
  type ClaimsPricingInput,
  type LineExplanation,
  type PayoutLine,
} from '@/lib/pricing';
import { loadPricingInput } from '@/lib/periods/payouts';
import { explainLine, type ExplainLocale } from '@/lib/periods/explain';
import { payeeName } from '@/lib/payees/payee';
import { todayIn } from '@/lib/contributions/server/periods';
import { latestActivePayment } from './payment-status';
import { UNSAFE_loadPeriodTreasury, type PeriodTreasury } from './period-treasury';
import { chantierLabel } from '@/lib/format/chantier';

export type StatementContribution = {
  date: string;
  chantier: string;
  place: string | null;
  description: string;
  minutes: number;
  volunteer: boolean;
  rateCents: number;
};
/** An approved claim as the statement lists it, with the names of its receipts. */
export type StatementClaim = {
  date: string;
  chantier: string;
  place: string | null;
  kind: ClaimKind;
  description: string;
  /** What it is worth: its amount, or distance × the period's mileage rate. */
  valueCents: number;
  distanceKm: number | null;
  mileageRateCents: number | null;
  receipts: string[];
};
export type StatementLine = ClaimAmounts & {
  chantier: string;
  words: string;
  amountCents: number;
  approvedMinutes: number;
  volunteerMinutes: number;
  volunteerValueCents: number;
  unpaidValueCents: number;
};

export type Statement = {
  collectiveName: string;
  /** Legal name, address, SIRET, RNA as the settings hold them. */
  collectiveIdentity?: CollectiveIdentity;
  /** Who closed the period, and when: they certify the frozen figures. Null while open. */
  certifiedBy?: { name: string; on: string } | null;
  period: {
    id: string;
    name: string;
    startDate: string;
    endDate: string;
    status: 'OPEN' | 'CLOSED' | 'PAID';
    closedOn: string | null;
  };
  person: {
    id: string;
    name: string;
    legalName: string | null;
    siret: string | null;
    address: string[];
    payeeName: string;
    paidToOrganisation: boolean;
  };
  contributions: StatementContribution[];
  claims: StatementClaim[];
  lines: StatementLine[];
  totals: ClaimAmounts & {
    amountCents: number;
    approvedMinutes: number;
    volunteerMinutes: number;
    volunteerValueCents: number;
    unpaidValueCents: number;
  };
  payment: { paidOn: string; reference: string } | null;
  issuedOn: string;
};

/** Everything the statements of one period share, read once (a zip reads it for everyone). */
export type StatementContext = {
  collectiveName: string;
  collectiveIdentity: CollectiveIdentity;
  certifiedBy: { name: string; on: string } | null;
  timeZone: string;
  period: Statement['period'];
  lines: (PayoutLine & ClaimAmounts)[];
  contributions: readonly ApprovedContribution[];
  claims: readonly ApprovedClaim[];
  mileageRateCents: number | null;
  chantierNames: Map<string, string>;
  placeNames: Map<string, string>;
  treasury: PeriodTreasury | null;
};

/** Who may read a person's statement: that person, and treasurers. */
export function canReadStatement(actor: Pick<Actor, 'id' | 'roles'>, personId: string): boolean {
  return actor.id === personId || can(actor, 'exports.read');
}

async function frozenRun(
  periodId: string,
): Promise<{ input: ClaimsPricingInput; lines: (PayoutLine & ClaimAmounts)[] }> {
  const run = await db().payoutRun.findFirst({ where: { periodId, status: 'CURRENT' }, include: { lines: true } });
  if (!run) throw new AppError('NOT_FOUND', 'This period has no current payout run');
  const lines = run.lines.map(({ id: _id, runId: _runId, explanation, ...line }) => ({
    ...line,
    // Runs frozen before claims stored no hours part: it is what the claims leave of the amount.
    hoursAmountCents: line.amountCents - line.expensesCents - line.fixedFeesCents,
    explanation: explanation as unknown as LineExplanation,
  }));
  const input = run.inputs as unknown as Omit<ClaimsPricingInput, 'claims'> & { claims?: ApprovedClaim[] };
  return { input: { ...input, claims: input.claims ?? [] }, lines };
}

export async function UNSAFE_loadStatementContext(periodId: string): Promise<StatementContext> {
  const [period, settings, chantiers, places] = await Promise.all([
    db().fundingPeriod.findUnique({
      where: { id: periodId },
      select: {
        id: true,
        name: true,
        status: true,
        startDate: true,
        endDate: true,
        closedAt: true,
        closedBy: { select: { name: true } },
      },
    }),
    getSettings(),
    db().chantier.findMany({ select: { id: true, code: true, name: true } }),
    db().place.findMany({ select: { id: true, name: true } }),
  ]);
  if (!period) throw new AppError('NOT_FOUND', 'Period not found');
  const source =
    period.status === 'OPEN'
      ? await (async () => {
          const input = await loadPricingInput(db(), periodId);
          return { input, lines: computePayoutsWithClaims(input).lines };
        })()
      : await frozenRun(periodId);
  return {
    collectiveName: settings.name,
    collectiveIdentity: collectiveIdentityOf(settings),
    certifiedBy:
      period.status !== 'OPEN' && period.closedAt && period.closedBy
        ? { name: period.closedBy.name, on: todayIn(settings.timeZone, period.closedAt) }
        : null,
    timeZone: settings.timeZone,
    period: {
      id: period.id,
      name: period.name,
      startDate: toIsoDate(period.startDate),
      endDate: toIsoDate(period.endDate),
      status: period.status,
      closedOn: period.closedAt && period.status !== 'OPEN' ? todayIn(settings.timeZone, period.closedAt) : null,
    },
    lines: source.lines,
    contributions: source.input.contributions,
    claims: source.input.claims,
    mileageRateCents: source.input.settings.mileageRateCents ?? null,
    chantierNames: new Map(chantiers.map((chantier) => [chantier.id, chantierLabel(chantier)])),
    placeNames: new Map(places.map((place) => [place.id, place.name])),
    treasury: period.status === 'OPEN' ? null : await UNSAFE_loadPeriodTreasury(db(), periodId),
  };
}

/** The people a period has a statement for: everyone with a payout line. */
export function statementPeople(context: StatementContext): string[] {
  return [...new Set(context.lines.map((line) => line.personId))].sort();
}

const byDate = (a: ApprovedContribution, b: ApprovedContribution) =>
  a.date < b.date
    ? -1
    : a.date > b.date
      ? 1
      : a.createdAt < b.createdAt
        ? -1
        : a.createdAt > b.createdAt
          ? 1
          : a.id < b.id
            ? -1
            : 1;

/** The descriptions of claims and the names of their receipts (oldest first), by claim id. */
async function claimDescriptions(ids: string[]): Promise<Map<string, { description: string; receipts: string[] }>> {
  if (ids.length === 0) return new Map();
  const rows = await db().$queryRaw<{ id: string; description: string; receipts: string[] }[]>`
    SELECT c.id, c.description,
           coalesce(array_agg(a.file_name ORDER BY a.created_at, a.id) FILTER (WHERE a.id IS NOT NULL), '{}') AS receipts
      FROM claims c LEFT JOIN attachments a ON a.claim_id = c.id
     WHERE c.id = ANY(${ids}::text[])
     GROUP BY c.id, c.description`;
  return new Map(rows.map((row) => [row.id, { description: row.description, receipts: row.receipts }]));
}

/** One person's statement, or null when they have no payout line in the period. */
export async function statementFor(
  context: StatementContext,
  personId: string,
  locale: ExplainLocale,
): Promise<Statement | null> {
  const lines = context.lines.filter((line) => line.personId === personId);
  if (lines.length === 0) return null;
  const contributions = context.contributions.filter((contribution) => contribution.personId === personId).sort(byDate);
  const claims = context.claims
    .filter((claim) => claim.personId === personId)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  const [person, details, claimDetails] = await Promise.all([
    db().person.findUnique({ where: { id: personId }, select: { id: true, name: true, payoutProfile: true } }),
    db().contribution.findMany({
      where: { id: { in: contributions.map((contribution) => contribution.id) } },
      select: { id: true, description: true },
    }),
    claimDescriptions(claims.map((claim) => claim.id)),
  ]);
  if (!person) return null;
  const descriptionOf = new Map(details.map((detail) => [detail.id, detail.description]));
  const rateOf = new Map(lines.map((line) => [line.chantierId, line.rateCents]));
  const chantier = (id: string) => context.chantierNames.get(id) ?? id;
  const profile = person.payoutProfile;
  const payeeKey = context.treasury?.payeeKeyByPerson.get(personId);
  const paid = payeeKey ? latestActivePayment(context.treasury?.statuses.get(payeeKey)) : null;
  const paidInFull = payeeKey ? context.treasury?.statuses.get(payeeKey)?.state === 'PAID' : false;
  return {
    collectiveName: context.collectiveName,
    collectiveIdentity: context.collectiveIdentity,
    certifiedBy: context.certifiedBy,
    period: context.period,
    person: {
      id: person.id,
      name: person.name,
      legalName: profile?.legalName ?? null,
      siret: profile?.siret ?? null,
      address: profile
        ? [
            profile.addressLine1,
            profile.addressLine2,
            [profile.postalCode, profile.city].filter(Boolean).join(' '),
            profile.country === 'FR' ? null : profile.country,
          ].filter((part): part is string => Boolean(part))
        : [],
      payeeName: payeeName(profile, person),
      paidToOrganisation: profile?.payeeType === 'ORGANISATION',
    },
    contributions: contributions.map((contribution) => ({
      date: contribution.date,
      chantier: chantier(contribution.chantierId),
      place: contribution.placeId ? (context.placeNames.get(contribution.placeId) ?? null) : null,
      description: descriptionOf.get(contribution.id) ?? '',
      minutes: contribution.minutes,
      volunteer: contribution.volunteer,
      rateCents: rateOf.get(contribution.chantierId) ?? 0,
    })),
    claims: claims.map((claim) => {
      const trip = claim.kind === 'MILEAGE';
      return {
        date: claim.date,
        chantier: chantier(claim.chantierId),
        place: claim.placeId ? (context.placeNames.get(claim.placeId) ?? null) : null,
        kind: claim.kind,
        description: claimDetails.get(claim.id)?.description ?? '',
        valueCents: trip ? (claim.distanceKm ?? 0) * (context.mileageRateCents ?? 0) : (claim.amountCents ?? 0),
        distanceKm: trip ? (claim.distanceKm ?? null) : null,
        mileageRateCents: trip ? context.mileageRateCents : null,
        receipts: claimDetails.get(claim.id)?.receipts ?? [],
      };
    }),
    lines: lines.map((line) => ({
      chantier: chantier(line.chantierId),
      hoursAmountCents: line.hoursAmountCents,
      expensesCents: line.expensesCents,
      fixedFeesCents: line.fixedFeesCents,
      inKindValueCents: line.inKindValueCents,
      words: explainLine(line, locale),
      amountCents: line.amountCents,
      approvedMinutes: line.approvedMinutes,
      volunteerMinutes: line.volunteerMinutes,
      volunteerValueCents: line.volunteerValueCents,
      unpaidValueCents: line.unpaidValueCents,
    })),
    totals: {
      amountCents: lines.reduce((sum, line) => sum + line.amountCents, 0),
      hoursAmountCents: lines.reduce((sum, line) => sum + line.hoursAmountCents, 0),
      expensesCents: lines.reduce((sum, line) => sum + line.expensesCents, 0),
      fixedFeesCents: lines.reduce((sum, line) => sum + line.fixedFeesCents, 0),
      inKindValueCents: lines.reduce((sum, line) => sum + line.inKindValueCents, 0),
      approvedMinutes: lines.reduce((sum, line) => sum + line.approvedMinutes, 0),
      volunteerMinutes: lines.reduce((sum, line) => sum + line.volunteerMinutes, 0),
      volunteerValueCents: lines.reduce((sum, line) => sum + line.volunteerValueCents, 0),
      unpaidValueCents: lines.reduce((sum, line) => sum + line.unpaidValueCents, 0),
    },
    payment: paid && paidInFull ? { paidOn: paid.paidOn, reference: paid.reference } : null,
    issuedOn: todayIn(context.timeZone),
  };
}

/** A person's statement for the period; NOT_FOUND to anyone but them and treasurers, and when there is none. */
export async function getStatement(options: {
  actor: Actor;
  periodId: string;
  personId: string;
  locale: ExplainLocale;
}): Promise<Statement> {
  if (!canReadStatement(options.actor, options.personId)) throw new AppError('NOT_FOUND', 'Statement not found');
  const statement = await statementFor(
    await UNSAFE_loadStatementContext(options.periodId),
    options.personId,
    options.locale,
  );
  if (!statement) throw new AppError('NOT_FOUND', 'Statement not found: this person has no payout line in this period');
  return statement;
}
