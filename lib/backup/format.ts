// The backup file's format, as plain functions: a gzip stream of frames, each a one-byte kind, a
// four-byte big-endian length and its payload. Frames come in this order:
//   H  header (JSON): format version, the migrations the database had, the tables to expect
//   T  a table starts (JSON: name and columns), then its COPY text data in D frames,
//   E  the table ends (JSON: rows and SHA-256 of its COPY data),
//   M  the manifest (JSON: the header again with every table's rows and checksum), last.
// The header comes first so a restore can refuse a backup from a newer Butin before reading on;
// the checksums can only be known at the end. A file cut anywhere lacks its manifest; a changed
// byte breaks gzip's CRC or a table's checksum. See docs/backup.md.
import { z } from 'zod';

export const BACKUP_MAGIC = 'BUTIN-BACKUP';
export const BACKUP_FORMAT_VERSION = 1;
/** The largest payload a frame may claim: a corrupt length must not make the reader wait for GBs. */
export const MAX_FRAME_BYTES = 16 * 1024 * 1024;

export type FrameKind = 'H' | 'T' | 'D' | 'E' | 'M';
const KINDS = new Set<string>(['H', 'T', 'D', 'E', 'M']);

export const ZBackupHeader = z.object({
  magic: z.literal(BACKUP_MAGIC),
  formatVersion: z.number().int().positive(),
  createdAt: z.string(),
  /** Every migration the database had applied, oldest first; the last one names its schema. */
  migrations: z.array(z.string()).min(1),
  tables: z.array(z.string()),
});
export type TBackupHeader = z.infer<typeof ZBackupHeader>;

export const ZTableStart = z.object({ table: z.string(), columns: z.array(z.string()).min(1) });
export type TTableStart = z.infer<typeof ZTableStart>;

export const ZTableEnd = z.object({ table: z.string(), rows: z.number().int().nonnegative(), sha256: z.string() });
export type TTableEnd = z.infer<typeof ZTableEnd>;

export const ZBackupManifest = ZBackupHeader.extend({
  counts: z.record(z.string(), z.object({ rows: z.number().int().nonnegative(), sha256: z.string() })),
});
export type TBackupManifest = z.infer<typeof ZBackupManifest>;

export function encodeFrame(kind: FrameKind, payload: Buffer | string): Buffer {
  const body = typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload;
  const head = Buffer.alloc(5);
  head.write(kind, 0, 'latin1');
  head.writeUInt32BE(body.length, 1);
  return Buffer.concat([head, body]);
}

export const encodeJsonFrame = (kind: FrameKind, value: unknown) => encodeFrame(kind, JSON.stringify(value));

export class BackupFormatError extends Error {}

/**
 * Splits a byte stream into frames, holding at most one frame (and one chunk) in memory. A stream
 * that ends in the middle of a frame is reported, never taken for a shorter file.
 */
export async function* readFrames(chunks: AsyncIterable<Buffer>): AsyncGenerator<{ kind: FrameKind; payload: Buffer }> {
  let pending: Buffer = Buffer.alloc(0);
  for await (const chunk of chunks) {
    pending = pending.length ? Buffer.concat([pending, chunk]) : chunk;
    while (pending.length >= 5) {
      const kind = pending.toString('latin1', 0, 1);
      const length = pending.readUInt32BE(1);
      if (!KINDS.has(kind) || length > MAX_FRAME_BYTES)
        throw new BackupFormatError('This is not a Butin backup, or it was altered (unknown frame).');
      if (pending.length < 5 + length) break;
      yield { kind: kind as FrameKind, payload: pending.subarray(5, 5 + length) };
      pending = pending.subarray(5 + length);
    }
  }
  if (pending.length) throw new BackupFormatError('The backup file is truncated (it ends inside a frame).');
}

/** Rows in PostgreSQL's COPY text format: one line each (newlines inside values are escaped). */
export function countLines(data: Buffer): number {
  let count = 0;
  let at = data.indexOf(10);
  while (at !== -1) {
    count++;
    at = data.indexOf(10, at + 1);
  }
  return count;
}

/**
 * Tables in an order where each comes after the tables its foreign keys point to (a table's
 * references to itself are checked at the end of its own COPY). Throws on a cycle.
 */
export function loadOrder(tables: readonly string[], references: readonly { from: string; to: string }[]): string[] {
  const remaining = new Set(tables);
  const ordered: string[] = [];
  while (remaining.size) {
    const ready = [...remaining]
      .filter((table) => references.every((ref) => ref.from !== table || ref.to === table || !remaining.has(ref.to)))
      .sort();
    if (ready.length === 0) throw new Error(`Foreign keys form a cycle between ${[...remaining].join(', ')}`);
    for (const table of ready) {
      remaining.delete(table);
      ordered.push(table);
    }
  }
  return ordered;
}

/** What a restore must refuse, given the backup's migrations and the ones this Butin ships. */
export function migrationProblem(options: {
  backup: readonly string[];
  known: readonly string[];
  applied: readonly string[];
}): string | null {
  const unknown = options.backup.filter((name) => !options.known.includes(name));
  if (unknown.length)
    return `This backup comes from a newer Butin (its migration ${unknown.at(-1)} is unknown here): update Butin, then restore.`;
  const extra = options.applied.filter((name) => !options.backup.includes(name));
  if (extra.length)
    return `The target database is already migrated past this backup (${extra.at(-1)}): restore into a new, empty database.`;
  return null;
}

/** A dated file name for a backup, sortable: butin-2026-12-02T0415Z.butin-backup.gz. */
export function backupFileName(now: Date): string {
  const stamp = now.toISOString().slice(0, 16).replace(/:/g, '');
  return `butin-${stamp}Z.butin-backup.gz`;
}

/** Which backups to delete so that only the newest `keep` of ours stay (names sort by date). */
export function backupsToPrune(names: readonly string[], keep: number): string[] {
  const ours = names.filter((name) => /^butin-\d{4}-\d{2}-\d{2}T\d{4}Z\.butin-backup\.gz$/.test(name)).sort();
  return keep <= 0 ? [] : ours.slice(0, Math.max(0, ours.length - keep));
}
