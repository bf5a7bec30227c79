// Receipts of claims and attachments of contributions through the API: the type read from the
// bytes, the name that must agree, 10 MB and 10 files per item (also when two uploads race), the
// file served streamed in chunks with its headers, only to who may see it (never through the
// transparency setting), kept once the period is closed, deleted with its draft.
import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as getClaimRoute } from '@/app/api/v1/claims/[id]/route';
import { DELETE as deleteClaimRoute } from '@/app/api/v1/claims/[id]/route';
import { GET as listReceipts, POST as uploadReceipt } from '@/app/api/v1/claims/[id]/receipts/route';
import { DELETE as deleteReceipt, GET as downloadReceipt } from '@/app/api/v1/claims/[id]/receipts/[fileId]/route';
import { POST as uploadAttachment } from '@/app/api/v1/contributions/[id]/attachments/route';
import {
  DELETE as deleteAttachmentRoute,
  GET as downloadAttachment,
} from '@/app/api/v1/contributions/[id]/attachments/[fileId]/route';
import { createClaim } from '@/lib/claims/server/mutations';
import { claimHistory } from '@/lib/claims/server/queries';
import { addAttachment } from '@/lib/files/server/attachments';
import { MAX_FILE_BYTES } from '@/lib/files/schemas';
import type { Actor } from '@/lib/auth/permissions';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPeriod,
  createPerson,
  rejectionOf,
  resetDatabase,
  seedContribution,
  setPeriodStatus,
} from '../support/database';
import { callRaw, claimTableCounts, getRequest, HTML, JPEG, PDF, PNG, uploadRequest } from './claims-fixtures';

let owner: Actor;
let stranger: Actor;
let referent: Actor;
let otherReferent: Actor;
let treasurer: Actor;
let admin: Actor;
const tokens: Record<string, string> = {};
let chantierId: string;
let periodId: string;
const DATE = '2026-03-03';

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Atelier' })).id;
  const otherChantierId = (await createChantier({ name: 'Jardin' })).id;
  periodId = (await createPeriod({ name: '2026', startDate: '2026-01-01', endDate: '2026-12-31' })).id;
  owner = await createPerson({ name: 'Chloé' });
  stranger = await createPerson({ name: 'Sam' });
  referent = await createPerson({ name: 'Rémi', referentOf: [chantierId] });
  otherReferent = await createPerson({ name: 'Rose', referentOf: [otherChantierId] });
  treasurer = await createPerson({ name: 'Tess', roles: ['TREASURER'] });
  admin = await createPerson({ name: 'Ada', roles: ['ADMIN'] });
  for (const [name, actor] of Object.entries({ owner, stranger, referent, otherReferent, treasurer, admin }))
    tokens[name] = await bearerToken(actor.id);
});

const newExpense = (description = 'Fournitures') =>
  createClaim(owner, { kind: 'EXPENSE', date: DATE, chantierId, description, amountCents: 1990, submit: false });
const upload = (claimId: string, bytes: Uint8Array, name: string, token = tokens.owner) =>
  callRaw(uploadReceipt, uploadRequest(`/api/v1/claims/${claimId}/receipts`, bytes, name, token), { id: claimId });
const download = (claimId: string, fileId: string, token: string, query = '') =>
  callRaw(downloadReceipt, getRequest(`/api/v1/claims/${claimId}/receipts/${fileId}${query}`, token), {
    id: claimId,
    fileId,
  });

