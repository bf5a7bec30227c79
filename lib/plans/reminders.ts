/**
 * Reminders to declare (relevé des compteurs, docs/plans.md): who is reminded, and why. Pure: the
 * caller reads the open periods, the people and their figures, and what was already sent.
 *
 * An active person is reminded, for an open period under way:
 * - DRAFTS: they have contributions saved as drafts, not submitted;
 * - PACE: they have planned minutes and their declared minutes are behind the plan's straight
 *   line (declared × days in the period < planned × days elapsed, in integers);
 * - PERIOD_END: everyone, once per period, from `daysBeforeEnd` days before its last day.
 * Nothing of one kind twice the same day (the caller's table is keyed person × day × kind).
 */
import { addDays, formatISO, parseISO } from 'date-fns';
import { periodDays } from '@/lib/plans/dashboard';

export const REMINDER_KINDS = ['DRAFTS', 'PACE', 'PERIOD_END'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export interface ReminderPeriod {
  id: string;
  name: string;
  /** First and last day, inclusive, `YYYY-MM-DD`. */
  startDate: string;
  endDate: string;
}

/** One person's figures in one period: drafts, planned minutes (their own plan lines), declared. */
export interface PersonPeriodFacts {
  personId: string;
  periodId: string;
  draftCount: number;
  plannedMinutes: number;
  /** Minutes of their contributions that are drafts, submitted, sent back or approved. */
  declaredMinutes: number;
}

export type ReminderReason =
  | { kind: 'DRAFTS'; periodId: string; draftCount: number }
  | { kind: 'PACE'; periodId: string; plannedMinutes: number; expectedMinutes: number; declaredMinutes: number }
  | { kind: 'PERIOD_END'; periodId: string; endDate: string; daysLeft: number };

export interface ReminderDue {
  personId: string;
  reasons: ReminderReason[];
}

export interface RemindersInput {
  today: string;
  daysBeforeEnd: number;
  /** The open periods. */
  periods: readonly ReminderPeriod[];
  /** The active people. */
  personIds: readonly string[];
  facts: readonly PersonPeriodFacts[];
  /** `personId:kind` sent today. */
  sentToday: ReadonlySet<string>;
  /** `personId:periodId` already reminded of that period's end (any day). */
  periodEndSent: ReadonlySet<string>;
}

const day = (date: Date) => formatISO(date, { representation: 'date' });

/** Is today within the period, and within the last `daysBeforeEnd` days of it? */
export function inPeriodEndWindow(period: ReminderPeriod, today: string, daysBeforeEnd: number): boolean {
  const from = day(addDays(parseISO(period.endDate), -daysBeforeEnd));
  return today >= period.startDate && today >= from && today <= period.endDate;
}

/** The minutes the plan expects by today: planned × days elapsed / days in the period, rounded down. */
export function expectedMinutes(period: ReminderPeriod, today: string, plannedMinutes: number): number {
  const { totalDays, elapsedDays } = periodDays(period.startDate, period.endDate, today);
  return Math.floor((plannedMinutes * elapsedDays) / totalDays);
}

export function remindersDue(input: RemindersInput): ReminderDue[] {
  const underWay = [...input.periods]
    .filter((period) => period.startDate <= input.today && input.today <= period.endDate)
    .sort((a, b) => (a.endDate < b.endDate ? -1 : a.endDate > b.endDate ? 1 : a.id < b.id ? -1 : 1));
  const factsOf = new Map(input.facts.map((facts) => [`${facts.personId}:${facts.periodId}`, facts]));
  const due: ReminderDue[] = [];
  for (const personId of [...input.personIds].sort()) {
    const reasons: ReminderReason[] = [];
    const add = (reason: ReminderReason) => {
      // One reason of each kind a day: the period ending first speaks.
      if (input.sentToday.has(`${personId}:${reason.kind}`)) return;
      if (reasons.some((existing) => existing.kind === reason.kind)) return;
      reasons.push(reason);
    };
    for (const period of underWay) {
      const facts = factsOf.get(`${personId}:${period.id}`);
      if (facts && facts.draftCount > 0) add({ kind: 'DRAFTS', periodId: period.id, draftCount: facts.draftCount });
      if (facts && facts.plannedMinutes > 0) {
        const { totalDays, elapsedDays } = periodDays(period.startDate, period.endDate, input.today);
        if (facts.declaredMinutes * totalDays < facts.plannedMinutes * elapsedDays)
          add({
            kind: 'PACE',
            periodId: period.id,
            plannedMinutes: facts.plannedMinutes,
            expectedMinutes: expectedMinutes(period, input.today, facts.plannedMinutes),
            declaredMinutes: facts.declaredMinutes,
          });
      }
      if (
        inPeriodEndWindow(period, input.today, input.daysBeforeEnd) &&
        !input.periodEndSent.has(`${personId}:${period.id}`)
      ) {
        const daysLeft = periodDays(input.today, period.endDate, period.endDate).totalDays - 1;
        add({ kind: 'PERIOD_END', periodId: period.id, endDate: period.endDate, daysLeft });
      }
    }
    if (reasons.length) due.push({ personId, reasons });
  }
  return due;
}
