// Reading contributions: lists (filtered, keyset-paginated, limited to what the reader may see),
// one contribution, and its history.
import type { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { getSettings } from '@/lib/settings/settings';
import { ZCalendarDate, type TContributionFilters } from '@/lib/contributions/inputs';
import { canSee, toContributionOut, type TContributionOut } from '@/lib/contributions/server/load';
import { fromIsoDate, toIsoDate } from '@/lib/format/date';

export type TContributionListItem = TContributionOut & { personName: string; chantierName: string; placeName: string | null; lastComment: string | null };

/** What this reader may see: their own, what they review, and approved ones under transparency. */
export function visibilityWhere(actor: Actor, transparency: boolean): Prisma.ContributionWhereInput {
  const or: Prisma.ContributionWhereInput[] = [{ personId: actor.id }];
  if (actor.roles.includes('ADMIN')) or.push({ status: { not: 'DRAFT' } });
  else if (actor.referentOf.length) or.push({ status: { not: 'DRAFT' }, chantierId: { in: actor.referentOf } });
  if (transparency || actor.roles.includes('TREASURER')) or.push({ status: 'APPROVED' });
  return { OR: or };
}

/** "review": what waits for this referent (never their own); "approved": the transparency list. */
export type ListScope = 'all' | 'mine' | 'review' | 'approved';

type Filters = Omit<TContributionFilters, 'cursor' | 'limit'>;

/** The conditions of a list: visibility, scope and filters; shared by the page and its totals. */
function listWhere(actor: Actor, filters: Filters, scope: ListScope, transparency: boolean): Prisma.ContributionWhereInput[] {
  const and: Prisma.ContributionWhereInput[] = [{ deletedAt: null }, visibilityWhere(actor, transparency)];
  if (scope === 'mine') and.push({ personId: actor.id });
  if (scope === 'review') {
    and.push({ status: 'SUBMITTED', personId: { not: actor.id } });
    if (!actor.roles.includes('ADMIN')) and.push({ chantierId: { in: actor.referentOf } });
  }
  if (scope === 'approved') and.push({ status: 'APPROVED' });
  if (filters.periodId) and.push({ periodId: filters.periodId });
  if (filters.chantierId) and.push({ chantierId: filters.chantierId });
  if (filters.personId) and.push({ personId: filters.personId });
  if (filters.placeId) and.push({ placeId: filters.placeId });
  if (filters.status) and.push({ status: filters.status });
  if (filters.from) and.push({ date: { gte: fromIsoDate(filters.from) } });
  if (filters.to) and.push({ date: { lte: fromIsoDate(filters.to) } });
  return and;
}

export async function listContributions(options: { actor: Actor; filters: TContributionFilters; scope?: ListScope; order?: 'desc' | 'asc' }) {
  const { actor, filters } = options;
  const settings = await getSettings();
  const and = listWhere(actor, filters, options.scope ?? 'all', settings.transparency);
  const direction = options.order ?? 'desc';
  const after = decodeCursor(filters.cursor);
  if (after && !ZCalendarDate.safeParse(after.key).success) throw new AppError('BAD_REQUEST', 'Invalid cursor');
  if (after) {
    const comparison = direction === 'desc' ? 'lt' : 'gt';
    // The bound on the date alone is redundant with the OR, but it lets PostgreSQL start the index
    // scan at the cursor instead of walking every row before it (deep pages stay as fast as the first).
    and.push({ date: { [direction === 'desc' ? 'lte' : 'gte']: fromIsoDate(after.key) } });
    and.push({ OR: [{ date: { [comparison]: fromIsoDate(after.key) } }, { date: fromIsoDate(after.key), id: { [comparison]: after.id } }] });
  }
  const rows = await db().contribution.findMany({
    where: { AND: and },
    orderBy: [{ date: direction }, { id: direction }],
    take: filters.limit + 1,
    include: {
      person: { select: { name: true } },
      chantier: { select: { name: true } },
      place: { select: { name: true } },
      events: { where: { comment: { not: null }, kind: 'TRANSITION' }, orderBy: { id: 'desc' }, take: 1, select: { comment: true } },
    },
  });
  const page = rows.slice(0, filters.limit);
  const last = page.at(-1);
  const items: TContributionListItem[] = page.map((row) => ({
    ...toContributionOut(row),
    personName: row.person.name,
    chantierName: row.chantier.name,
    placeName: row.place?.name ?? null,
    lastComment: row.events[0]?.comment ?? null,
  }));
  return { items, nextCursor: rows.length > filters.limit && last ? encodeCursor({ key: toIsoDate(last.date), id: last.id }) : null };
}

/** Minutes per chantier of what a list shows, for its totals (same filters, no pagination). */
export async function totalsByChantier(options: { actor: Actor; filters: Filters; scope?: ListScope }) {
  const settings = await getSettings();
  const where = { AND: listWhere(options.actor, options.filters, options.scope ?? 'all', settings.transparency) };
  const groups = await db().contribution.groupBy({ by: ['chantierId'], where, _sum: { minutes: true } });
  return groups.map((group) => ({ chantierId: group.chantierId, minutes: group._sum.minutes ?? 0 }));
}

export async function getContribution(options: { actor: Actor; id: string }) {
  const row = await db().contribution.findFirst({ where: { id: options.id, deletedAt: null } });
  const settings = await getSettings();
  if (!row || !canSee(options.actor, { person_id: row.personId, chantier_id: row.chantierId, status: row.status }, settings.transparency)) {
    throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
  }
  return toContributionOut(row);
}

export async function getContributionHistory(options: { actor: Actor; id: string }) {
  const row = await db().contribution.findUnique({ where: { id: options.id } });
  const settings = await getSettings();
  if (!row || !canSee(options.actor, { person_id: row.personId, chantier_id: row.chantierId, status: row.status }, settings.transparency)) {
    throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
  }
  const events = await db().contributionEvent.findMany({
    where: { contributionId: options.id },
    orderBy: { id: 'asc' },
    include: { actor: { select: { id: true, name: true } } },
  });
  return events.map((event) => ({
    id: String(event.id),
    at: event.at.toISOString(),
    kind: event.kind,
    actorId: event.actor.id,
    actorName: event.actor.name,
    fromStatus: event.fromStatus,
    toStatus: event.toStatus,
    comment: event.comment,
    previousValues: event.previousValues,
  }));
}
