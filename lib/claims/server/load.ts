// Loading a claim as stored, with its period, for a decision; mapping it out.
import 'server-only';
import type { Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import type { ClaimAction, ClaimKind, ClaimStatus } from '@/lib/claims/lifecycle';
import { decideClaimAction } from '@/lib/claims/policy';
import type { TClaimOut } from '@/lib/claims/openapi';
import { periodClosedError } from '@/lib/contributions/server/periods';
import { toIsoDate } from '@/lib/format/date';

export type StoredClaimRow = {
  id: string;
  person_id: string;
  created_by_id: string;
  chantier_id: string;
  place_id: string | null;
  period_id: string;
  kind: ClaimKind;
  date: Date;
  description: string;
  amount_cents: number | null;
  distance_km: number | null;
  status: ClaimStatus;
  version: number;
  period_status: 'OPEN' | 'CLOSED' | 'PAID';
  period_name: string;
  mileage_rate_cents: number | null;
  file_count: number;
};

/**
 * Locks the claim (FOR UPDATE) so that two reviewers, or a reviewer and its person, act one after
 * the other: the second sees what the first did, never a stale copy.
 */
export async function lockClaim(tx: Tx, id: string): Promise<StoredClaimRow> {
  const rows = await tx.$queryRaw<StoredClaimRow[]>`
    SELECT c.id, c.person_id, c.created_by_id, c.chantier_id, c.place_id, c.period_id, c.kind, c.date,
           c.description, c.amount_cents, c.distance_km, c.status, c.version,
           p.status AS period_status, p.name AS period_name, p.mileage_rate_cents,
           (SELECT count(*)::int FROM attachments a WHERE a.claim_id = c.id) AS file_count
      FROM claims c JOIN funding_periods p ON p.id = c.period_id
     WHERE c.id = ${id} AND c.deleted_at IS NULL
       FOR UPDATE OF c`;
  if (rows.length === 0) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
  return rows[0];
}

/** The editable values of a stored claim, as kept in the history when an edit replaces them. */
export function claimValues(row: StoredClaimRow) {
  return {
    date: toIsoDate(row.date),
    chantierId: row.chantier_id,
    placeId: row.place_id,
    description: row.description,
    amountCents: row.amount_cents,
    distanceKm: row.distance_km,
  };
}

/** The history entry of an edit or a deletion: who did it, and the values it replaced. */
export function claimChangeEvent(kind: 'EDITED' | 'DELETED', row: StoredClaimRow, actorId: string) {
  return {
    claimId: row.id,
    actorId,
    kind,
    fromStatus: row.status,
    toStatus: kind === 'EDITED' ? row.status : null,
    previousValues: claimValues(row),
  };
}

/** An edit or review started from an older version: refused, with what is stored now. */
export function claimStaleError(row: StoredClaimRow): AppError {
  return new AppError('STALE_VERSION', 'The claim changed since you opened it', {
    messageKey: 'claims.errors.STALE',
    details: { current: { ...claimValues(row), kind: row.kind, status: row.status, version: row.version } },
  });
}

/** Runs the pure policy on the stored row; throws the matching AppError when it refuses. */
export function decideClaimOrThrow(
  actor: Actor,
  row: StoredClaimRow,
  action: ClaimAction,
  comment?: string | null,
): ClaimStatus | null {
  const decision = decideClaimAction({
    actor: { id: actor.id, roles: actor.roles, referentOf: actor.referentOf, active: true },
    claim: { ownerId: row.person_id, createdById: row.created_by_id, chantierId: row.chantier_id, status: row.status },
    period: { status: row.period_status },
    action,
    comment,
  });
  if (decision.ok) return decision.to;
  switch (decision.code) {
    case 'PERIOD_CLOSED':
      throw periodClosedError({ id: row.period_id, name: row.period_name, status: row.period_status });
    case 'COMMENT_REQUIRED':
      throw new AppError('COMMENT_REQUIRED', 'errors.COMMENT_REQUIRED', {
        fields: { [action === 'reject' ? 'reason' : 'comment']: 'errors.COMMENT_REQUIRED' },
      });
    case 'INVALID_TRANSITION':
      throw new AppError('INVALID_TRANSITION', `A ${row.status} claim cannot be ${action}`, {
        messageKey: `claims.errors.INVALID_TRANSITION`,
        details: { status: row.status, version: row.version },
      });
    case 'INACTIVE':
      throw new AppError('FORBIDDEN', 'errors.FORBIDDEN');
    default:
      throw new AppError(decision.code, `errors.${decision.code}`);
  }
}

/** What an answer tells of a claim: a stored row, or a list's row with the same fields. */
export type ClaimFields = {
  id: string;
  personId: string;
  createdById: string;
  chantierId: string;
  placeId: string | null;
  periodId: string;
  kind: ClaimKind;
  date: Date;
  description: string;
  amountCents: number | null;
  distanceKm: number | null;
  status: ClaimStatus;
  version: number;
  submittedAt: Date | null;
  reviewedById: string | null;
  reviewedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
};

export function toClaimOut(row: ClaimFields, fileCount: number): TClaimOut {
  return {
    id: row.id,
    personId: row.personId,
    createdById: row.createdById,
    chantierId: row.chantierId,
    placeId: row.placeId,
    periodId: row.periodId,
    kind: row.kind,
    date: toIsoDate(row.date),
    description: row.description,
    amountCents: row.amountCents,
    distanceKm: row.distanceKm,
    status: row.status,
    version: row.version,
    fileCount,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    reviewedById: row.reviewedById,
    reviewedAt: row.reviewedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The claim as the API answers it, read inside the transaction that changed it. */
export async function readClaimOut(tx: Tx, id: string): Promise<TClaimOut> {
  const claim = await tx.claim.findUniqueOrThrow({
    where: { id },
    include: { _count: { select: { attachments: true } } },
  });
  return toClaimOut(claim, claim._count.attachments);
}
