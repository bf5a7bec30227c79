// The audit log: who did what sensitive thing, when. Append-only (a trigger refuses edits).
import type { Tx } from '@/lib/db';

export async function writeAudit(
  tx: Tx,
  entry: {
    actorId: string | null;
    action: string;
    entityType: string;
    entityId?: string | null;
    data?: Record<string, unknown>;
  },
): Promise<void> {
  await tx.auditLog.create({
    data: {
      actorId: entry.actorId,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      data: (entry.data ?? undefined) as object | undefined,
    },
  });
}
