// Files of claims (receipts) and contributions (attachments), by one mechanism (docs/claims.md
// "Files"): added and removed by the item's person while it can still change, listed and opened
// by those who may see them (its person, its chantier's referents, treasurers, admins; never
// through the transparency setting), their bytes kept in `attachment_contents` and read back in
// chunks, never a whole table of files in memory.
import 'server-only';
import { createHash } from 'node:crypto';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import { canSeeClaimFiles, type StoredClaim } from '@/lib/claims/policy';
import { decideClaimOrThrow, lockClaim } from '@/lib/claims/server/load';
import { decideOrThrow as decideContributionOrThrow, lockContribution } from '@/lib/contributions/server/load';
import { sniffFile } from '@/lib/files/sniff';
import { MAX_FILES_PER_ITEM, type AttachmentFileType, type TAttachmentOut } from '@/lib/files/schemas';

/** Whose files: a claim's, or a contribution's. */
export type FileOwner = { claimId: string } | { contributionId: string };

/** Bytes read per query when a file is served: small enough for many at once, large enough to be quick. */
export const CHUNK_BYTES = 512 * 1024;

const ATTACHMENT_FIELDS = {
  id: true,
  fileName: true,
  contentType: true,
  sizeBytes: true,
  sha256: true,
  uploadedById: true,
  createdAt: true,
} as const;

type AttachmentRow = {
  id: string;
  fileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  uploadedById: string;
  createdAt: Date;
};

function toAttachmentOut(row: AttachmentRow): TAttachmentOut {
  return { ...row, contentType: row.contentType as AttachmentFileType, createdAt: row.createdAt.toISOString() };
}

const ownerWhere = (owner: FileOwner) =>
  'claimId' in owner ? { claimId: owner.claimId } : { contributionId: owner.contributionId };

/** The item as stored, for the visibility rule; null when it does not exist (or is deleted). */
async function storedItem(tx: Tx, owner: FileOwner): Promise<StoredClaim | null> {
  if ('claimId' in owner) {
    const claim = await tx.claim.findFirst({
      where: { id: owner.claimId, deletedAt: null },
      select: { personId: true, createdById: true, chantierId: true, status: true },
    });
    return (
      claim && {
        ownerId: claim.personId,
        createdById: claim.createdById,
        chantierId: claim.chantierId,
        status: claim.status,
      }
    );
  }
  const contribution = await tx.contribution.findFirst({
    where: { id: owner.contributionId, deletedAt: null },
    select: { personId: true, chantierId: true, status: true },
  });
  return (
    contribution && {
      ownerId: contribution.personId,
      createdById: contribution.personId,
      chantierId: contribution.chantierId,
      status: contribution.status,
    }
  );
}

/** The item's files may be seen by the actor: else the item does not exist for them (404). */
async function assertCanSeeFiles(tx: Tx, actor: Actor, owner: FileOwner): Promise<void> {
  const item = await storedItem(tx, owner);
  if (!item || !canSeeClaimFiles({ actor, claim: item })) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
}

/**
 * Locks the item and checks that the actor may change its files now (its person, the item still
 * open to change, its period open); returns how many files it has.
 */
async function lockForChange(tx: Tx, actor: Actor, owner: FileOwner): Promise<number> {
  await assertCanSeeFiles(tx, actor, owner);
  if ('claimId' in owner) {
    const row = await lockClaim(tx, owner.claimId);
    decideClaimOrThrow(actor, row, 'attach');
    return row.file_count;
  }
  const row = await lockContribution(tx, owner.contributionId);
  if (row.person_id !== actor.id) throw new AppError('FORBIDDEN', 'errors.FORBIDDEN');
  decideContributionOrThrow(actor, row, 'edit');
  return tx.attachment.count({ where: { contributionId: owner.contributionId } });
}

/** A file added or removed is an event of its item's history, the file's name as its comment (docs/claims.md). */
async function fileEvent(
  tx: Tx,
  actor: Actor,
  owner: FileOwner,
  kind: 'FILE_ADDED' | 'FILE_REMOVED',
  fileName: string,
): Promise<void> {
  if ('claimId' in owner) {
    const status = (await tx.claim.findUniqueOrThrow({ where: { id: owner.claimId }, select: { status: true } }))
      .status;
    await tx.claimEvent.create({
      data: {
        claimId: owner.claimId,
        actorId: actor.id,
        kind,
        fromStatus: status,
        toStatus: status,
        comment: fileName,
      },
    });
  } else {
    const status = (
      await tx.contribution.findUniqueOrThrow({ where: { id: owner.contributionId }, select: { status: true } })
    ).status;
    await tx.contributionEvent.create({
      data: {
        contributionId: owner.contributionId,
        actorId: actor.id,
        kind,
        fromStatus: status,
        toStatus: status,
        comment: fileName,
      },
    });
  }
}

