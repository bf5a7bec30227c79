// Calendar dates ("2026-11-28") shown as people read them (28/11/2026), never shifted by a time zone.
export function formatCalendarDate(date: string, locale: string = 'fr'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(`${date}T00:00:00Z`));
}

/** The weekday and date, e.g. "lun. 23/11". */
export function formatShortDay(date: string, locale: string = 'fr'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'UTC', weekday: 'short', day: '2-digit', month: '2-digit' }).format(new Date(`${date}T00:00:00Z`));
}

/** A `@db.Date` value (a Date at midnight UTC) as `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` as the Date Prisma writes to a `@db.Date` column (midnight UTC). */
export function fromIsoDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}
