// The rows of an import checked against the collective as it stands: who the people are, which
// chantiers, places and periods exist and accept contributions. Each row becomes either a planned
// contribution or the full list of reasons it is refused, so one dry run shows everything to fix.
// Pure: the lookups are plain data loaded by the caller.
// A row dated after today is refused (a contribution is work done), and so is a row that takes its
// person's day over 24 h, counting what is stored and the file's earlier rows (day-rules.ts).
// A row identical to a stored contribution or to an earlier row of the file (same person, date,
// chantier, minutes and description) is imported, but the dry run warns about it: importing the
// same file twice is the usual mistake.
import { isFutureDate, MAX_DAY_MINUTES } from '@/lib/contributions/day-rules';
import { formatDuration } from '@/lib/contributions/duration';
import { normalizeLabel } from '@/lib/import/fields';
import type { ImportRow } from '@/lib/import/parse-rows';
import type { Reason, RefusedRow } from '@/lib/import/reasons';

export type NamedRecord = { id: string; code: string | null; name: string; active: boolean };
export type PeriodRecord = {
  id: string;
  name: string;
  status: 'OPEN' | 'CLOSED' | 'PAID';
  startDate: string;
  endDate: string;
};

export type ImportLookups = {
  /** By lower-cased email. */
  people: ReadonlyMap<string, { id: string; active: boolean }>;
  chantiers: readonly NamedRecord[];
  places: readonly NamedRecord[];
  /** The period that takes a date (periodsOfDays, read by the caller for the file's dates). */
  periodOf: (date: string) => PeriodRecord | undefined;
  /** Today in the collective's time zone (YYYY-MM-DD): a "past" period ended before it. */
  today: string;
  /** Minutes already stored per "personId|date" for the file's people and dates (none: 0). */
  dayMinutes?: ReadonlyMap<string, number>;
  /** duplicateKey() of every stored contribution of the file's people and dates. */
  storedKeys?: ReadonlySet<string>;
};

export type PlanOptions = {
  /** Import as APPROVED: only for periods that are over, never one's own contributions. */
  approve: boolean;
  actorId: string;
};

export type PlannedContribution = {
  line: number;
  personId: string;
  chantierId: string;
  placeId: string | null;
  periodId: string;
  date: string;
  minutes: number;
  description: string;
  volunteer: boolean;
};

/** A planned row identical to a stored contribution (firstLine null) or to an earlier row of the file. */
export type DuplicateRow = { line: number; firstLine: number | null };

export type ImportPlan = {
  rows: number;
  planned: PlannedContribution[];
  refused: RefusedRow[];
  duplicates: DuplicateRow[];
};

/** What makes two contributions the same: person, date, chantier, minutes and description. */
export function duplicateKey(row: {
  personId: string;
  date: string;
  chantierId: string;
  minutes: number;
  description: string;
}): string {
  return JSON.stringify([row.personId, row.date, row.chantierId, row.minutes, row.description.trim()]);
}

/** Records by code and by name, compared without case or accents; a code wins over a name. */
function indexByNameOrCode(records: readonly NamedRecord[]): Map<string, NamedRecord> {
  const index = new Map<string, NamedRecord>();
  for (const record of records) index.set(normalizeLabel(record.name), record);
  for (const record of records) if (record.code) index.set(normalizeLabel(record.code), record);
  return index;
}

export function planImport(rows: readonly ImportRow[], lookups: ImportLookups, options: PlanOptions): ImportPlan {
  const chantiers = indexByNameOrCode(lookups.chantiers);
  const places = indexByNameOrCode(lookups.places);
  const planned: PlannedContribution[] = [];
  const refused: RefusedRow[] = [];
  const dayMinutes = new Map(lookups.dayMinutes ?? []);
  const duplicates: DuplicateRow[] = [];
  const firstLineOf = new Map<string, number>();

  for (const row of rows) {
    const reasons: Reason[] = [...row.reasons];

    const person = row.email ? lookups.people.get(row.email) : undefined;
    if (row.email && !person) reasons.push({ code: 'UNKNOWN_PERSON', params: { email: row.email } });
    else if (person && !person.active) reasons.push({ code: 'PERSON_INACTIVE', params: { email: row.email } });
    if (options.approve && person && person.id === options.actorId) reasons.push({ code: 'SELF_APPROVAL' });

    const chantier = row.chantier ? chantiers.get(normalizeLabel(row.chantier)) : undefined;
    if (row.chantier && !chantier) reasons.push({ code: 'UNKNOWN_CHANTIER', params: { chantier: row.chantier } });
    else if (chantier && !chantier.active)
      reasons.push({ code: 'CHANTIER_INACTIVE', params: { chantier: row.chantier } });

    const place = row.place ? places.get(normalizeLabel(row.place)) : undefined;
    if (row.place && !place) reasons.push({ code: 'UNKNOWN_PLACE', params: { place: row.place } });
    else if (place && !place.active) reasons.push({ code: 'PLACE_INACTIVE', params: { place: row.place } });

    const period = row.date ? lookups.periodOf(row.date) : undefined;
    if (row.date && !period) reasons.push({ code: 'NO_PERIOD', params: { date: row.date } });
    else if (period?.status === 'CLOSED') reasons.push({ code: 'PERIOD_CLOSED', params: { period: period.name } });
    else if (period?.status === 'PAID') reasons.push({ code: 'PERIOD_PAID', params: { period: period.name } });
    else if (period && options.approve && period.endDate >= lookups.today)
      reasons.push({ code: 'PERIOD_NOT_PAST', params: { period: period.name, endDate: period.endDate } });

    if (row.date && isFutureDate(row.date, lookups.today))
      reasons.push({ code: 'FUTURE_DATE', params: { date: row.date } });
    const day = person && row.date ? `${person.id}|${row.date}` : null;
    if (day && row.minutes !== null && (dayMinutes.get(day) ?? 0) + row.minutes > MAX_DAY_MINUTES)
      reasons.push({
        code: 'DAY_OVER_LIMIT',
        params: { date: row.date!, total: formatDuration((dayMinutes.get(day) ?? 0) + row.minutes) },
      });

    if (reasons.length > 0 || !person || !chantier || !period || row.date === null || row.minutes === null) {
      refused.push({ line: row.line, reasons });
      continue;
    }
    dayMinutes.set(day!, (dayMinutes.get(day!) ?? 0) + row.minutes);
    const contribution = {
      line: row.line,
      personId: person.id,
      chantierId: chantier.id,
      placeId: place?.id ?? null,
      periodId: period.id,
      date: row.date,
      minutes: row.minutes,
      description: row.description,
      volunteer: row.volunteer,
    };
    planned.push(contribution);
    const key = duplicateKey(contribution);
    if (lookups.storedKeys?.has(key)) duplicates.push({ line: row.line, firstLine: null });
    else if (firstLineOf.has(key)) duplicates.push({ line: row.line, firstLine: firstLineOf.get(key)! });
    if (!firstLineOf.has(key)) firstLineOf.set(key, row.line);
  }
  return { rows: rows.length, planned, refused, duplicates };
}
