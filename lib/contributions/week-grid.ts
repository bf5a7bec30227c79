// The weekly timesheet as a grid, over plain data: rows are (chantier, place-or-none) pairs,
// columns the seven days, and a cell holds a person's non-deleted contributions of that row and
// day. Shared by the page (what to show and what may be typed in) and by the planner (what the
// typed grid means), so both read a cell the same way.
//
// A cell is
// - CLOSED when its day is in no open period: nothing there can change, whatever it holds;
// - EMPTY when it holds nothing: typing creates a draft;
// - DRAFT when it holds exactly one draft: typing changes that draft, clearing deletes it;
// - LOCKED otherwise (a submitted, approved… contribution, or several): read-only here, changed
//   one by one from "Mes contributions".
//
// A cell's fingerprint ("id:version" of its contributions, sorted) is what the page saw; the
// planner compares it with what is stored now to tell that a cell changed in the meantime.
import type { ContributionStatus } from './lifecycle';

export type WeekDay = { date: string; open: boolean };

export type WeekContribution = {
  id: string;
  chantierId: string;
  placeId: string | null;
  date: string;
  minutes: number;
  description: string;
  status: ContributionStatus;
  version: number;
};

export type WeekCellState = 'CLOSED' | 'EMPTY' | 'DRAFT' | 'LOCKED';

export type WeekCellView = {
  state: WeekCellState;
  /** The sum of the cell's contributions, whatever their status. */
  minutes: number;
  /** The statuses found in the cell, each once, in lifecycle order. */
  statuses: ContributionStatus[];
  fingerprint: string;
};

export type WeekRowView = {
  chantierId: string;
  placeId: string | null;
  /** Prefill for new drafts: the description of the row's first draft, if any. */
  description: string;
  cells: WeekCellView[];
};

const STATUS_ORDER: ContributionStatus[] = ['DRAFT', 'SUBMITTED', 'CHANGES_REQUESTED', 'APPROVED', 'REJECTED'];

export function rowKey(chantierId: string, placeId: string | null): string {
  return `${chantierId}|${placeId ?? ''}`;
}

export function cellFingerprint(contributions: readonly Pick<WeekContribution, 'id' | 'version'>[]): string {
  return contributions
    .map((contribution) => `${contribution.id}:${contribution.version}`)
    .sort()
    .join(',');
}

export function cellState(contributions: readonly Pick<WeekContribution, 'status'>[], dayOpen: boolean): WeekCellState {
  if (!dayOpen) return 'CLOSED';
  if (contributions.length === 0) return 'EMPTY';
  if (contributions.length === 1 && contributions[0].status === 'DRAFT') return 'DRAFT';
  return 'LOCKED';
}

/** Contributions by row key, then by date. */
export function indexWeek(contributions: readonly WeekContribution[]): Map<string, Map<string, WeekContribution[]>> {
  const index = new Map<string, Map<string, WeekContribution[]>>();
  for (const contribution of contributions) {
    const key = rowKey(contribution.chantierId, contribution.placeId);
    const byDate = index.get(key) ?? new Map<string, WeekContribution[]>();
    byDate.set(contribution.date, [...(byDate.get(contribution.date) ?? []), contribution]);
    index.set(key, byDate);
  }
  return index;
}

export function cellView(contributions: readonly WeekContribution[], dayOpen: boolean): WeekCellView {
  const present = new Set(contributions.map((contribution) => contribution.status));
  return {
    state: cellState(contributions, dayOpen),
    minutes: contributions.reduce((sum, contribution) => sum + contribution.minutes, 0),
    statuses: STATUS_ORDER.filter((status) => present.has(status)),
    fingerprint: cellFingerprint(contributions),
  };
}

/** One row per (chantier, place) pair holding contributions this week, in order of first appearance. */
export function buildWeekRows(days: readonly WeekDay[], contributions: readonly WeekContribution[]): WeekRowView[] {
  const index = indexWeek(contributions);
  const rows: WeekRowView[] = [];
  for (const byDate of index.values()) {
    const first = [...byDate.values()][0][0];
    const firstDraft = days
      .flatMap((day) => byDate.get(day.date) ?? [])
      .find((contribution) => contribution.status === 'DRAFT');
    rows.push({
      chantierId: first.chantierId,
      placeId: first.placeId,
      description: firstDraft?.description ?? '',
      cells: days.map((day) => cellView(byDate.get(day.date) ?? [], day.open)),
    });
  }
  return rows;
}

/** A cell of a row the person adds, which holds nothing yet. */
export function emptyCell(day: WeekDay): WeekCellView {
  return cellView([], day.open);
}
