// The planned money of one plan line (docs/plans.md), shared by the dashboard and the
// Prévisionnel screen's live figures, so the screen shows what the server will count. Pure.

/** Planned minutes × the hourly rate / 60, rounded half up to the cent, plus the fixed cents. */
export function plannedLineCents(plannedMinutes: number, rateCents: number, plannedFixedCents: number): number {
  const value = BigInt(plannedMinutes) * BigInt(rateCents);
  // Half up on non-negative integers: floor((2v + 60) / 120).
  return Number((2n * value + 60n) / 120n) + plannedFixedCents;
}

/** The person select's value for "tout le monde" (a plan line with `personId: null`). */
export const ANYONE = 'anyone';
