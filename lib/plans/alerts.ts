/**
 * Envelope alerts (docs/plans.md): which thresholds of a chantier's envelope — 80 % (the alert
 * WARN: the demand or the forecast reaches 80 %) and 100 % (OVER: the demand exceeds it) — are
 * reached, and which of them nobody has been told of yet. Pure: the caller reads the dashboard and
 * what was already sent, and records a threshold before telling anyone.
 */
import type { DashboardChantier, PlanAlert } from '@/lib/plans/dashboard';

/** The kind of an alert's in-app notification. */
export const PLAN_ALERT_KIND = 'plan.alert';

export const ALERT_THRESHOLDS = [80, 100] as const;
export type AlertThreshold = (typeof ALERT_THRESHOLDS)[number];

/** The thresholds an alert level has reached: rising alerts only ever add to this list. */
export function thresholdsReached(alert: PlanAlert): AlertThreshold[] {
  if (alert === 'OVER') return [80, 100];
  if (alert === 'WARN') return [80];
  return [];
}

export interface AlertToSend {
  chantierId: string;
  /** Every threshold reached and not yet recorded (all are recorded, so none is sent later). */
  thresholds: AlertThreshold[];
  /** The one people are told of: the highest just crossed (straight to 100 % says 100 % only). */
  threshold: AlertThreshold;
  envelopeCents: number;
  demandCents: number;
  forecastCents: number;
}

/** What to send now, given the dashboard's chantiers and the `chantierId:threshold` already sent. */
export function alertsToSend(
  chantiers: readonly Pick<
    DashboardChantier,
    'chantierId' | 'envelopeCents' | 'demandCents' | 'forecastCents' | 'alert'
  >[],
  alreadySent: ReadonlySet<string>,
): AlertToSend[] {
  return chantiers.flatMap((chantier) => {
    if (chantier.envelopeCents === null) return [];
    const thresholds = thresholdsReached(chantier.alert).filter(
      (threshold) => !alreadySent.has(sentKey(chantier.chantierId, threshold)),
    );
    if (thresholds.length === 0) return [];
    return [
      {
        chantierId: chantier.chantierId,
        thresholds,
        threshold: thresholds[thresholds.length - 1]!,
        envelopeCents: chantier.envelopeCents,
        demandCents: chantier.demandCents,
        forecastCents: chantier.forecastCents,
      },
    ];
  });
}

export function sentKey(chantierId: string, threshold: number): string {
  return `${chantierId}:${threshold}`;
}

/** The demand as a whole percentage of the envelope, rounded down (never says 100 % before it is). */
export function percentOfEnvelope(amountCents: number, envelopeCents: number): number {
  if (envelopeCents <= 0) return amountCents > 0 ? 100 : 0;
  return Math.floor((amountCents * 100) / envelopeCents);
}
