// The contributions export's reads: the names the file shows (once), the period's contributions
// counted per day, then one batch per query — a window of days, in (date, id) order after a
// keyset cursor: one query per batch, none per row. The index contributions(period_id, date, id)
// serves the window, the order and the cursor (contributions-csv-batches.ts says why windows).
import 'server-only';
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

/** The names a file shows, by id: read once per export (a collective has hundreds of people, not millions). */
export type ExportNames = {
  people: Map<string, { name: string; email: string }>;
  chantiers: Map<string, { code: string | null; name: string }>;
  places: Map<string, string>;
};

export async function UNSAFE_loadExportNames(): Promise<ExportNames> {
  const [people, chantiers, places] = await Promise.all([
    db().$queryRaw<{ id: string; name: string; email: string }[]>`SELECT id, name, email FROM people`,
    db().$queryRaw<{ id: string; code: string | null; name: string }[]>`SELECT id, code, name FROM chantiers`,
    db().$queryRaw<{ id: string; name: string }[]>`SELECT id, name FROM places`,
  ]);
  return {
    people: new Map(people.map((person) => [person.id, { name: person.name, email: person.email }])),
    chantiers: new Map(chantiers.map((chantier) => [chantier.id, { code: chantier.code, name: chantier.name }])),
    places: new Map(places.map((place) => [place.id, place.name])),
  };
}

type BatchRow = Omit<
  ContributionCsvRow,
  'personName' | 'personEmail' | 'chantierCode' | 'chantierName' | 'placeName' | 'reviewerName'
> & {
  personId: string;
  chantierId: string;
  placeId: string | null;
  reviewedById: string | null;
};

/**
 * One batch: at most `limit` contributions of the read, oldest first — one index range scan of
 * contributions(period_id, date, id), nothing joined or sorted: the names come from `names`.
 * Reads without checking who asks: the caller has.
 */
export async function UNSAFE_readContributionsBatch(
  options: Selection & { read: BatchRead; limit: number; timeZone: string; names: ExportNames },
): Promise<ContributionCsvRow[]> {
  const { window, after } = options.read;
  const fromDay = window.after === null ? Prisma.empty : Prisma.sql`AND c.date > ${window.after}::date`;
  const throughDay = window.through === null ? Prisma.empty : Prisma.sql`AND c.date <= ${window.through}::date`;
  const afterRow = after === null ? Prisma.empty : Prisma.sql`AND (c.date, c.id) > (${after.date}::date, ${after.id})`;
  const rows = await db().$queryRaw<BatchRow[]>`
    SELECT c.id,
           to_char(c.date, 'YYYY-MM-DD') AS "date",
           c.person_id AS "personId",
           c.chantier_id AS "chantierId",
           c.place_id AS "placeId",
           c.minutes,
           c.volunteer,
           c.status::text AS status,
           c.description,
           c.link,
           c.reviewed_by_id AS "reviewedById",
           to_char(c.reviewed_at AT TIME ZONE ${options.timeZone}, 'YYYY-MM-DD HH24:MI') AS "reviewedAt"
    FROM contributions c
    WHERE ${selected(options)} ${fromDay} ${throughDay} ${afterRow}
    ORDER BY c.date, c.id
    LIMIT ${options.limit}`;
  const { people, chantiers, places } = options.names;
  // Built field by field: an object spread or rest per row costs more than the query itself here.
  return rows.map((row) => {
    const person = people.get(row.personId);
    const chantier = chantiers.get(row.chantierId);
    // Foreign keys guarantee these; a name read a moment before the row was written may not be there yet.
    return {
      id: row.id,
      date: row.date,
      personName: person?.name ?? row.personId,
      personEmail: person?.email ?? '',
      chantierCode: chantier?.code ?? null,
      chantierName: chantier?.name ?? row.chantierId,
      placeName: row.placeId === null ? null : (places.get(row.placeId) ?? row.placeId),
      minutes: row.minutes,
      volunteer: row.volunteer,
      status: row.status,
      description: row.description,
      link: row.link,
      reviewerName: row.reviewedById === null ? null : (people.get(row.reviewedById)?.name ?? row.reviewedById),
      reviewedAt: row.reviewedAt,
    };
  });
}
