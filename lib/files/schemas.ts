// Files attached to claims (receipts) and contributions (docs/claims.md "Files"): their limits and
// what the API answers about one.
import { z } from 'zod';

/** 10 MB: the largest file kept (the database refuses a larger one too). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
/** The most files an item carries (the database counts them under a lock). */
export const MAX_FILES_PER_ITEM = 10;
/** What an upload's whole multipart body may weigh: the file and its part's headers. */
export const MAX_UPLOAD_BODY_BYTES = MAX_FILE_BYTES + 64 * 1024;
/** The longest file name kept (longer ones are shortened, their extension kept). */
export const MAX_FILE_NAME_LENGTH = 200;

export const ATTACHMENT_FILE_TYPES = [
  'application/pdf',
  'image/jpeg',
  'image/png',
  'image/webp',
  'image/heic',
] as const;
export type AttachmentFileType = (typeof ATTACHMENT_FILE_TYPES)[number];

/** The multipart field an upload reads, as the OpenAPI document shows it. */
export const ATTACHMENT_UPLOAD = { field: 'file', maxBytes: MAX_FILE_BYTES } as const;

export const ZAttachmentOut = z.object({
  id: z.string(),
  fileName: z.string(),
  contentType: z.enum(ATTACHMENT_FILE_TYPES),
  sizeBytes: z.number().int(),
  sha256: z.string(),
  uploadedById: z.string(),
  createdAt: z.string(),
});
export type TAttachmentOut = z.infer<typeof ZAttachmentOut>;
