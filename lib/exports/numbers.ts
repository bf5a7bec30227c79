// Numbers as the export files write them. CSV cells are text read by French Excel and
// LibreOffice: a decimal comma and no thousands separator, so that "1234,56" is read as a number
// (a grouping space would turn it into text). Exact: from integer cents and minutes, no float.
// XLSX cells are real numbers, so they are floats by nature; they carry integer cents beside them.
import { centsToDecimalString } from '@/lib/format/money';

/** 44445 → "444,45", -1 → "-0,01", 123456 → "1234,56". */
export function eurosText(cents: number): string {
  if (!Number.isSafeInteger(cents)) throw new RangeError(`Cents must be an integer, got ${cents}`);
  return centsToDecimalString(cents).replace('.', ',');
}

/** Minutes as decimal hours to the hundredth, rounded half up: 90 → "1,50", 20 → "0,33", 1 → "0,02". */
export function hoursText(minutes: number): string {
  if (!Number.isSafeInteger(minutes) || minutes < 0)
    throw new RangeError(`Minutes must be a non-negative integer, got ${minutes}`);
  // hundredths of an hour = minutes × 100 / 60, half up: floor((minutes × 100 + 30) / 60).
  const hundredths = Math.floor((minutes * 100 + 30) / 60);
  return `${Math.floor(hundredths / 100)},${String(hundredths % 100).padStart(2, '0')}`;
}

/** Cents as a spreadsheet number of euros: the nearest double to the exact decimal. */
export function eurosNumber(cents: number): number {
  return Number(centsToDecimalString(cents));
}

/** Minutes as a spreadsheet number of hours (1 h 20 → 1.333…; the cell's format shows 1,33). */
export function hoursNumber(minutes: number): number {
  return minutes / 60;
}
