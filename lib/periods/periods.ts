// Funding periods: create, edit (treasurer, only while open), list and read. Envelopes and rate
// overrides are replaced with the period in one transaction; `version` guards against two
// treasurers editing at once. The database refuses overlapping periods on its own (an exclusion
// constraint); the checks here come first so the refusal names the field.
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, can, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { getSettings } from '@/lib/settings/settings';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { fromIsoDate, toIsoDate } from '@/lib/format/date';
import { isCalendarDate } from '@/lib/validation/date';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { TPayoutRunOut, TPeriodInput, TPeriodListQuery, TPeriodOut, TPeriodPatch } from './schemas';
import { byString } from '@/lib/format/compare';
import { checkPlanAlertsAfterChange } from '@/lib/plans/server/alerts';

const periodInclude = { envelopes: true, rateOverrides: true } as const;
type PeriodRow = Prisma.FundingPeriodGetPayload<{ include: typeof periodInclude }>;

/**
 * A period as the API shows it. Rates naming another person are left out for a caller who may
 * not see other people's pay (transparency off, not a treasurer).
 */
export function toPeriodOut(period: PeriodRow, viewer?: { id: string; seesEveryone: boolean }): TPeriodOut {
  const rates = period.rateOverrides
    .filter((rate) => !viewer || viewer.seesEveryone || rate.personId === null || rate.personId === viewer.id)
    .map((rate) => ({ personId: rate.personId, chantierId: rate.chantierId, rateCents: rate.rateCents }))
    .sort((a, b) => byString(a.personId ?? '', b.personId ?? '') || byString(a.chantierId ?? '', b.chantierId ?? ''));
  return {
    id: period.id,
    name: period.name,
    startDate: toIsoDate(period.startDate),
    endDate: toIsoDate(period.endDate),
    status: period.status,
    defaultRateCents: period.defaultRateCents,
    mileageRateCents: period.mileageRateCents,
    capMinutes: period.capMinutes,
    overflowPolicy: period.overflowPolicy,
    envelopes: period.envelopes
      .map((envelope) => ({ chantierId: envelope.chantierId, amountCents: envelope.amountCents }))
      .sort((a, b) => byString(a.chantierId, b.chantierId)),
    rates,
    version: period.version,
    closedAt: period.closedAt?.toISOString() ?? null,
    createdAt: period.createdAt.toISOString(),
    updatedAt: period.updatedAt.toISOString(),
  };
}

/** Whether this person sees every person's rates, lines and totals. */
export async function seesEveryone(actor: Actor): Promise<boolean> {
  return can(actor, 'payouts.readAll') || (await getSettings()).transparency;
}

/** True for the error PostgreSQL raises when two periods would share a day. */
function isOverlapViolation(error: unknown): boolean {
  for (let link: unknown = error, depth = 0; link && typeof link === 'object' && depth < 6; depth++) {
    const record = link as { message?: unknown; constraint?: unknown; cause?: unknown; originalError?: unknown };
    if (record.constraint === 'funding_periods_no_overlap') return true;
    if (typeof record.message === 'string' && record.message.includes('funding_periods_no_overlap')) return true;
    link = record.cause ?? record.originalError;
  }
  return false;
}

function overlapError(other?: { id: string; name: string }): AppError {
  return new AppError(
    'PERIOD_OVERLAP',
    other ? `This period overlaps “${other.name}”` : 'This period overlaps another one',
    {
      fields: { startDate: 'errors.PERIOD_OVERLAP' },
      details: other ? { overlaps: other } : undefined,
    },
  );
}

async function assertNoOverlap(tx: Tx, startDate: string, endDate: string, exceptId: string | null): Promise<void> {
  const [other] = await tx.$queryRaw<{ id: string; name: string }[]>`
    SELECT id, name FROM funding_periods
     WHERE daterange(start_date, end_date, '[]') && daterange(${startDate}::date, ${endDate}::date, '[]')
       AND id <> ${exceptId ?? ''}
     ORDER BY start_date LIMIT 1`;
  if (other) throw overlapError(other);
}

/** Envelopes and rates may only name chantiers and people that exist. */
async function assertTargetsExist(tx: Tx, input: Pick<TPeriodInput, 'envelopes' | 'rates'>): Promise<void> {
  const chantierIds = new Set([
    ...input.envelopes.map((envelope) => envelope.chantierId),
    ...input.rates.flatMap((rate) => (rate.chantierId ? [rate.chantierId] : [])),
  ]);
  const personIds = new Set(input.rates.flatMap((rate) => (rate.personId ? [rate.personId] : [])));
  const [chantiers, people] = await Promise.all([
    chantierIds.size ? tx.chantier.findMany({ where: { id: { in: [...chantierIds] } }, select: { id: true } }) : [],
    personIds.size ? tx.person.findMany({ where: { id: { in: [...personIds] } }, select: { id: true } }) : [],
  ]);
  const knownChantiers = new Set(chantiers.map((chantier) => chantier.id));
  const knownPeople = new Set(people.map((person) => person.id));
  const fields: Record<string, string> = {};
  input.envelopes.forEach((envelope, index) => {
    if (!knownChantiers.has(envelope.chantierId))
      fields[`envelopes.${index}.chantierId`] = 'validation.unknownChantier';
  });
  input.rates.forEach((rate, index) => {
    if (rate.personId && !knownPeople.has(rate.personId))
      fields[`rates.${index}.personId`] = 'errors.period.UNKNOWN_PERSON';
    if (rate.chantierId && !knownChantiers.has(rate.chantierId))
      fields[`rates.${index}.chantierId`] = 'validation.unknownChantier';
  });
  if (Object.keys(fields).length)
    throw new AppError('VALIDATION', 'Unknown chantier or person in envelopes or rates', { fields });
}