describe('upload and download', () => {
  it('keeps a receipt with the type read from its bytes and serves it back, byte for byte, with safe headers', async () => {
    const claim = await newExpense();
    const uploaded = await upload(claim.id, PNG, 'Ticket de caisse été.png');
    expect(uploaded.status).toBe(201);
    expect(uploaded.json).toMatchObject({
      fileName: 'Ticket de caisse été.png',
      contentType: 'image/png',
      sizeBytes: PNG.length,
      sha256: createHash('sha256').update(PNG).digest('hex'),
    });
    const served = await download(claim.id, uploaded.json.id, tokens.owner);
    expect(served.status).toBe(200);
    expect(served.bytes.equals(PNG)).toBe(true);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('content-security-policy')).toMatch(/sandbox/);
    expect(served.headers.get('content-security-policy')).toMatch(/default-src 'none'/);
    expect(served.headers.get('content-disposition')).toBe(
      `inline; filename="Ticket de caisse ete.png"; filename*=UTF-8''Ticket%20de%20caisse%20%C3%A9t%C3%A9.png`,
    );
    const attachment = await download(claim.id, uploaded.json.id, tokens.owner, '?download=1');
    expect(attachment.headers.get('content-disposition')).toMatch(/^attachment; /);
    const listed = await callRoute(listReceipts, { token: tokens.owner, params: { id: claim.id } });
    expect(listed.body.items.map((file: { id: string }) => file.id)).toEqual([uploaded.json.id]);
  });

  it('names a file without extension after its type, and accepts PDF and JPEG', async () => {
    const claim = await newExpense();
    expect((await upload(claim.id, PDF, 'facture')).json).toMatchObject({
      fileName: 'facture.pdf',
      contentType: 'application/pdf',
    });
    expect((await upload(claim.id, JPEG, 'photo.JPG')).json).toMatchObject({ contentType: 'image/jpeg' });
  });

  it('streams a file larger than one chunk whole', async () => {
    const claim = await newExpense();
    const big = Buffer.concat([PNG, Buffer.alloc(1_300_000, 7)]);
    const uploaded = await upload(claim.id, big, 'scan.png');
    expect(uploaded.status).toBe(201);
    const served = await download(claim.id, uploaded.json.id, tokens.owner);
    expect(served.bytes.length).toBe(big.length);
    expect(createHash('sha256').update(served.bytes).digest('hex')).toBe(uploaded.json.sha256);
  });
});

