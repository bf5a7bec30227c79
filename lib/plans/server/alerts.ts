// Envelope alerts (docs/plans.md): when a chantier's demand or forecast crosses 80 % and then
// 100 % of its envelope, its referents and the treasurers are told in the app and by email, once
// per threshold and period. A threshold is recorded in plan_alerts_sent (its key: period ×
// chantier × threshold) in the same transaction as the in-app notices; whoever inserts the row
// first tells, so two approvals racing, or two instances, never send an alert twice. Checked
// after every change that moves the demand (approve, un-approve, submit…) and by the daily
// `npm run notify:reminders`.
import 'server-only';
import { db } from '@/lib/db';
import { appUrl } from '@/lib/env';
import { logError } from '@/lib/log';
import { mailEnabled, sendMail } from '@/lib/mail/mailer';
import { formatCents } from '@/lib/format/money';
import { alertsToSend, percentOfEnvelope, PLAN_ALERT_KIND, sentKey, type AlertThreshold } from '@/lib/plans/alerts';

export { PLAN_ALERT_KIND };
import { loadPeriodDashboard } from '@/lib/plans/server/plan';

/** What an alert notification holds (its `data`), and what its email says. */
export type PlanAlertNotice = {
  periodId: string;
  periodName: string;
  chantierId: string;
  chantierName: string;
  threshold: AlertThreshold;
  envelopeCents: number;
  demandCents: number;
  forecastCents: number;
};

type Recipient = { id: string; email: string; name: string };

/** The chantier's active referents and the active treasurers, each once. */
async function recipientsOf(chantierId: string): Promise<Recipient[]> {
  return db().$queryRaw<Recipient[]>`
    SELECT DISTINCT p.id, p.email, p.name
      FROM people p
     WHERE p.active
       AND ('TREASURER' = ANY(p.roles)
            OR EXISTS (SELECT 1 FROM referent_links l WHERE l.person_id = p.id AND l.chantier_id = ${chantierId}))
     ORDER BY p.email`;
}

export function dashboardUrl(periodId: string): string {
  return `${appUrl()}/periods/${periodId}/dashboard`;
}

export function alertMail(notice: PlanAlertNotice, recipient: { name: string }) {
  const over = notice.threshold === 100;
  const percent = percentOfEnvelope(notice.demandCents, notice.envelopeCents);
  const forecastPercent = percentOfEnvelope(notice.forecastCents, notice.envelopeCents);
  return {
    subject: over
      ? `Butin : enveloppe dépassée pour le chantier ${notice.chantierName}`
      : `Butin : le chantier ${notice.chantierName} atteint 80 % de son enveloppe`,
    text:
      `Bonjour ${recipient.name},\n\n` +
      (over
        ? `La demande du chantier ${notice.chantierName} dépasse son enveloppe pour la période ${notice.periodName}.\n\n`
        : `Le chantier ${notice.chantierName} atteint 80 % de son enveloppe pour la période ${notice.periodName} (demande ou prévision en fin de période).\n\n`) +
      `- Enveloppe : ${formatCents(notice.envelopeCents)}\n` +
      `- Demande (heures validées et frais) : ${formatCents(notice.demandCents)} (${percent} %)\n` +
      `- Prévision en fin de période : ${formatCents(notice.forecastCents)} (${forecastPercent} %)\n\n` +
      `Tableau de bord : ${dashboardUrl(notice.periodId)}\n\n` +
      `Vous recevez ce message en tant que trésorier·e ou référent·e du chantier ; il n’est envoyé qu’une fois par seuil et par période.\n\n— Butin\n`,
  };
}

/**
 * Checks one open period's envelopes and tells of every threshold newly reached. Returns what was
 * sent. Cheap when nothing is new: the dashboard is read once, the sent rows once.
 */
export async function checkPlanAlerts(options: { periodId: string; today?: string }): Promise<PlanAlertNotice[]> {
  const period = await db().fundingPeriod.findUnique({
    where: { id: options.periodId },
    select: { id: true, name: true, status: true, _count: { select: { envelopes: true } } },
  });
  if (!period || period.status !== 'OPEN' || period._count.envelopes === 0) return [];
  const [dashboard, sentRows] = await Promise.all([
    loadPeriodDashboard(options),
    db().planAlertSent.findMany({ where: { periodId: period.id }, select: { chantierId: true, threshold: true } }),
  ]);
  const toSend = alertsToSend(
    dashboard.chantiers,
    new Set(sentRows.map((row) => sentKey(row.chantierId, row.threshold))),
  );
  if (toSend.length === 0) return [];

  const names = new Map(
    (
      await db().chantier.findMany({
        where: { id: { in: toSend.map((alert) => alert.chantierId) } },
        select: { id: true, name: true },
      })
    ).map((chantier) => [chantier.id, chantier.name]),
  );
  const told: { notice: PlanAlertNotice; recipients: Recipient[] }[] = [];
  for (const alert of toSend) {
    const notice: PlanAlertNotice = {
      periodId: period.id,
      periodName: period.name,
      chantierId: alert.chantierId,
      chantierName: names.get(alert.chantierId) ?? alert.chantierId,
      threshold: alert.threshold,
      envelopeCents: alert.envelopeCents,
      demandCents: alert.demandCents,
      forecastCents: alert.forecastCents,
    };
    const recipients = await recipientsOf(alert.chantierId);
    const claimed = await db().$transaction(async (tx) => {
      // The key decides who tells: a concurrent check that inserted first makes this one a no-op.
      const inserted = await tx.planAlertSent.createManyAndReturn({
        data: alert.thresholds.map((threshold) => ({
          periodId: period.id,
          chantierId: alert.chantierId,
          threshold,
          envelopeCents: alert.envelopeCents,
          demandCents: alert.demandCents,
          forecastCents: alert.forecastCents,
        })),
        skipDuplicates: true,
        select: { threshold: true },
      });
      if (!inserted.some((row) => row.threshold === alert.threshold)) return false;
      await tx.notification.createMany({
        data: recipients.map((recipient) => ({ personId: recipient.id, kind: PLAN_ALERT_KIND, data: notice })),
      });
      return true;
    });
    if (claimed) told.push({ notice, recipients });
  }
  if (mailEnabled()) {
    for (const { notice, recipients } of told) {
      for (const recipient of recipients) {
        try {
          await sendMail({ to: recipient.email, ...alertMail(notice, recipient) });
        } catch (error) {
          // The alert is recorded and shown in the app; a mail server hiccup must not repeat it.
          logError('could not email an envelope alert', error, { chantierId: notice.chantierId });
        }
      }
    }
  }
  return told.map((entry) => entry.notice);
}

/**
 * After a change that moved the demand has committed: checks those periods (or every open one).
 * Never fails the change itself: an error is logged, and the daily command checks again.
 */
export async function checkPlanAlertsAfterChange(periodIds?: readonly string[]): Promise<void> {
  try {
    const ids =
      periodIds ??
      (await db().fundingPeriod.findMany({ where: { status: 'OPEN' }, select: { id: true } })).map((p) => p.id);
    for (const periodId of new Set(ids)) await checkPlanAlerts({ periodId });
  } catch (error) {
    logError('could not check the envelope alerts', error);
  }
}
