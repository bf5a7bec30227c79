// The contributions export's reads: the period's contributions counted per day, then one batch per
// query — a window of days, in (date, id) order after a keyset cursor — with the names the file
// shows joined in: one query per batch, none per row. The index contributions(period_id, date, id)
// serves the window, the order and the cursor (contributions-csv-batches.ts says why windows).
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import type { BatchRead, DayCount } from './contributions-csv-batches';
import type { ContributionCsvRow, ExportedStatus } from './contributions-csv';

type Selection = { periodId: string; statuses: readonly ExportedStatus[] };

/** Soft-deleted contributions and drafts are never read (`statuses` never holds DRAFT). */
const selected = (options: Selection) =>
  Prisma.sql`c.period_id = ${options.periodId} AND c.deleted_at IS NULL AND c.status = ANY(${[...options.statuses]}::"ContributionStatus"[])`;

/** How many contributions the export will read on each day of the period. Reads without checking who asks: the caller has. */
export async function UNSAFE_countContributionsPerDay(options: Selection): Promise<DayCount[]> {
  return db().$queryRaw<DayCount[]>`
    SELECT to_char(c.date, 'YYYY-MM-DD') AS "date", count(*)::int AS "count"
    FROM contributions c
    WHERE ${selected(options)}
    GROUP BY c.date
    ORDER BY c.date`;
}

/** One batch: at most `limit` contributions of the read, oldest first. Reads without checking who asks: the caller has. */
export async function UNSAFE_readContributionsBatch(options: Selection & { read: BatchRead; limit: number; timeZone: string }): Promise<ContributionCsvRow[]> {
  const { window, after } = options.read;
  const fromDay = window.after === null ? Prisma.empty : Prisma.sql`AND c.date > ${window.after}::date`;
  const throughDay = window.through === null ? Prisma.empty : Prisma.sql`AND c.date <= ${window.through}::date`;
  const afterRow = after === null ? Prisma.empty : Prisma.sql`AND (c.date, c.id) > (${after.date}::date, ${after.id})`;
  // The batch is chosen first and the names joined to its rows only: joined before the LIMIT, the
  // names would be joined to every row the read can reach, to keep a few thousand.
  return db().$queryRaw<ContributionCsvRow[]>`
    SELECT c.id,
           to_char(c.date, 'YYYY-MM-DD') AS "date",
           person.name AS "personName",
           person.email AS "personEmail",
           chantier.code AS "chantierCode",
           chantier.name AS "chantierName",
           place.name AS "placeName",
           c.minutes,
           c.volunteer,
           c.status::text AS status,
           c.description,
           c.link,
           reviewer.name AS "reviewerName",
           to_char(c.reviewed_at AT TIME ZONE ${options.timeZone}, 'YYYY-MM-DD HH24:MI') AS "reviewedAt"
    FROM (
      SELECT c.* FROM contributions c
      WHERE ${selected(options)} ${fromDay} ${throughDay} ${afterRow}
      ORDER BY c.date, c.id
      LIMIT ${options.limit}
    ) c
    JOIN people person ON person.id = c.person_id
    JOIN chantiers chantier ON chantier.id = c.chantier_id
    LEFT JOIN places place ON place.id = c.place_id
    LEFT JOIN people reviewer ON reviewer.id = c.reviewed_by_id
    ORDER BY c.date, c.id`;
}
