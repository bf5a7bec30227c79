// What an import is checked against, read from the database: the people named in the file, the
// chantiers, places and periods, today's date in the collective's time zone, and what the file's
// people already stored on its dates (the day's minutes, and each contribution for duplicates).
import type { PrismaClient, Tx } from '@/lib/db';
import { periodsOfDays, todayIn } from '@/lib/contributions/server/periods';
import { lockPeople, storedDayMinutes } from '@/lib/contributions/server/day-rules';
import { fromIsoDate, toIsoDate } from '@/lib/format/date';
import type { ImportRow } from '@/lib/import/parse-rows';
import { duplicateKey, type ImportLookups, type PeriodRecord } from '@/lib/import/plan';

type Client = Tx | PrismaClient;

/**
 * Reads sequentially (one connection inside a transaction). With `lockPeriods`, the periods the
 * file's dates fall in are locked FOR SHARE until the transaction ends: a close waits for the
 * import, so what was checked is what is written; and the file's people are locked as every path
 * that adds hours locks them, so their days' totals (24 h at most) stay what was read.
 */
export async function loadImportLookups(
  client: Client,
  rows: readonly ImportRow[],
  options: { lockPeriods?: boolean } = {},
): Promise<ImportLookups> {
  const emails = [...new Set(rows.map((row) => row.email).filter(Boolean))];
  const dates = rows
    .map((row) => row.date)
    .filter((date): date is string => date !== null)
    .sort();
  const people = emails.length
    ? await client.person.findMany({
        where: { email: { in: emails } },
        select: { id: true, email: true, active: true },
      })
    : [];
  if (options.lockPeriods)
    await lockPeople(
      client as Tx,
      people.map((person) => person.id),
    );
  const dayMinutes = await storedDayMinutes(client, {
    personIds: people.map((person) => person.id),
    dates,
  });
  // What the file's people stored on its dates, to warn about rows identical to a stored one.
  const stored =
    people.length && dates.length
      ? await client.contribution.findMany({
          where: {
            personId: { in: people.map((person) => person.id) },
            date: { gte: fromIsoDate(dates[0]), lte: fromIsoDate(dates[dates.length - 1]) },
            deletedAt: null,
          },
          select: { personId: true, chantierId: true, date: true, minutes: true, description: true },
        })
      : [];
  const chantiers = await client.chantier.findMany({ select: { id: true, code: true, name: true, active: true } });
  const places = await client.place.findMany({ select: { id: true, code: true, name: true, active: true } });

  // Which period takes each of the file's dates: the same reading (periodsOfDays) as the form,
  // the API and the week grid.
  const periodByDate = new Map<string, PeriodRecord>();
  if (dates.length) {
    const [first, last] = [fromIsoDate(dates[0]), fromIsoDate(dates[dates.length - 1])];
    if (options.lockPeriods) {
      await client.$queryRaw`SELECT id FROM funding_periods WHERE start_date <= ${last} AND end_date >= ${first} ORDER BY id FOR SHARE`;
    }
    const days = [...new Set(dates)];
    const found = await periodsOfDays(client as Tx, days);
    days.forEach((day, index) => {
      const period = found[index];
      if (period)
        periodByDate.set(day, {
          id: period.id,
          name: period.name,
          status: period.status,
          startDate: toIsoDate(period.startDate),
          endDate: toIsoDate(period.endDate),
        });
    });
  }

  // Read, never created here: a dry run writes nothing.
  const settings = await client.collectiveSettings.findUnique({ where: { id: 1 }, select: { timeZone: true } });
  return {
    people: new Map(people.map((person) => [person.email, { id: person.id, active: person.active }])),
    chantiers,
    places,
    periodOf: (date) => periodByDate.get(date),
    today: todayIn(settings?.timeZone ?? 'Europe/Paris'),
    dayMinutes: new Map(dayMinutes.map((day) => [`${day.personId}|${day.date}`, day.minutes])),
    storedKeys: new Set(stored.map((row) => duplicateKey({ ...row, date: toIsoDate(row.date) }))),
  };
}
