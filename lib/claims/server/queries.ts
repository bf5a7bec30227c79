// Reading claims: lists (filtered, keyset-paginated, limited to what the reader may see), one
// claim, and its history. What the reader may see is the policy's `canSeeClaim`, written once
// more here in SQL for the lists.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import { isCalendarDate } from '@/lib/validation/date';
import { getSettings } from '@/lib/settings/settings';
import { contributionScope, type ChantierScope } from '@/lib/contributions/policy';
import { canSeeClaim } from '@/lib/claims/policy';
import type { TClaimFilters } from '@/lib/claims/inputs';
import type { TClaimHistoryItem, TClaimListItem, TClaimOut } from '@/lib/claims/openapi';
import { toClaimOut, type ClaimFields } from '@/lib/claims/server/load';

/** "mine": the reader's own; "review": submitted claims of the chantiers they review, never their own. */
export type ClaimListScope = 'all' | 'mine' | 'review';

const and = (conditions: Prisma.Sql[]) => Prisma.join(conditions, ' AND ');
const TRANSPARENCY = Prisma.sql`COALESCE((SELECT s.transparency FROM collective_settings s WHERE s.id = 1), true)`;

function chantierIn(scope: ChantierScope): Prisma.Sql {
  if (scope.kind === 'all') return Prisma.sql`true`;
  if (scope.chantierIds.length === 0) return Prisma.sql`false`;
  return Prisma.sql`c.chantier_id = ANY(${scope.chantierIds}::text[])`;
}

/** `canSeeClaim` over `claims c`. */
function visibility(actor: Actor): Prisma.Sql {
  const { reviews } = contributionScope(actor);
  const paysOrReviews = actor.roles.includes('TREASURER') ? Prisma.sql`true` : chantierIn(reviews);
  return Prisma.sql`(c.person_id = ${actor.id} OR c.created_by_id = ${actor.id}
    OR (c.status <> 'DRAFT' AND ${paysOrReviews})
    OR (c.status = 'APPROVED' AND ${TRANSPARENCY}))`;
}

type Filters = Omit<TClaimFilters, 'cursor' | 'limit'>;

function listConditions(actor: Actor, filters: Filters, scope: ClaimListScope): Prisma.Sql[] {
  const conditions: Prisma.Sql[] = [Prisma.sql`c.deleted_at IS NULL`, visibility(actor)];
  if (scope === 'mine') conditions.push(Prisma.sql`c.person_id = ${actor.id}`);
  if (scope === 'review')
    conditions.push(
      Prisma.sql`c.status = 'SUBMITTED'`,
      Prisma.sql`c.person_id <> ${actor.id}`,
      chantierIn(contributionScope(actor).reviews),
    );
  if (filters.periodId) conditions.push(Prisma.sql`c.period_id = ${filters.periodId}`);
  if (filters.chantierId) conditions.push(Prisma.sql`c.chantier_id = ${filters.chantierId}`);
  if (filters.personId) conditions.push(Prisma.sql`c.person_id = ${filters.personId}`);
  if (filters.status) conditions.push(Prisma.sql`c.status = ${filters.status}::"ClaimStatus"`);
  if (filters.kind) conditions.push(Prisma.sql`c.kind = ${filters.kind}::"ClaimKind"`);
  if (filters.from) conditions.push(Prisma.sql`c.date >= ${filters.from}::date`);
  if (filters.to) conditions.push(Prisma.sql`c.date <= ${filters.to}::date`);
  return conditions;
}

type ListRow = ClaimFields & {
  fileCount: number;
  personName: string;
  chantierName: string;
  placeName: string | null;
  lastComment: string | null;
};

