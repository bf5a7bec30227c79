// A claim in a few words, as its lists and buttons say it: "12/02/2027 · Note de frais · 23,40 €",
// a trip with its distance ("42 km · 17,64 €"). Pure: the kind's label is given translated.
import { formatCalendarDate } from '@/lib/format/date';
import { formatCents } from '@/lib/format/money';
import type { Locale } from '@/lib/i18n/locales';

export type DescribedClaim = {
  date: string;
  kind: string;
  amountCents: number | null;
  distanceKm: number | null;
};

/** The claim's value: "23,40 €", or for a trip "42 km · 17,64 €" (or "42 km" with no rate yet). */
export function claimValue(claim: DescribedClaim, locale: Locale): string {
  const amount = claim.amountCents !== null ? formatCents(claim.amountCents, locale) : null;
  if (claim.kind === 'MILEAGE' && claim.distanceKm !== null)
    return [`${claim.distanceKm} km`, amount].filter(Boolean).join(' · ');
  return amount ?? '—';
}

export function claimSubject(claim: DescribedClaim, kindLabel: string, locale: Locale): string {
  return `${formatCalendarDate(claim.date, locale)} · ${kindLabel} · ${claimValue(claim, locale)}`;
}

export const HISTORY_KEYS = [
  'CREATED',
  'COMMITTED',
  'EDITED',
  'SUBMITTED',
  'APPROVED',
  'REJECTED',
  'CHANGES_REQUESTED',
  'UNAPPROVED',
  'DELETED',
  'FILE_ADDED',
  'FILE_REMOVED',
] as const;
export type HistoryKey = (typeof HISTORY_KEYS)[number];

/** Which sentence tells one event of a claim's history ("Validée par …"); null when none fits. */
export function historyKey(event: {
  kind: string;
  fromStatus: string | null;
  toStatus: string | null;
}): HistoryKey | null {
  if (event.kind === 'CREATED') return event.toStatus === 'COMMITTED' ? 'COMMITTED' : 'CREATED';
  if (['EDITED', 'DELETED', 'FILE_ADDED', 'FILE_REMOVED'].includes(event.kind)) return event.kind as HistoryKey;
  if (event.kind !== 'TRANSITION') return null;
  if (event.fromStatus === 'APPROVED' && event.toStatus === 'SUBMITTED') return 'UNAPPROVED';
  const to = event.toStatus as HistoryKey | null;
  return to && (HISTORY_KEYS as readonly string[]).includes(to) ? to : null;
}

/** A file added or removed: its event's comment is the file's name, not someone's words. */
export function isFileEvent(kind: string): boolean {
  return kind === 'FILE_ADDED' || kind === 'FILE_REMOVED';
}
