// The receipts of a page of claims in two queries (not one per claim), for the review list: only
// those of claims whose files the actor may see, decided on the claims as stored (docs/claims.md:
// the owner, the chantier's referents, treasurers and admins; never through transparency).
import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { canSeeClaimFiles } from '@/lib/claims/policy';

export type ReceiptMeta = { id: string; fileName: string; contentType: string; sizeBytes: number };

export async function receiptsOfClaims(actor: Actor, claimIds: string[]): Promise<Map<string, ReceiptMeta[]>> {
  const byClaim = new Map<string, ReceiptMeta[]>();
  if (claimIds.length === 0) return byClaim;
  const claims = await db().claim.findMany({
    where: { id: { in: claimIds }, deletedAt: null },
    select: { id: true, personId: true, createdById: true, chantierId: true, status: true },
  });
  const visible = claims
    .filter((claim) =>
      canSeeClaimFiles({
        actor,
        claim: {
          ownerId: claim.personId,
          createdById: claim.createdById,
          chantierId: claim.chantierId,
          status: claim.status,
        },
      }),
    )
    .map((claim) => claim.id);
  if (visible.length === 0) return byClaim;
  const files = await db().attachment.findMany({
    where: { claimId: { in: visible } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { id: true, claimId: true, fileName: true, contentType: true, sizeBytes: true },
  });
  for (const { claimId, ...file } of files) {
    if (!claimId) continue;
    byClaim.set(claimId, [...(byClaim.get(claimId) ?? []), file]);
  }
  return byClaim;
}