/** One page of claims, newest first (keyset on date and id, never OFFSET). */
export async function listClaims(
  actor: Actor,
  filters: TClaimFilters = {},
  options: { scope?: ClaimListScope; order?: 'desc' | 'asc' } = {},
): Promise<{ items: TClaimListItem[]; nextCursor: string | null }> {
  const limit = filters.limit ?? 50;
  const conditions = listConditions(actor, filters, options.scope ?? 'all');
  const descending = (options.order ?? 'desc') === 'desc';
  const after = decodeCursor(filters.cursor);
  if (after && !isCalendarDate(after.key)) throw new AppError('BAD_REQUEST', 'Invalid cursor');
  if (after)
    conditions.push(
      descending
        ? Prisma.sql`c.date <= ${after.key}::date AND (c.date, c.id) < (${after.key}::date, ${after.id})`
        : Prisma.sql`c.date >= ${after.key}::date AND (c.date, c.id) > (${after.key}::date, ${after.id})`,
    );
  const order = descending ? Prisma.sql`c.date DESC, c.id DESC` : Prisma.sql`c.date ASC, c.id ASC`;
  const rows = await db().$queryRaw<ListRow[]>`
    SELECT c.id, c.person_id AS "personId", c.created_by_id AS "createdById", c.chantier_id AS "chantierId",
           c.place_id AS "placeId", c.period_id AS "periodId", c.kind, c.date, c.description,
           c.amount_cents AS "amountCents", c.distance_km AS "distanceKm", c.status, c.version,
           c.submitted_at AS "submittedAt", c.reviewed_by_id AS "reviewedById", c.reviewed_at AS "reviewedAt",
           c.created_at AS "createdAt", c.updated_at AS "updatedAt",
           (SELECT count(*)::int FROM attachments a WHERE a.claim_id = c.id) AS "fileCount",
           p.name AS "personName", ch.name AS "chantierName", pl.name AS "placeName",
           (SELECT e.comment FROM claim_events e
             WHERE e.claim_id = c.id AND e.kind = 'TRANSITION' AND e.comment IS NOT NULL
             ORDER BY e.id DESC LIMIT 1) AS "lastComment"
      FROM claims c
      JOIN people p ON p.id = c.person_id
      JOIN chantiers ch ON ch.id = c.chantier_id
      LEFT JOIN places pl ON pl.id = c.place_id
     WHERE ${and(conditions)}
     ORDER BY ${order}
     LIMIT ${limit + 1}`;
  const items = rows.slice(0, limit).map((row) => ({
    ...toClaimOut(row, row.fileCount),
    personName: row.personName,
    chantierName: row.chantierName,
    placeName: row.placeName,
    lastComment: row.lastComment,
  }));
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last ? encodeCursor({ key: last.date, id: last.id }) : null };
}

/** How many claims a list holds (same filters, no pagination): the review count. */
export async function countClaims(actor: Actor, filters: Filters = {}, scope: ClaimListScope = 'all') {
  const [row] = await db().$queryRaw<{ count: number }[]>`
    SELECT count(*)::int AS count FROM claims c WHERE ${and(listConditions(actor, filters, scope))}`;
  return row.count;
}

async function visibleClaim(actor: Actor, id: string) {
  const row = await db().claim.findFirst({
    where: { id, deletedAt: null },
    include: {
      _count: { select: { attachments: true } },
      person: { select: { name: true } },
      chantier: { select: { name: true } },
      place: { select: { name: true } },
    },
  });
  if (!row) return null;
  const { transparency } = await getSettings();
  const claim = { ownerId: row.personId, createdById: row.createdById, chantierId: row.chantierId, status: row.status };
  return canSeeClaim({ actor, claim, transparency }) ? row : null;
}

/** One claim; one the actor may not see does not exist for them (404, not 403). */
export async function getClaim(actor: Actor, id: string): Promise<TClaimOut> {
  const row = await visibleClaim(actor, id);
  if (!row) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
  return toClaimOut(row, row._count.attachments);
}

/** One claim with the names its page shows, or null when it does not exist for this actor. */
export async function findClaimDetail(actor: Actor, id: string): Promise<TClaimListItem | null> {
  const row = await visibleClaim(actor, id);
  if (!row) return null;
  const lastComment = await db().claimEvent.findFirst({
    where: { claimId: id, kind: 'TRANSITION', comment: { not: null } },
    orderBy: { id: 'desc' },
    select: { comment: true },
  });
  return {
    ...toClaimOut(row, row._count.attachments),
    personName: row.person.name,
    chantierName: row.chantier.name,
    placeName: row.place?.name ?? null,
    lastComment: lastComment?.comment ?? null,
  };
}

/** The claim's transitions and edits, oldest first. */
export async function claimHistory(actor: Actor, id: string): Promise<TClaimHistoryItem[]> {
  if (!(await visibleClaim(actor, id))) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
  const events = await db().claimEvent.findMany({
    where: { claimId: id },
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