async function writeTargets(
  tx: Tx,
  periodId: string,
  input: Partial<Pick<TPeriodInput, 'envelopes' | 'rates'>>,
): Promise<void> {
  if (input.envelopes) {
    await tx.envelope.deleteMany({ where: { periodId } });
    if (input.envelopes.length)
      await tx.envelope.createMany({ data: input.envelopes.map((envelope) => ({ periodId, ...envelope })) });
  }
  if (input.rates) {
    await tx.rateOverride.deleteMany({ where: { periodId } });
    if (input.rates.length) {
      await tx.rateOverride.createMany({
        data: input.rates.map((rate) => ({
          periodId,
          personId: rate.personId ?? null,
          chantierId: rate.chantierId ?? null,
          rateCents: rate.rateCents,
        })),
      });
    }
  }
}

function mapOverlap(error: unknown): never {
  throw isOverlapViolation(error) ? overlapError() : error;
}

export async function createPeriod(options: { actor: Actor; input: TPeriodInput }): Promise<TPeriodOut> {
  assertCan(options.actor, 'periods.manage');
  const { envelopes, rates, startDate, endDate, ...fields } = options.input;
  return db()
    .$transaction(async (tx) => {
      await assertNoOverlap(tx, startDate, endDate, null);
      await assertTargetsExist(tx, { envelopes, rates });
      const created = await tx.fundingPeriod.create({
        data: { ...fields, startDate: fromIsoDate(startDate), endDate: fromIsoDate(endDate) },
      });
      await writeTargets(tx, created.id, { envelopes, rates });
      const period = await tx.fundingPeriod.findUniqueOrThrow({ where: { id: created.id }, include: periodInclude });
      await writeAudit(tx, {
        actorId: options.actor.id,
        action: 'period.created',
        entityType: 'period',
        entityId: period.id,
        data: { ...options.input },
      });
      return toPeriodOut(period);
    })
    .catch(mapOverlap);
}

/** Contributions keep their dates: a period cannot shrink past one of them. */
async function assertContributionsInside(tx: Tx, periodId: string, startDate: string, endDate: string): Promise<void> {
  const [range] = await tx.$queryRaw<{ first: string | null; last: string | null }[]>`
    SELECT to_char(min(date), 'YYYY-MM-DD') AS first, to_char(max(date), 'YYYY-MM-DD') AS last
      FROM (SELECT date FROM contributions WHERE period_id = ${periodId} AND deleted_at IS NULL
            UNION ALL
            SELECT date FROM claims WHERE period_id = ${periodId} AND deleted_at IS NULL) AS dated`;
  const fields: Record<string, string> = {};
  if (range?.first && range.first < startDate) fields.startDate = 'errors.period.CONTRIBUTIONS_OUTSIDE';
  if (range?.last && range.last > endDate) fields.endDate = 'errors.period.CONTRIBUTIONS_OUTSIDE';
  if (Object.keys(fields).length)
    throw new AppError(
      'VALIDATION',
      `Contributions and claims of this period lie between ${range.first} and ${range.last}`,
      {
        fields,
      },
    );
}

/**
 * Edits an open period. Fields left out keep their value; `envelopes` and `rates`, when given,
 * replace the whole list. A stale `expectedVersion` is refused, so nobody overwrites a change
 * they have not seen. Once committed, the envelope alerts are checked (docs/plans.md): a smaller
 * envelope, a higher rate or a longer period can cross 80 % or 100 % at once.
 */
