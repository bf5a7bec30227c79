// What a claim's form still lacks, said while the person fills it in, before they press a button
// (docs/claims.md): the server refuses the same things, but a person on a phone should not have
// to send the form to learn that an expense needs a receipt or that the period pays no mileage.
// Pure: the form gives what is typed and what it knows of the open periods.
import { parseEurosToCents } from '@/lib/format/money';

export const CLAIM_KINDS = ['EXPENSE', 'MILEAGE', 'FIXED_FEE', 'IN_KIND'] as const;
export type ClaimKind = (typeof CLAIM_KINDS)[number];

/** A claim's amount: 1 cent to 1 000 000 € (docs/claims.md). */
export const MAX_CLAIM_CENTS = 100_000_000;
/** A trip's distance, whole kilometres (docs/claims.md). */
export const MIN_DISTANCE_KM = 1;
export const MAX_DISTANCE_KM = 5000;
/** Files per item and bytes per file (docs/claims.md). */
export const MAX_FILES = 10;
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** What a receipt may be; the server reads the type from the bytes, this only warns early. */
export const ACCEPTED_TYPES = ['application/pdf', 'image/jpeg', 'image/png', 'image/webp', 'image/heic'];
const ACCEPTED_EXTENSIONS = /\.(pdf|jpe?g|png|webp|heic)$/i;

export type OpenPeriod = {
  id: string;
  name: string;
  startDate: string;
  endDate: string;
  mileageRateCents: number | null;
};

export type ClaimDraft = {
  kind: ClaimKind | '';
  date: string;
  chantierId: string;
  amount: string;
  distance: string;
  from: string;
  to: string;
  description: string;
  /** Files chosen in the form, not sent yet. */
  files: { name: string; type: string; size: number }[];
  /** Receipts already stored with the claim (editing). */
  storedFiles: number;
};

export type Missing =
  | 'KIND'
  | 'DATE'
  | 'DATE_OUTSIDE_OPEN_PERIOD'
  | 'CHANTIER'
  | 'AMOUNT'
  | 'AMOUNT_INVALID'
  | 'AMOUNT_TOO_LARGE'
  | 'DISTANCE'
  | 'DISTANCE_INVALID'
  | 'MILEAGE_RATE'
  | 'FROM'
  | 'TO'
  | 'DESCRIPTION'
  | 'RECEIPT'
  | 'FILE_TOO_LARGE'
  | 'FILE_TYPE'
  | 'TOO_MANY_FILES';

/** The open period holding a date, if any. */
export function periodOf(date: string, periods: OpenPeriod[]): OpenPeriod | undefined {
  return periods.find((period) => period.startDate <= date && date <= period.endDate);
}

/** A whole number of kilometres as typed ("42", "42 km"), or null. */
export function parseDistanceKm(text: string): number | null {
  const match = /^\s*(\d{1,6})\s*(km)?\s*$/i.exec(text);
  return match ? Number(match[1]) : null;
}

/** A mileage claim's description: where from, where to, and why (optional). */
export function tripDescription(from: string, to: string, purpose: string): string {
  const route = `${from.trim()} → ${to.trim()}`;
  return purpose.trim() ? `${route} · ${purpose.trim()}` : route;
}

/** The reverse of tripDescription, for editing; a description written otherwise stays whole. */
export function splitTripDescription(description: string): { from: string; to: string; purpose: string } {
  const match = /^(.+?) → (.+?)(?: · ([\s\S]*))?$/.exec(description);
  if (!match) return { from: '', to: '', purpose: description };
  return { from: match[1], to: match[2], purpose: match[3] ?? '' };
}

/** The mileage amount the server will compute: distance × the period's rate. */
export function mileageCents(distanceKm: number, rateCents: number): number {
  return distanceKm * rateCents;
}

/** What is wrong with the files chosen, given how many the item already has. */
export function fileProblems(files: ClaimDraft['files'], storedFiles: number): Missing[] {
  const problems: Missing[] = [];
  if (files.some((file) => file.size > MAX_FILE_BYTES)) problems.push('FILE_TOO_LARGE');
  if (files.some((file) => !(ACCEPTED_TYPES.includes(file.type) || ACCEPTED_EXTENSIONS.test(file.name))))
    problems.push('FILE_TYPE');
  if (files.length + storedFiles > MAX_FILES) problems.push('TOO_MANY_FILES');
  return problems;
}

/**
 * What keeps the claim from being saved (`intent: 'draft'`) or submitted (`'submit'`), in the
 * order of the form's fields. A draft needs everything but the receipt.
 */
export function missingForClaim(
  draft: ClaimDraft,
  context: { periods: OpenPeriod[] },
  intent: 'draft' | 'submit',
): Missing[] {
  const missing: Missing[] = [];
  if (!draft.kind) missing.push('KIND');
  const period = draft.date ? periodOf(draft.date, context.periods) : undefined;
  if (!draft.date) missing.push('DATE');
  else if (!period) missing.push('DATE_OUTSIDE_OPEN_PERIOD');
  if (!draft.chantierId) missing.push('CHANTIER');
  if (draft.kind === 'MILEAGE') {
    const km = parseDistanceKm(draft.distance);
    if (!draft.distance.trim()) missing.push('DISTANCE');
    else if (km === null || km < MIN_DISTANCE_KM || km > MAX_DISTANCE_KM) missing.push('DISTANCE_INVALID');
    if (period && !period.mileageRateCents) missing.push('MILEAGE_RATE');
    if (!draft.from.trim()) missing.push('FROM');
    if (!draft.to.trim()) missing.push('TO');
  } else if (draft.kind) {
    const parsed = parseEurosToCents(draft.amount);
    if (!parsed.ok) missing.push(parsed.code === 'EMPTY' ? 'AMOUNT' : 'AMOUNT_INVALID');
    else if (parsed.cents < 1) missing.push('AMOUNT_INVALID');
    else if (parsed.cents > MAX_CLAIM_CENTS) missing.push('AMOUNT_TOO_LARGE');
    if (!draft.description.trim()) missing.push('DESCRIPTION');
  }
  if (intent === 'submit' && draft.kind === 'EXPENSE' && draft.files.length + draft.storedFiles === 0)
    missing.push('RECEIPT');
  missing.push(...fileProblems(draft.files, draft.storedFiles));
  return missing;
}
