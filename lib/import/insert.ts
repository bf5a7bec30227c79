// Writes a checked import inside the caller's transaction in a handful of statements, whatever
// the number of rows: the contributions, then their history — IMPORTED by the admin, DRAFT →
// SUBMITTED, and SUBMITTED → APPROVED when imported as approved. Each history step is its own
// statement, so event ids (the order the history is read in) follow the lifecycle.
//
// Plain SQL over unnest() arrays rather than Prisma's createMany: the same rows, one statement and
// one round trip each, and 5 000 contributions go in about six times faster (measured in
// tests/integration/import.test.ts). The database still checks each row (the period trigger,
// foreign keys, minutes between 1 and 1440).
import { randomBytes } from 'node:crypto';
import type { Tx } from '@/lib/db';
import type { PlannedContribution } from '@/lib/import/plan';

/** An id in the shape of the cuids Prisma makes, known before the insert, so the history can
 * point at each contribution without reading the rows back. */
export function newContributionId(now = Date.now()): string {
  const random = [...randomBytes(16)].map((byte) => (byte % 36).toString(36)).join('');
  return `c${now.toString(36).padStart(8, '0')}${random}`;
}

export type InsertOptions = {
  actorId: string;
  approve: boolean;
  /** The comment of each IMPORTED event, naming the import and the row's line. */
  importedComment: (row: PlannedContribution) => string;
  approvedComment: string;
};

export async function insertPlannedContributions(
  tx: Tx,
  planned: readonly PlannedContribution[],
  options: InsertOptions,
): Promise<string[]> {
  if (planned.length === 0) return [];
  const now = new Date();
  const status = options.approve ? 'APPROVED' : 'SUBMITTED';
  const reviewerId = options.approve ? options.actorId : null;
  const reviewedAt = options.approve ? now : null;
  const ids = planned.map(() => newContributionId(now.getTime()));
  const column = <T>(pick: (row: PlannedContribution) => T): T[] => planned.map(pick);

  await tx.$executeRaw`
    INSERT INTO contributions (id, person_id, chantier_id, place_id, period_id, date, minutes, description, volunteer,
                               status, submitted_at, reviewed_by_id, reviewed_at, created_at, updated_at)
    SELECT t.id, t.person_id, t.chantier_id, t.place_id, t.period_id, t.date, t.minutes, t.description, t.volunteer,
           ${status}::"ContributionStatus", ${now}::timestamptz, ${reviewerId}::text, ${reviewedAt}::timestamptz, ${now}::timestamptz, ${now}::timestamptz
      FROM unnest(${ids}::text[], ${column((row) => row.personId)}::text[], ${column((row) => row.chantierId)}::text[],
                  ${column((row) => row.placeId)}::text[], ${column((row) => row.periodId)}::text[], ${column((row) => row.date)}::date[],
                  ${column((row) => row.minutes)}::int[], ${column((row) => row.description)}::text[], ${column((row) => row.volunteer)}::boolean[])
        AS t(id, person_id, chantier_id, place_id, period_id, date, minutes, description, volunteer)`;

  await tx.$executeRaw`
    INSERT INTO contribution_events (contribution_id, actor_id, kind, to_status, comment)
    SELECT t.id, ${options.actorId}, 'IMPORTED', 'DRAFT', t.comment
      FROM unnest(${ids}::text[], ${column(options.importedComment)}::text[]) AS t(id, comment)`;
  await tx.$executeRaw`
    INSERT INTO contribution_events (contribution_id, actor_id, kind, from_status, to_status)
    SELECT t.id, ${options.actorId}, 'TRANSITION', 'DRAFT', 'SUBMITTED' FROM unnest(${ids}::text[]) AS t(id)`;
  if (options.approve) {
    await tx.$executeRaw`
      INSERT INTO contribution_events (contribution_id, actor_id, kind, from_status, to_status, comment)
      SELECT t.id, ${options.actorId}, 'TRANSITION', 'SUBMITTED', 'APPROVED', ${options.approvedComment} FROM unnest(${ids}::text[]) AS t(id)`;
  }
  return ids;
}
