// The one edge rule for calendar dates: `YYYY-MM-DD`, a day that exists (2026-02-30 does not),
// in a year a collective can mean (2000 to 2100). PostgreSQL would take year 0000 badly, and no
// period, contribution or payment of Butin lies outside those years. Every date an input carries
// (contributions, periods, payments, filters, cursors, imported rows, the week shown) is read by
// this rule.
import { z } from 'zod';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `value` is a real calendar date written `YYYY-MM-DD` in the years Butin accepts. */
export function isCalendarDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const year = Number(match[1]);
  if (year < MIN_YEAR || year > MAX_YEAR) return false;
  const date = new Date(`${value}T00:00:00.000Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

/** A calendar date field; `message` is the key people read when it is refused. */
export const ZCalendarDate = (message = 'validation.date') =>
  z.string().refine(isCalendarDate, message).describe(`YYYY-MM-DD, a real day from ${MIN_YEAR} to ${MAX_YEAR}`);
