// Reminders to declare (relevé des compteurs, docs/plans.md), sent by `npm run notify:reminders`
// (a daily cron) and by a treasurer's button. Who gets what is lib/plans/reminders.ts; this reads
// the figures in a few queries, records each reminder in reminders_sent (key person × day × kind)
// before sending it, so a second run the same day — the cron, the button, another instance —
// sends nothing again, and emails each person once with every reason.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { logError } from '@/lib/log';
import { hasRole, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';
import { mailEnabled, sendMail } from '@/lib/mail/mailer';
import { formatDuration } from '@/lib/contributions/duration';
import { formatCalendarDate } from '@/lib/format/date';
import { getSettings } from '@/lib/settings/settings';
import { todayIn } from '@/lib/contributions/server/periods';
import { remindersDue, type ReminderPeriod, type ReminderReason } from '@/lib/plans/reminders';

export type RemindersResult = {
  mailEnabled: boolean;
  /** Who was emailed, and why. */
  sent: { email: string; kinds: ReminderReason['kind'][] }[];
  /** How many people had something due (with or without mail). */
  due: number;
};

export function reminderMail(
  person: { name: string },
  reasons: readonly ReminderReason[],
  periods: Map<string, ReminderPeriod>,
) {
  const periodName = (id: string) => periods.get(id)?.name ?? '';
  const lines = reasons.map((reason) => {
    switch (reason.kind) {
      case 'DRAFTS':
        return `- Vous avez ${reason.draftCount} contribution${reason.draftCount > 1 ? 's' : ''} en brouillon, pas encore soumise${reason.draftCount > 1 ? 's' : ''}, dans la période ${periodName(reason.periodId)}.`;
      case 'PACE':
        return `- Votre prévisionnel de la période ${periodName(reason.periodId)} compte ${formatDuration(reason.plannedMinutes)} ; à ce jour il en attendait ${formatDuration(reason.expectedMinutes)} et vous en avez déclaré ${formatDuration(reason.declaredMinutes)}.`;
      case 'PERIOD_END':
        return `- La période ${periodName(reason.periodId)} se termine le ${formatCalendarDate(reason.endDate, 'fr')} (dans ${reason.daysLeft} jour${reason.daysLeft > 1 ? 's' : ''}) : c’est le moment de déclarer vos heures.`;
    }
  });
  return {
    subject: 'Butin : relevé des compteurs, pensez à déclarer vos heures',
    text:
      `Bonjour ${person.name},\n\nCe rappel vous est envoyé parce que :\n${lines.join('\n')}\n\n` +
      `Déclarer vos heures : ${appUrl()}/contributions/week\n\n` +
      `Vous ne recevez pas deux fois le même rappel le même jour.\n\n— Butin\n`,
  };
}

type FactsRow = { person_id: string; period_id: string; drafts: bigint; declared: bigint; planned: bigint };

/**
 * Sends the reminders due today. With an actor (the button), only a treasurer may; the cron runs
 * without one. Without SMTP_URL nothing is sent nor recorded: the result says how many were due.
 */
export async function sendReminders(options: { actor?: Actor; today?: string } = {}): Promise<RemindersResult> {
  if (options.actor && !hasRole(options.actor, 'TREASURER'))
    throw new AppError('FORBIDDEN', 'Only a treasurer may send the reminders');
  const settings = await getSettings();
  const today = options.today ?? todayIn(settings.timeZone);
  const openPeriods = await db().fundingPeriod.findMany({
    where: { status: 'OPEN' },
    select: { id: true, name: true, startDate: true, endDate: true },
  });
  const periods: ReminderPeriod[] = openPeriods.map((period) => ({
    id: period.id,
    name: period.name,
    startDate: period.startDate.toISOString().slice(0, 10),
    endDate: period.endDate.toISOString().slice(0, 10),
  }));
  if (periods.length === 0) return { mailEnabled: mailEnabled(), sent: [], due: 0 };
  const periodIds = periods.map((period) => period.id);
  const [people, facts, sentToday, periodEndSent] = await Promise.all([
    db().person.findMany({ where: { active: true }, select: { id: true, email: true, name: true } }),
    // Per person and open period: drafts, declared minutes and planned minutes, in one query.
    db().$queryRaw<FactsRow[]>`
      WITH declared AS (
        SELECT person_id, period_id,
               count(*) FILTER (WHERE status = 'DRAFT') AS drafts,
               coalesce(sum(minutes) FILTER (WHERE status IN ('DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED')), 0) AS declared
          FROM contributions
         WHERE period_id IN (${Prisma.join(periodIds)}) AND deleted_at IS NULL
         GROUP BY person_id, period_id
      ), planned AS (
        SELECT person_id, period_id, sum(planned_minutes) AS planned
          FROM plan_lines
         WHERE period_id IN (${Prisma.join(periodIds)}) AND person_id IS NOT NULL
         GROUP BY person_id, period_id
      )
      SELECT coalesce(d.person_id, p.person_id) AS person_id, coalesce(d.period_id, p.period_id) AS period_id,
             coalesce(d.drafts, 0) AS drafts, coalesce(d.declared, 0) AS declared, coalesce(p.planned, 0) AS planned
        FROM declared d FULL JOIN planned p ON p.person_id = d.person_id AND p.period_id = d.period_id`,
    db().reminderSent.findMany({
      where: { day: new Date(`${today}T00:00:00Z`) },
      select: { personId: true, kind: true },
    }),
    db().reminderSent.findMany({
      where: { periodId: { in: periodIds }, kind: 'PERIOD_END' },
      select: { personId: true, periodId: true },
    }),
  ]);
  const due = remindersDue({
    today,
    daysBeforeEnd: settings.reminderDaysBeforeEnd,
    periods,
    personIds: people.map((person) => person.id),
    facts: facts.map((row) => ({
      personId: row.person_id,
      periodId: row.period_id,
      draftCount: Number(row.drafts),
      declaredMinutes: Number(row.declared),
      plannedMinutes: Number(row.planned),
    })),
    sentToday: new Set(sentToday.map((row) => `${row.personId}:${row.kind}`)),
    periodEndSent: new Set(periodEndSent.map((row) => `${row.personId}:${row.periodId}`)),
  });
  if (!mailEnabled()) return { mailEnabled: false, sent: [], due: due.length };

  const byId = new Map(people.map((person) => [person.id, person]));
  const periodById = new Map(periods.map((period) => [period.id, period]));
  const sent: RemindersResult['sent'] = [];
  for (const reminder of due) {
    const person = byId.get(reminder.personId)!;
    // Recorded first: whoever inserts a kind for today sends it; a concurrent run skips it.
    const inserted = await db().reminderSent.createManyAndReturn({
      data: reminder.reasons.map((reason) => ({
        personId: person.id,
        day: new Date(`${today}T00:00:00Z`),
        kind: reason.kind,
        periodId: reason.periodId,
      })),
      skipDuplicates: true,
      select: { kind: true },
    });
    const kinds = new Set(inserted.map((row) => row.kind));
    const reasons = reminder.reasons.filter((reason) => kinds.has(reason.kind));
    if (reasons.length === 0) continue;
    try {
      await sendMail({ to: person.email, ...reminderMail(person, reasons, periodById) });
      sent.push({ email: person.email, kinds: reasons.map((reason) => reason.kind) });
    } catch (error) {
      logError('could not email a reminder', error, { personId: person.id });
    }
  }
  if (options.actor)
    await db().$transaction((tx) =>
      writeAudit(tx, {
        actorId: options.actor!.id,
        action: 'reminders.send',
        entityType: 'settings',
        entityId: '1',
        data: { day: today, sent: sent.length },
      }),
    );
  return { mailEnabled: true, sent, due: due.length };
}