export async function updatePeriod(options: {
  actor: Actor;
  periodId: string;
  input: TPeriodPatch;
  expectedVersion?: number;
}): Promise<TPeriodOut> {
  assertCan(options.actor, 'periods.manage');
  const { version, envelopes, rates, startDate: newStart, endDate: newEnd, ...changes } = options.input;
  const expectedVersion = options.expectedVersion ?? version;
  const updated = await db()
    .$transaction(async (tx) => {
      const [locked] = await tx.$queryRaw<
        { status: string; version: number }[]
      >`SELECT status::text AS status, version FROM funding_periods WHERE id = ${options.periodId} FOR UPDATE`;
      if (!locked) throw new AppError('NOT_FOUND', 'Period not found');
      if (locked.status !== 'OPEN') throw new AppError('PERIOD_NOT_OPEN', 'Only an open period can be edited');
      if (expectedVersion !== undefined && expectedVersion !== locked.version) {
        throw new AppError(
          'STALE_VERSION',
          `The period was changed in the meantime (version ${locked.version}, not ${expectedVersion})`,
          { details: { version: locked.version } },
        );
      }
      const before = await tx.fundingPeriod.findUniqueOrThrow({
        where: { id: options.periodId },
        include: periodInclude,
      });
      const startDate = newStart ?? toIsoDate(before.startDate);
      const endDate = newEnd ?? toIsoDate(before.endDate);
      if (endDate < startDate)
        throw new AppError('VALIDATION', 'The last day is before the first', {
          fields: { endDate: 'errors.period.END_BEFORE_START' },
        });
      if (newStart || newEnd) {
        await assertNoOverlap(tx, startDate, endDate, options.periodId);
        await assertContributionsInside(tx, options.periodId, startDate, endDate);
      }
      await assertTargetsExist(tx, { envelopes: envelopes ?? [], rates: rates ?? [] });
      await tx.fundingPeriod.update({
        where: { id: options.periodId },
        data: {
          ...changes,
          ...(newStart ? { startDate: fromIsoDate(newStart) } : {}),
          ...(newEnd ? { endDate: fromIsoDate(newEnd) } : {}),
          version: { increment: 1 },
        },
      });
      await writeTargets(tx, options.periodId, { envelopes, rates });
      const after = await tx.fundingPeriod.findUniqueOrThrow({
        where: { id: options.periodId },
        include: periodInclude,
      });
      await writeAudit(tx, {
        actorId: options.actor.id,
        action: 'period.updated',
        entityType: 'period',
        entityId: options.periodId,
        data: { before: toPeriodOut(before), after: toPeriodOut(after) },
      });
      return toPeriodOut(after);
    })
    .catch(mapOverlap);
  await checkPlanAlertsAfterChange([options.periodId]);
  return updated;
}

export async function listPeriods(
  options: { actor: Actor } & TPeriodListQuery,
): Promise<{ items: TPeriodOut[]; nextCursor: string | null }> {
  const after = decodeCursor(options.cursor);
  if (after && !isCalendarDate(after.key)) throw new AppError('BAD_REQUEST', 'Invalid cursor');
  const afterDate = after ? fromIsoDate(after.key) : null;
  const rows = await db().fundingPeriod.findMany({
    where: {
      ...(options.status ? { status: options.status } : {}),
      ...(afterDate && after
        ? { OR: [{ startDate: { lt: afterDate } }, { startDate: afterDate, id: { lt: after.id } }] }
        : {}),
    },
    orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
    take: options.limit + 1,
    include: periodInclude,
  });
  const viewer = { id: options.actor.id, seesEveryone: await seesEveryone(options.actor) };
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map((period) => toPeriodOut(period, viewer)),
    nextCursor:
      rows.length > options.limit && last ? encodeCursor({ key: toIsoDate(last.startDate), id: last.id }) : null,
  };
}

export type PeriodChoice = {
  id: string;
  name: string;
  status: TPeriodOut['status'];
  startDate: string;
  endDate: string;
};

/** The periods a filter offers (all of them, or the open ones), newest first: names and dates only. */
export async function listPeriodChoices(options: { actor: Actor; status?: 'OPEN' }): Promise<PeriodChoice[]> {
  const rows = await db().fundingPeriod.findMany({
    where: options.status ? { status: options.status } : {},
    orderBy: [{ startDate: 'desc' }, { id: 'desc' }],
    select: { id: true, name: true, status: true, startDate: true, endDate: true },
  });
  return rows.map((row) => ({ ...row, startDate: toIsoDate(row.startDate), endDate: toIsoDate(row.endDate) }));
}

function toRunOut(run: {
  id: string;
  status: 'CURRENT' | 'SUPERSEDED';
  totalAmountCents: number;
  createdAt: Date;
  supersededAt: Date | null;
  supersededReason: string | null;
}): TPayoutRunOut {
  return {
    id: run.id,
    status: run.status,
    totalAmountCents: run.totalAmountCents,
    createdAt: run.createdAt.toISOString(),
    supersededAt: run.supersededAt?.toISOString() ?? null,
    supersededReason: run.supersededReason,
  };
}

/** One period with its frozen runs, newest first (superseded ones included: they stay readable). */
export async function getPeriod(options: {
  actor: Actor;
  periodId: string;
}): Promise<TPeriodOut & { runs: TPayoutRunOut[] }> {
  const period = await db().fundingPeriod.findUnique({
    where: { id: options.periodId },
    include: { ...periodInclude, payoutRuns: { orderBy: [{ createdAt: 'desc' }, { id: 'desc' }] } },
  });
  if (!period) throw new AppError('NOT_FOUND', 'Period not found');
  const viewer = { id: options.actor.id, seesEveryone: await seesEveryone(options.actor) };
  return { ...toPeriodOut(period, viewer), runs: period.payoutRuns.map(toRunOut) };
}