export function tooManyFilesError(): AppError {
  return new AppError('TOO_MANY_FILES', `At most ${MAX_FILES_PER_ITEM} files per item: remove one first`, {
    messageKey: 'claims.errors.TOO_MANY_FILES',
    values: { max: MAX_FILES_PER_ITEM },
    fields: { file: 'claims.errors.TOO_MANY_FILES' },
  });
}

/** What the database's own guard says, in our words (it only speaks when two paths race). */
function fromGuard(error: unknown): unknown {
  const message =
    error instanceof Error ? `${error.message} ${String((error as { cause?: unknown }).cause ?? '')}` : '';
  if (/too_many_attachments/.test(message)) return tooManyFilesError();
  return error;
}

/**
 * Adds a file to a claim or a contribution: its type read from its bytes, at most 10 MB and 10
 * per item (counted with the item locked, so two uploads at once cannot make an eleventh).
 */
export async function addAttachment(
  actor: Actor,
  owner: FileOwner,
  file: { fileName: string; bytes: Uint8Array<ArrayBuffer> },
): Promise<TAttachmentOut> {
  const sniffed = await sniffFile(file.bytes, file.fileName);
  const sha256 = createHash('sha256').update(file.bytes).digest('hex');
  try {
    return await db().$transaction(
      async (tx) => {
        const count = await lockForChange(tx, actor, owner);
        if (count >= MAX_FILES_PER_ITEM) throw tooManyFilesError();
        const created = await tx.attachment.create({
          data: {
            ...ownerWhere(owner),
            fileName: sniffed.fileName,
            contentType: sniffed.contentType,
            sizeBytes: file.bytes.byteLength,
            sha256,
            uploadedById: actor.id,
          },
          select: ATTACHMENT_FIELDS,
        });
        await tx.attachmentContent.create({ data: { attachmentId: created.id, data: file.bytes } });
        await fileEvent(tx, actor, owner, 'FILE_ADDED', created.fileName);
        return toAttachmentOut(created);
      },
      { maxWait: 10_000, timeout: 60_000 },
    );
  } catch (error) {
    throw fromGuard(error);
  }
}

/** The files of an item, oldest first, for those who may see them. */
export async function listAttachments(actor: Actor, owner: FileOwner): Promise<TAttachmentOut[]> {
  const rows = await db().$transaction(async (tx) => {
    await assertCanSeeFiles(tx, actor, owner);
    return tx.attachment.findMany({
      where: ownerWhere(owner),
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      select: ATTACHMENT_FIELDS,
    });
  });
  return rows.map(toAttachmentOut);
}

/** The bytes of a stored file, read `CHUNK_BYTES` at a time as the reader pulls them. */
export function streamAttachmentContent(attachmentId: string, sizeBytes: number): ReadableStream<Uint8Array> {
  let offset = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (offset >= sizeBytes) {
        controller.close();
        return;
      }
      const rows = await db().$queryRaw<{ chunk: Uint8Array | null }[]>`
        SELECT substring(data from ${offset + 1}::int for ${CHUNK_BYTES}::int) AS chunk
          FROM attachment_contents WHERE attachment_id = ${attachmentId}`;
      const chunk = rows[0]?.chunk;
      if (!chunk || chunk.byteLength === 0) {
        controller.error(new Error(`attachment ${attachmentId} ended early`));
        return;
      }
      offset += chunk.byteLength;
      controller.enqueue(new Uint8Array(chunk));
    },
  });
}

/** A file's metadata and its bytes as a stream, for those who may see it; 404 otherwise. */
export async function openAttachment(
  actor: Actor,
  owner: FileOwner,
  fileId: string,
): Promise<{ file: TAttachmentOut; stream: ReadableStream<Uint8Array> }> {
  const row = await db().$transaction(async (tx) => {
    await assertCanSeeFiles(tx, actor, owner);
    return tx.attachment.findFirst({ where: { id: fileId, ...ownerWhere(owner) }, select: ATTACHMENT_FIELDS });
  });
  if (!row) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
  return { file: toAttachmentOut(row), stream: streamAttachmentContent(row.id, row.sizeBytes) };
}

/** Removes a file (and its bytes): its item's person, while the item can change and its period is open. */
export async function deleteAttachment(actor: Actor, owner: FileOwner, fileId: string): Promise<void> {
  await db().$transaction(async (tx) => {
    await lockForChange(tx, actor, owner);
    const file = await tx.attachment.findFirst({
      where: { id: fileId, ...ownerWhere(owner) },
      select: { fileName: true },
    });
    if (!file) throw new AppError('NOT_FOUND', 'errors.NOT_FOUND');
    await tx.attachment.deleteMany({ where: { id: fileId, ...ownerWhere(owner) } });
    await fileEvent(tx, actor, owner, 'FILE_REMOVED', file.fileName);
  });
}
