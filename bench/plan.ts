// What the benchmark's data set holds, decided before a row is written: the scale, the 24 monthly
// funding periods with their status, and how many contributions of each status every period gets.
// Pure, so a unit test can check that it all adds up.

export const CONTRIBUTION_STATUSES = ['DRAFT', 'SUBMITTED', 'APPROVED', 'REJECTED', 'CHANGES_REQUESTED'] as const;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
export type PeriodStatus = 'OPEN' | 'CLOSED' | 'PAID';

export type ScaleName = 'small' | 'full' | '10x';

export type ScaleConfig = {
  name: ScaleName;
  people: number;
  chantiers: number;
  places: number;
  contributions: number;
  periods: number;
  /** Seconds of load per HTTP or SQL scenario. */
  durationSeconds: number;
  /** Pages of 200 followed to reach the "deep page" cursor of the transparency list. */
  deepPages: number;
};

export const SCALES: Record<ScaleName, ScaleConfig> = {
  // Ten times Kimai's (issue 16): 12 000 people, 15 M contributions over three years.
  '10x': {
    name: '10x',
    people: 12_000,
    chantiers: 40,
    places: 10,
    contributions: 15_000_000,
    periods: 36,
    durationSeconds: 10,
    deepPages: 100,
  },
  // Kimai's published test: 1.5 M timesheets, 1 200 users.
  full: {
    name: 'full',
    people: 1200,
    chantiers: 12,
    places: 10,
    contributions: 1_500_000,
    periods: 24,
    durationSeconds: 10,
    deepPages: 100,
  },
  // A quick look in about a minute, end to end.
  small: {
    name: 'small',
    people: 120,
    chantiers: 12,
    places: 10,
    contributions: 30_000,
    periods: 24,
    durationSeconds: 3,
    deepPages: 20,
  },
};

export function scaleFromEnv(value: string | undefined): ScaleConfig {
  const name = (value ?? 'full').toLowerCase();
  if (!Object.hasOwn(SCALES, name))
    throw new Error(`BENCH_SCALE must be one of ${Object.keys(SCALES).join(', ')}, got "${value}"`);
  return SCALES[name as ScaleName];
}

/**
 * The calendar is fixed (not today's date) so that every run generates the same data set: 24
 * months (36 at 10x) ending with November 2026, "today" being 28 November 2026.
 */
export const CALENDAR = { lastMonth: { year: 2026, month: 11 }, today: '2026-11-28' } as const;

export type PeriodPlan = {
  index: number;
  name: string;
  /** `YYYY-MM-DD`, inclusive. */
  startDate: string;
  endDate: string;
  /** The last day contributions are dated in: the end, or "today" for the current period. */
  lastContributionDate: string;
  status: PeriodStatus;
  total: number;
  byStatus: Record<ContributionStatus, number>;
  /** The period with the most contributions: the payout preview and the export measure it. */
  largest: boolean;
};

type Mix = Record<ContributionStatus, number>;

/** A closed period holds no SUBMITTED or CHANGES_REQUESTED contribution: closing refuses them. */
const CLOSED_MIX: Mix = { APPROVED: 0.955, REJECTED: 0.03, DRAFT: 0.015, SUBMITTED: 0, CHANGES_REQUESTED: 0 };
/** The largest period, still open: its referents have approved most of it (~60 k at full scale). */
const LARGEST_OPEN_MIX: Mix = {
  APPROVED: 0.905,
  SUBMITTED: 0.05,
  CHANGES_REQUESTED: 0.01,
  REJECTED: 0.02,
  DRAFT: 0.015,
};
/** Last month: under review. */
const REVIEW_MIX: Mix = { APPROVED: 0.55, SUBMITTED: 0.35, CHANGES_REQUESTED: 0.03, REJECTED: 0.02, DRAFT: 0.05 };
/** This month: being declared. */
const CURRENT_MIX: Mix = { APPROVED: 0.1, SUBMITTED: 0.45, CHANGES_REQUESTED: 0.03, REJECTED: 0.01, DRAFT: 0.41 };

const MONTHS_FR = [
  'janvier',
  'février',
  'mars',
  'avril',
  'mai',
  'juin',
  'juillet',
  'août',
  'septembre',
  'octobre',
  'novembre',
  'décembre',
];

/** Splits `total` in proportion to `weights` so that the parts add up exactly (largest remainder). */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum <= 0) throw new Error('weights must add up to more than 0');
  const exact = weights.map((weight) => (total * weight) / sum);
  const parts = exact.map(Math.floor);
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = exact
    .map((value, index) => ({ index, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.index - b.index);
  for (const { index } of order) {
    if (left <= 0) break;
    parts[index] += 1;
    left -= 1;
  }
  return parts;
}

const pad = (value: number) => String(value).padStart(2, '0');

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The periods, oldest first: the first two thirds PAID, then CLOSED, and the last three OPEN —
 * the largest one (mostly approved, a few still waiting: it cannot be closed yet), last month
 * (under review) and this month (being declared). The collective grows slowly, so later periods
 * hold a little more; this month is only partly declared.
 */
export function planPeriods(scale: Pick<ScaleConfig, 'contributions' | 'periods'>): PeriodPlan[] {
  const count = scale.periods;
  if (count < 4) throw new Error('at least 4 periods');
  const largestIndex = count - 3;
  const weights = Array.from({ length: count }, (_, index) => {
    if (index < largestIndex) return 0.85 + (0.15 * index) / largestIndex;
    if (index === largestIndex) return 1;
    return index === count - 2 ? 0.97 : 0.9;
  });
  const totals = apportion(scale.contributions, weights);
  const paidUntil = Math.floor((largestIndex * 3) / 4);
  const { year: lastYear, month: lastMonth } = CALENDAR.lastMonth;
  return totals.map((total, index) => {
    const monthsBack = count - 1 - index;
    const monthIndex = lastYear * 12 + (lastMonth - 1) - monthsBack;
    const year = Math.floor(monthIndex / 12);
    const month = (monthIndex % 12) + 1;
    const startDate = `${year}-${pad(month)}-01`;
    const endDate = `${year}-${pad(month)}-${pad(lastDayOfMonth(year, month))}`;
    const status: PeriodStatus = index < paidUntil ? 'PAID' : index < largestIndex ? 'CLOSED' : 'OPEN';
    const mix =
      index < largestIndex
        ? CLOSED_MIX
        : index === largestIndex
          ? LARGEST_OPEN_MIX
          : index === count - 2
            ? REVIEW_MIX
            : CURRENT_MIX;
    const parts = apportion(
      total,
      CONTRIBUTION_STATUSES.map((status) => mix[status]),
    );
    const byStatus = Object.fromEntries(CONTRIBUTION_STATUSES.map((status, i) => [status, parts[i]])) as Record<
      ContributionStatus,
      number
    >;
    const name = `${MONTHS_FR[month - 1][0].toUpperCase()}${MONTHS_FR[month - 1].slice(1)} ${year}`;
    const lastContributionDate = index === count - 1 && CALENDAR.today < endDate ? CALENDAR.today : endDate;
    return {
      index,
      name,
      startDate,
      endDate,
      lastContributionDate,
      status,
      total,
      byStatus,
      largest: index === largestIndex,
    };
  });
}