describe('bad files (issue #13): a clear 4xx, nothing saved', () => {
  it.each([
    [
      'a page that is not a receipt',
      HTML,
      'recu.pdf',
      415,
      'UNSUPPORTED_FILE_TYPE',
      'claims.errors.UNSUPPORTED_FILE_TYPE',
    ],
    ['a PNG named as a PDF', PNG, 'facture.pdf', 415, 'UNSUPPORTED_FILE_TYPE', 'claims.errors.FILE_NAME_MISMATCH'],
    ['a PNG named as a program', PNG, 'ticket.exe', 415, 'UNSUPPORTED_FILE_TYPE', 'claims.errors.FILE_NAME_MISMATCH'],
    ['an empty file', Buffer.alloc(0), 'vide.png', 400, 'VALIDATION', 'claims.errors.FILE_EMPTY'],
    [
      'a file of 10 MB and 1 byte',
      Buffer.concat([PNG, Buffer.alloc(MAX_FILE_BYTES + 1 - PNG.length)]),
      'grand.png',
      413,
      'FILE_TOO_LARGE',
      'claims.errors.FILE_TOO_LARGE',
    ],
  ])('%s', async (_label, bytes, name, status, code, messageKey) => {
    const claim = await newExpense();
    const before = await claimTableCounts();
    const answer = await upload(claim.id, bytes, name);
    expect(answer.status).toBe(status);
    expect(answer.json.error.code).toBe(code);
    // The field's message is whole: a message naming the file says which.
    if (answer.json.error.fields?.file) expect(answer.json.error.fields.file).not.toMatch(/[{}]/);
    if (messageKey === 'claims.errors.FILE_NAME_MISMATCH') expect(answer.json.error.fields.file).toContain(name);
    expect(await claimTableCounts()).toEqual(before);
    const error = await rejectionOf(
      addAttachment(owner, { claimId: claim.id }, { fileName: name, bytes: new Uint8Array(bytes) }),
    );
    expect(error).toMatchObject({ code, messageKey });
  });

  it('keeps a file of exactly 10 MB', async () => {
    const claim = await newExpense();
    const answer = await upload(claim.id, Buffer.concat([PNG, Buffer.alloc(MAX_FILE_BYTES - PNG.length)]), 'juste.png');
    expect(answer.status).toBe(201);
    expect(answer.json.sizeBytes).toBe(MAX_FILE_BYTES);
  });

  it('refuses an 11th file', async () => {
    const claim = await newExpense();
    for (let index = 0; index < 10; index++) expect((await upload(claim.id, PNG, `p${index}.png`)).status).toBe(201);
    const before = await claimTableCounts();
    const eleventh = await upload(claim.id, PNG, 'onze.png');
    expect(eleventh.status).toBe(409);
    expect(eleventh.json.error.code).toBe('TOO_MANY_FILES');
    expect(await claimTableCounts()).toEqual(before);
  });

  it('makes no eleventh file when two uploads race for the tenth place', async () => {
    const claim = await newExpense();
    for (let index = 0; index < 9; index++)
      await addAttachment(owner, { claimId: claim.id }, { fileName: `p${index}.png`, bytes: new Uint8Array(PNG) });
    const answers = await Promise.all([upload(claim.id, PNG, 'a.png'), upload(claim.id, PNG, 'b.png')]);
    expect(answers.map((answer) => answer.status).sort()).toEqual([201, 409]);
    expect(await db().attachment.count({ where: { claimId: claim.id } })).toBe(10);
  });

  it('refuses a receipt for someone else’s claim, and a body that is not multipart', async () => {
    const claim = await newExpense();
    const before = await claimTableCounts();
    expect((await upload(claim.id, PNG, 'x.png', tokens.stranger)).status).toBe(404);
    expect((await upload(claim.id, PNG, 'x.png', tokens.admin)).status).toBe(404); // a draft is its person's alone
    const json = await callRaw(
      uploadReceipt,
      new Request(`http://localhost:3000/api/v1/claims/${claim.id}/receipts`, {
        method: 'POST',
        headers: { authorization: `Bearer ${tokens.owner}`, 'content-type': 'application/json' },
        body: '{"file":"x"}',
      }),
      { id: claim.id },
    );
    expect(json.status).toBe(400);
    expect(await claimTableCounts()).toEqual(before);
  });
});

describe('who may see the files', () => {
  it('serves them to the person, the chantier’s referents, treasurers and admins; not to others, even under transparency', async () => {
    const claim = await newExpense('Visible');
    const file = (await upload(claim.id, PNG, 'r.png')).json;
    // A draft: its person only.
    for (const name of ['referent', 'treasurer', 'admin', 'stranger', 'otherReferent'])
      expect((await download(claim.id, file.id, tokens[name])).status, name).toBe(404);
    await callRoute((await import('@/app/api/v1/claims/[id]/[action]/route')).POST, {
      method: 'POST',
      token: tokens.owner,
      params: { id: claim.id, action: 'submit' },
      body: {},
    });
    await callRoute((await import('@/app/api/v1/claims/[id]/[action]/route')).POST, {
      method: 'POST',
      token: tokens.referent,
      params: { id: claim.id, action: 'approve' },
      body: {},
    });
    await db().collectiveSettings.upsert({
      where: { id: 1 },
      create: { id: 1, transparency: true },
      update: { transparency: true },
    });
    const expected: Record<string, number> = {
      owner: 200,
      referent: 200,
      treasurer: 200,
      admin: 200,
      stranger: 404,
      otherReferent: 404,
    };
    for (const [name, status] of Object.entries(expected))
      expect((await download(claim.id, file.id, tokens[name])).status, name).toBe(status);
    // The approved claim itself is public under transparency; its files are not.
    expect((await callRoute(getClaimRoute, { token: tokens.stranger, params: { id: claim.id } })).status).toBe(200);
    // A file id under another claim is not found.
    const other = await newExpense();
    expect((await download(other.id, file.id, tokens.owner)).status).toBe(404);
  });
});

