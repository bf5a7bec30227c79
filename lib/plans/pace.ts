// A person's pace against their plan (docs/plans.md), for their home page. Pure.
export type Pace = 'AHEAD' | 'ON_TRACK' | 'BEHIND';

/**
 * The minutes the plan expects by today — planned × days elapsed / days in the period, half up —
 * and where the declared minutes stand: within 10 % of that is on pace (compared in integers).
 */
export function paceOf(options: {
  plannedMinutes: number;
  declaredMinutes: number;
  elapsedDays: number;
  totalDays: number;
}): {
  expectedMinutes: number;
  pace: Pace;
} {
  const { plannedMinutes, declaredMinutes, elapsedDays, totalDays } = options;
  const expectedMinutes =
    totalDays <= 0 ? plannedMinutes : Math.floor((2 * plannedMinutes * elapsedDays + totalDays) / (2 * totalDays));
  const pace =
    10 * declaredMinutes < 9 * expectedMinutes
      ? 'BEHIND'
      : 10 * declaredMinutes > 11 * expectedMinutes
        ? 'AHEAD'
        : 'ON_TRACK';
  return { expectedMinutes, pace };
}
