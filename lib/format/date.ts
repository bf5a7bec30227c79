// Calendar dates ("2026-11-28") shown as people read them (28/11/2026), never shifted by a time zone.
export function formatCalendarDate(date: string, locale: string = 'fr'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' }).format(new Date(`${date}T00:00:00Z`));
}

/** The weekday and date, e.g. "lun. 23/11". */
export function formatShortDay(date: string, locale: string = 'fr'): string {
  return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'UTC', weekday: 'short', day: '2-digit', month: '2-digit' }).format(new Date(`${date}T00:00:00Z`));
}