describe('lifetimes', () => {
  it('deletes the files with their draft', async () => {
    const claim = await newExpense();
    await upload(claim.id, PNG, 'r.png');
    const deleted = await callRoute(deleteClaimRoute, {
      method: 'DELETE',
      token: tokens.owner,
      params: { id: claim.id },
    });
    expect(deleted.status).toBe(204);
    expect(await db().attachment.count({ where: { claimId: claim.id } })).toBe(0);
  });

  it('removes a file on request while the claim can change, and keeps it once the period is closed', async () => {
    const claim = await newExpense();
    const first = (await upload(claim.id, PNG, 'a.png')).json;
    const second = (await upload(claim.id, PNG, 'b.png')).json;
    const removed = await callRaw(
      deleteReceipt,
      getRequest(`/api/v1/claims/${claim.id}/receipts/${first.id}`, tokens.owner, 'DELETE'),
      { id: claim.id, fileId: first.id },
    );
    expect(removed.status).toBe(204);
    // Each file added or removed is in the claim's history, with its name; a refusal writes none.
    const events = async () =>
      (await claimHistory(owner, claim.id)).map((event) => [event.kind, event.actorId, event.toStatus, event.comment]);
    expect(await events()).toEqual([
      ['CREATED', owner.id, 'DRAFT', null],
      ['FILE_ADDED', owner.id, 'DRAFT', 'a.png'],
      ['FILE_ADDED', owner.id, 'DRAFT', 'b.png'],
      ['FILE_REMOVED', owner.id, 'DRAFT', 'a.png'],
    ]);
    await setPeriodStatus(periodId, 'CLOSED');
    try {
      const kept = await callRaw(
        deleteReceipt,
        getRequest(`/api/v1/claims/${claim.id}/receipts/${second.id}`, tokens.owner, 'DELETE'),
        { id: claim.id, fileId: second.id },
      );
      expect(kept.status).toBe(409);
      expect(kept.json.error.code).toBe('PERIOD_CLOSED');
      expect((await upload(claim.id, PNG, 'c.png')).status).toBe(409);
      expect((await download(claim.id, second.id, tokens.owner)).status).toBe(200);
      expect(await events()).toHaveLength(4);
    } finally {
      await setPeriodStatus(periodId, 'OPEN');
    }
  });

  it('attaches files to a contribution by the same mechanism', async () => {
    const contribution = await seedContribution({
      personId: owner.id,
      chantierId,
      periodId,
      date: DATE,
      status: 'SUBMITTED',
    });
    const params = { id: contribution.id };
    const added = await callRaw(
      uploadAttachment,
      uploadRequest(`/api/v1/contributions/${contribution.id}/attachments`, PDF, 'compte-rendu.pdf', tokens.owner),
      params,
    );
    expect(added.status).toBe(201);
    const fileParams = { id: contribution.id, fileId: added.json.id };
    const path = `/api/v1/contributions/${contribution.id}/attachments/${added.json.id}`;
    expect((await callRaw(downloadAttachment, getRequest(path, tokens.referent), fileParams)).bytes.equals(PDF)).toBe(
      true,
    );
    expect((await callRaw(downloadAttachment, getRequest(path, tokens.stranger), fileParams)).status).toBe(404);
    expect((await callRaw(deleteAttachmentRoute, getRequest(path, tokens.referent, 'DELETE'), fileParams)).status).toBe(
      403,
    );
    expect((await callRaw(deleteAttachmentRoute, getRequest(path, tokens.owner, 'DELETE'), fileParams)).status).toBe(
      204,
    );
    const history = await db().contributionEvent.findMany({
      where: { contributionId: contribution.id, kind: { in: ['FILE_ADDED', 'FILE_REMOVED'] } },
      orderBy: { id: 'asc' },
    });
    expect(history.map((event) => [event.kind, event.comment])).toEqual([
      ['FILE_ADDED', 'compte-rendu.pdf'],
      ['FILE_REMOVED', 'compte-rendu.pdf'],
    ]);
  });
});
