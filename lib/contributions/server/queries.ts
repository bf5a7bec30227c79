// Reading contributions: lists (filtered, keyset-paginated, limited to what the reader may see),
// one contribution, and its history.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { getSettings } from '@/lib/settings/settings';
import { ZCalendarDate, type TContributionFilters } from '@/lib/contributions/inputs';
import { canSeeContribution, contributionScope, type ChantierScope } from '@/lib/contributions/policy';
import { toContributionOut, type ContributionFields, type TContributionOut } from '@/lib/contributions/server/load';

export type TContributionListItem = TContributionOut & {
  personName: string;
  chantierName: string;
  chantierCode: string | null;
  placeName: string | null;
  lastComment: string | null;
};

/** "review": what waits for this referent (never their own); "approved": the transparency list. */
export type ListScope = 'all' | 'mine' | 'review' | 'approved';

type Filters = Omit<TContributionFilters, 'cursor' | 'limit'>;

const and = (conditions: Prisma.Sql[]) => Prisma.join(conditions, ' AND ');

/**
 * The collective's transparency, read inside the list's own query (one round trip, not two). The
 * settings row is written the first time anyone reads it; until then its default (on) applies.
 */
const TRANSPARENCY = Prisma.sql`COALESCE((SELECT s.transparency FROM collective_settings s WHERE s.id = 1), true)`;

/** `c.chantier_id` within a chantier scope, in SQL (false for none, so the planner drops it). */
function chantierIn(scope: ChantierScope): Prisma.Sql {
  if (scope.kind === 'all') return Prisma.sql`true`;
  if (scope.chantierIds.length === 0) return Prisma.sql`false`;
  return Prisma.sql`c.chantier_id = ANY(${scope.chantierIds}::text[])`;
}

/** What this reader may see, in SQL: `canSeeContribution` of the policy, over `contributions c`. */
function visibility(actor: Actor): Prisma.Sql {
  const scope = contributionScope(actor);
  const approved = scope.approved === 'always' ? Prisma.sql`true` : TRANSPARENCY;
  return Prisma.sql`(c.person_id = ${actor.id}
    OR (c.status <> 'DRAFT' AND ${chantierIn(scope.reviews)})
    OR (c.status = 'APPROVED' AND ${approved}))`;
}

