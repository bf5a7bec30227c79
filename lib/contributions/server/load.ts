// Loading a contribution as stored, with its period, for a decision; and mapping it out.
import type { Tx } from '@/lib/db';
import type { Contribution } from '@/lib/generated/prisma/client';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import type { ContributionStatus } from '@/lib/contributions/lifecycle';
import { decideContributionAction, type ContributionRefusalCode } from '@/lib/contributions/policy';
import type { ContributionAction } from '@/lib/contributions/lifecycle';
import { periodClosedError } from '@/lib/contributions/server/periods';
import { toIsoDate } from '@/lib/format/date';
import type { z } from 'zod';
import type { ZContributionOut } from '@/lib/contributions/openapi';

export type StoredRow = {
  id: string;
  person_id: string;
  chantier_id: string;
  place_id: string | null;
  period_id: string;
  date: Date;
  minutes: number;
  description: string;
  link: string | null;
  volunteer: boolean;
  status: ContributionStatus;
  version: number;
  reviewed_by_id: string | null;
  created_at: Date;
  updated_at: Date;
  period_status: 'OPEN' | 'CLOSED' | 'PAID';
  period_name: string;
};

/**
 * Locks the row (FOR UPDATE) so that two reviewers, or a reviewer and the owner, act one after
 * the other: the second sees what the first did, never a stale copy.
 */
export async function lockContribution(tx: Tx, id: string): Promise<StoredRow> {
  const rows = await tx.$queryRaw<StoredRow[]>`
    SELECT c.id, c.person_id, c.chantier_id, c.place_id, c.period_id, c.date, c.minutes, c.description, c.link,
           c.volunteer, c.status, c.version, c.reviewed_by_id, c.created_at, c.updated_at,
           p.status AS period_status, p.name AS period_name
      FROM contributions c JOIN funding_periods p ON p.id = c.period_id
     WHERE c.id = ${id} AND c.deleted_at IS NULL
       FOR UPDATE OF c`;
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
  return rows[0];
}

/** The editable values of a stored row, as kept in the history when an edit replaces them. */
export function editableValues(row: StoredRow) {
  return {
    date: toIsoDate(row.date),
    minutes: row.minutes,
    chantierId: row.chantier_id,
    placeId: row.place_id,
    description: row.description,
    link: row.link,
    volunteer: row.volunteer,
  };
}

/** The history entry of an edit or a deletion: who did it, and the values it replaced. */
export function changeEvent(kind: 'EDITED' | 'DELETED', row: StoredRow, actorId: string) {
  return {
    contributionId: row.id,
    actorId,
    kind,
    fromStatus: row.status,
    toStatus: kind === 'EDITED' ? row.status : null,
    previousValues: editableValues(row),
  };
}

/** An edit or review started from an older version: refused, with what is stored now. */
export function staleError(row: StoredRow): AppError {
  return new AppError('STALE_VERSION', 'errors.STALE_CONTRIBUTION', {
    details: { current: { ...editableValues(row), status: row.status, version: row.version } },
  });
}

const REFUSALS: Record<
  ContributionRefusalCode,
  'FORBIDDEN' | 'SELF_REVIEW' | 'PERIOD_CLOSED' | 'NO_PERIOD' | 'INVALID_TRANSITION' | 'COMMENT_REQUIRED'
> = {
  FORBIDDEN: 'FORBIDDEN',
  INACTIVE: 'FORBIDDEN',
  SELF_REVIEW: 'SELF_REVIEW',
  PERIOD_CLOSED: 'PERIOD_CLOSED',
  NO_PERIOD: 'NO_PERIOD',
  INVALID_TRANSITION: 'INVALID_TRANSITION',
  COMMENT_REQUIRED: 'COMMENT_REQUIRED',
};

/** Runs the pure policy on the stored row; throws the matching AppError when it refuses. */
export function decideOrThrow(
  actor: Actor,
  row: StoredRow,
  action: ContributionAction,
  comment?: string | null,
): ContributionStatus | null {
  const decision = decideContributionAction({
    actor: { id: actor.id, roles: actor.roles, referentOf: actor.referentOf, active: true },
    contribution: { ownerId: row.person_id, chantierId: row.chantier_id, status: row.status },
    period: { status: row.period_status },
    action,
    comment,
  });
  if (decision.ok) return decision.to;
  const code = REFUSALS[decision.code];
  if (code === 'PERIOD_CLOSED')
    throw periodClosedError({ id: row.period_id, name: row.period_name, status: row.period_status });
  if (code === 'COMMENT_REQUIRED')
    throw new AppError(code, 'errors.COMMENT_REQUIRED', {
      fields: { [action === 'reject' ? 'reason' : 'comment']: 'errors.COMMENT_REQUIRED' },
    });
  throw new AppError(code, `errors.${code}`);
}

/** What the API answers for a contribution: the type of the schema the OpenAPI document shows. */
export type TContributionOut = z.infer<typeof ZContributionOut>;

/** What an answer tells of a contribution: a stored row, or a list's row carrying the same fields. */
export type ContributionFields = Pick<
  Contribution,
  | 'id'
  | 'personId'
  | 'chantierId'
  | 'placeId'
  | 'periodId'
  | 'date'
  | 'minutes'
  | 'description'
  | 'link'
  | 'volunteer'
  | 'status'
  | 'version'
  | 'createdAt'
  | 'updatedAt'
>;

export function toContributionOut(row: ContributionFields): TContributionOut {
  return {
    id: row.id,
    personId: row.personId,
    chantierId: row.chantierId,
    placeId: row.placeId,
    periodId: row.periodId,
    date: toIsoDate(row.date),
    minutes: row.minutes,
    description: row.description,
    link: row.link,
    volunteer: row.volunteer,
    status: row.status,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}
