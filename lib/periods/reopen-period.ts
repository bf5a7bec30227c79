// Reopening a closed period (admin, with a reason): its frozen payout run is kept, marked
// superseded with the reason and the time, never deleted, and the period is open again.
import 'server-only';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';

export async function reopenPeriod(options: {
  actor: Actor;
  periodId: string;
  reason: string;
}): Promise<{ status: 'OPEN'; supersededRunId: string | null }> {
  assertCan(options.actor, 'periods.reopen');
  const reason = options.reason.trim();
  if (!reason)
    throw new AppError('VALIDATION', 'A reason is required', { fields: { reason: 'errors.COMMENT_REQUIRED' } });
  return db().$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<
      { status: string }[]
    >`SELECT status::text AS status FROM funding_periods WHERE id = ${options.periodId} FOR UPDATE`;
    if (!locked) throw new AppError('NOT_FOUND', 'Period not found');
    if (locked.status === 'OPEN') throw new AppError('CONFLICT', 'The period is already open');
    // A paid period's money has left the account: it is corrected by reversals, not by a new run.
    if (locked.status !== 'CLOSED')
      throw new AppError('CONFLICT', 'Only a closed period can be reopened; this one is paid');
    const current = await tx.payoutRun.findFirst({
      where: { periodId: options.periodId, status: 'CURRENT' },
      select: { id: true },
    });
    const now = new Date();
    if (current) {
      await tx.payoutRun.update({
        where: { id: current.id },
        data: { status: 'SUPERSEDED', supersededAt: now, supersededReason: reason },
      });
    }
    await tx.fundingPeriod.update({
      where: { id: options.periodId },
      data: { status: 'OPEN', closedAt: null, closedById: null, version: { increment: 1 } },
    });
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: 'period.reopened',
      entityType: 'period',
      entityId: options.periodId,
      data: { reason, supersededRunId: current?.id ?? null },
    });
    return { status: 'OPEN' as const, supersededRunId: current?.id ?? null };
  });
}