/** The conditions of a list, in SQL over `contributions c`: visibility, scope and filters; shared by the page and its totals. */
function listConditions(actor: Actor, filters: Filters, scope: ListScope): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`c.deleted_at IS NULL`, visibility(actor)];
  if (scope === 'mine') conditions.push(Prisma.sql`c.person_id = ${actor.id}`);
  if (scope === 'review') {
    const { reviews } = contributionScope(actor);
    conditions.push(Prisma.sql`c.status = 'SUBMITTED'`, Prisma.sql`c.person_id <> ${actor.id}`, chantierIn(reviews));
  }
  if (scope === 'approved') conditions.push(Prisma.sql`c.status = 'APPROVED'`);
  if (filters.periodId) conditions.push(Prisma.sql`c.period_id = ${filters.periodId}`);
  if (filters.chantierId) conditions.push(Prisma.sql`c.chantier_id = ${filters.chantierId}`);
  if (filters.personId) conditions.push(Prisma.sql`c.person_id = ${filters.personId}`);
  if (filters.placeId) conditions.push(Prisma.sql`c.place_id = ${filters.placeId}`);
  if (filters.status) conditions.push(Prisma.sql`c.status = ${filters.status}::"ContributionStatus"`);
  if (filters.from) conditions.push(Prisma.sql`c.date >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`c.date <= ${filters.to}::date`);
  return conditions;
}

type ListRow = ContributionFields & {
  personName: string;
  chantierName: string;
  chantierCode: string | null;
  placeName: string | null;
  lastComment: string | null;
};

/**
 * One page of a list, in one query: the rows, their names and the last review comment of each.
 * Keyset pagination on (date, id), never OFFSET, so a deep page costs what the first one does.
 */
export async function listContributions(options: {
  actor: Actor;
  filters: TContributionFilters;
  scope?: ListScope;
  order?: 'desc' | 'asc';
}) {
  const { actor, filters } = options;
  const conditions = listConditions(actor, filters, options.scope ?? 'all');
  const descending = (options.order ?? 'desc') === 'desc';
  const after = decodeCursor(filters.cursor);
  if (after && !ZCalendarDate.safeParse(after.key).success) throw new AppError('BAD_REQUEST', 'Invalid cursor');
  if (after) {
    // The bound on the date alone is implied by the row comparison, but it lets PostgreSQL start
    // the index scan at the cursor instead of walking every row before it.
    conditions.push(
      descending
        ? Prisma.sql`c.date <= ${after.key}::date AND (c.date, c.id) < (${after.key}::date, ${after.id})`
        : Prisma.sql`c.date >= ${after.key}::date AND (c.date, c.id) > (${after.key}::date, ${after.id})`,
    );
  }
  const order = descending ? Prisma.sql`c.date DESC, c.id DESC` : Prisma.sql`c.date ASC, c.id ASC`;
  const rows = await db().$queryRaw<ListRow[]>`
    SELECT c.id, c.person_id AS "personId", c.chantier_id AS "chantierId", c.place_id AS "placeId", c.period_id AS "periodId",
           c.date, c.minutes, c.description, c.link, c.volunteer, c.status, c.version,
           c.created_at AS "createdAt", c.updated_at AS "updatedAt",
           p.name AS "personName", ch.name AS "chantierName", ch.code AS "chantierCode", pl.name AS "placeName",
           (SELECT e.comment FROM contribution_events e
             WHERE e.contribution_id = c.id AND e.kind = 'TRANSITION' AND e.comment IS NOT NULL
             ORDER BY e.id DESC LIMIT 1) AS "lastComment"
      FROM contributions c
      JOIN people p ON p.id = c.person_id
      JOIN chantiers ch ON ch.id = c.chantier_id
      LEFT JOIN places pl ON pl.id = c.place_id
     WHERE ${and(conditions)}
     ORDER BY ${order}
     LIMIT ${filters.limit + 1}`;
  const page = rows.slice(0, filters.limit);
  const items: TContributionListItem[] = page.map((row) => ({
    ...toContributionOut(row),
    personName: row.personName,
    chantierName: row.chantierName,
    chantierCode: row.chantierCode,
    placeName: row.placeName,
    lastComment: row.lastComment,
  }));
  const last = items.at(-1);
  return {
    items,
    nextCursor: rows.length > filters.limit && last ? encodeCursor({ key: last.date, id: last.id }) : null,
  };
}

/** Minutes per chantier of what a list shows, for its totals (same filters, no pagination). */
export async function totalsByChantier(options: { actor: Actor; filters: Filters; scope?: ListScope }) {
  const rows = await db().$queryRaw<{ chantier_id: string; minutes: bigint | number }[]>`
    SELECT c.chantier_id, sum(c.minutes) AS minutes
      FROM contributions c
     WHERE ${and(listConditions(options.actor, options.filters, options.scope ?? 'all'))}
     GROUP BY c.chantier_id`;
  return rows.map((row) => ({ chantierId: row.chantier_id, minutes: Number(row.minutes) }));
}

/** The hours of a list per status (same filters): a total says which contributions it counts. */
export async function totalsByStatus(options: { actor: Actor; filters: Filters; scope?: ListScope }) {
  const rows = await db().$queryRaw<{ status: TContributionOut['status']; minutes: bigint | number }[]>`
    SELECT c.status, sum(c.minutes) AS minutes
      FROM contributions c
     WHERE ${and(listConditions(options.actor, options.filters, options.scope ?? 'all'))}
     GROUP BY c.status`;
  return rows.map((row) => ({ status: row.status, minutes: Number(row.minutes) }));
}

/** How many contributions a list holds (same filters, no pagination): the review count of the home page. */
export async function countContributions(options: { actor: Actor; filters: Filters; scope?: ListScope }) {
  const [row] = await db().$queryRaw<{ count: bigint | number }[]>`
    SELECT count(*) AS count
      FROM contributions c
     WHERE ${and(listConditions(options.actor, options.filters, options.scope ?? 'all'))}`;
  return Number(row.count);
}

/** The people with something in this list (for its filter): at scale, a few dozen names rather than everyone. */
export async function peopleInList(options: { actor: Actor; filters: Filters; scope?: ListScope }) {
  return db().$queryRaw<{ id: string; name: string }[]>`
    SELECT p.id, p.name
      FROM people p
     WHERE p.id IN (SELECT c.person_id FROM contributions c WHERE ${and(listConditions(options.actor, options.filters, options.scope ?? 'all'))})
     ORDER BY p.name, p.id`;
}

type Visible = { personId: string; chantierId: string; status: TContributionOut['status'] };

/** The row, if it exists and the actor may see it; else null. */
async function visibleOrNull<T extends Visible>(actor: Actor, row: T | null): Promise<T | null> {
  if (!row) return null;
  const { transparency } = await getSettings();
  const contribution = { ownerId: row.personId, chantierId: row.chantierId, status: row.status };
  return canSeeContribution({ actor, contribution, transparency }) ? row : null;
}

/** A contribution the actor may not see does not exist for them: 404, not 403. */
async function visibleOr404<T extends Visible>(actor: Actor, row: T | null): Promise<T> {
  const visible = await visibleOrNull(actor, row);
  if (!visible) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
  return visible;
}

export async function getContribution(options: { actor: Actor; id: string }) {
  const row = await visibleOr404(
    options.actor,
    await db().contribution.findFirst({ where: { id: options.id, deletedAt: null } }),
  );
  return toContributionOut(row);
}

/**
 * One contribution with the names its page shows, and its history; null when it does not exist for
 * this actor (missing, deleted, or not theirs to see). Any other failure is thrown, not hidden.
 */
export async function findContributionDetail(options: { actor: Actor; id: string }) {
  const row = await db().contribution.findFirst({
    where: { id: options.id, deletedAt: null },
    include: {
      person: { select: { name: true } },
      chantier: { select: { name: true } },
      place: { select: { name: true } },
    },
  });
  const contribution = await visibleOrNull(options.actor, row);
  if (!contribution) return null;
  return {
    contribution: {
      ...toContributionOut(contribution),
      personName: contribution.person.name,
      chantierName: contribution.chantier.name,
      placeName: contribution.place?.name ?? null,
    },
    history: await getContributionHistory(options),
  };
}

export async function getContributionHistory(options: { actor: Actor; id: string }) {
  await visibleOr404(options.actor, await db().contribution.findUnique({ where: { id: options.id } }));
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
