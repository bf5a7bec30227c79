// Calendar dates ("2026-11-28") shown as people read them (28/11/2026), never shifted by a time zone.
// Formatters are made once per language: making one costs far more than formatting with it, and a
// list page formats a date or two per row.
const intlLocale = (locale: string) => (locale === 'en' ? 'en-GB' : 'fr-FR');

function formatterCache(options: Intl.DateTimeFormatOptions): (locale: string) => Intl.DateTimeFormat {
  const made = new Map<string, Intl.DateTimeFormat>();
  return (locale) => {
    const tag = intlLocale(locale);
    let formatter = made.get(tag);
    if (!formatter) made.set(tag, (formatter = new Intl.DateTimeFormat(tag, options)));
    return formatter;
  };
}

const calendarDate = formatterCache({ timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });
const shortDay = formatterCache({ timeZone: 'UTC', weekday: 'short', day: '2-digit', month: '2-digit' });

export function formatCalendarDate(date: string, locale: string = 'fr'): string {
  return calendarDate(locale).format(new Date(`${date}T00:00:00Z`));
}

/** The weekday and date, e.g. "lun. 23/11". */
export function formatShortDay(date: string, locale: string = 'fr'): string {
  return shortDay(locale).format(new Date(`${date}T00:00:00Z`));
}

/** A `@db.Date` value (a Date at midnight UTC) as `YYYY-MM-DD`. */
export function toIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** `YYYY-MM-DD` as the Date Prisma writes to a `@db.Date` column (midnight UTC). */
export function fromIsoDate(isoDate: string): Date {
  return new Date(`${isoDate}T00:00:00.000Z`);
}
