// The file endpoints of claims (receipts) and contributions (attachments) share their handlers:
// list, upload (multipart), download (streamed, with the headers of lib/files/headers.ts), delete.
import 'server-only';
import type { Actor } from '@/lib/auth/permissions';
import { json } from '@/lib/api/route';
import { fileHeaders } from '@/lib/files/headers';
import { readUpload } from '@/lib/files/server/upload';
import {
  addAttachment,
  deleteAttachment,
  listAttachments,
  openAttachment,
  type FileOwner,
} from '@/lib/files/server/attachments';

export async function listFilesResponse(actor: Actor, owner: FileOwner) {
  return { items: await listAttachments(actor, owner) };
}

export async function uploadFileResponse(actor: Actor, owner: FileOwner, request: Request): Promise<Response> {
  const upload = await readUpload(request);
  const file = await addAttachment(actor, owner, upload);
  return json(
    {
      id: file.id,
      fileName: file.fileName,
      contentType: file.contentType,
      sizeBytes: file.sizeBytes,
      sha256: file.sha256,
      uploadedById: file.uploadedById,
      createdAt: file.createdAt,
    },
    201,
  );
}

export async function downloadFileResponse(
  actor: Actor,
  owner: FileOwner,
  fileId: string,
  download: boolean,
): Promise<Response> {
  const { file, stream } = await openAttachment(actor, owner, fileId);
  return new Response(stream, { status: 200, headers: fileHeaders({ ...file, download }) });
}

export async function deleteFileResponse(actor: Actor, owner: FileOwner, fileId: string): Promise<Response> {
  await deleteAttachment(actor, owner, fileId);
  return new Response(null, { status: 204 });
}
