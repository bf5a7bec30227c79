// The contribution endpoints never answer a bad input with a 5xx: malformed JSON, wrong types,
// out-of-range values, unknown ids, an unknown action, bad query strings and cursors all get a
// 4xx `{ error: { code, message } }` — and change nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as listRoute, POST as createRoute } from '@/app/api/v1/contributions/route';
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from '@/app/api/v1/contributions/[id]/route';
import { POST as actionRoute } from '@/app/api/v1/contributions/[id]/[action]/route';
import { GET as historyRoute } from '@/app/api/v1/contributions/[id]/history/route';
import { POST as bulkRoute } from '@/app/api/v1/contributions/bulk-review/route';
import {
  bearerToken,
  callRoute,
  createChantier,
  createPeriod,
  createPerson,
  resetDatabase,
  seedContribution,
  tableCounts,
} from '../support/database';

let token: string; // the owner
let referentToken: string;
let chantierId: string;
let draftId: string;
let submittedId: string;
const DATE = '2026-05-05';

beforeAll(async () => {
  await resetDatabase();
  chantierId = (await createChantier({ name: 'Chantier' })).id;
  const owner = await createPerson({ name: 'Olga' });
  const referent = await createPerson({ name: 'Rémi', referentOf: [chantierId] });
  token = await bearerToken(owner.id);
  referentToken = await bearerToken(referent.id);
  const period = await createPeriod({ name: '2026', startDate: '2026-01-01', endDate: '2026-12-31' });
  draftId = (await seedContribution({ personId: owner.id, chantierId, periodId: period.id, date: DATE })).id;
  submittedId = (
    await seedContribution({ personId: owner.id, chantierId, periodId: period.id, date: DATE, status: 'SUBMITTED' })
  ).id;
});

const valid = () => ({ date: DATE, minutes: 60, chantierId, description: 'Valide' });
const base64url = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

type Case = [
  label: string,
  call: () => Promise<{ status: number; body: any }>,
  status: number,
  code: string,
  field?: string,
];

const create = (body: unknown): Promise<{ status: number; body: any }> =>
  callRoute(createRoute, { method: 'POST', token, body });
const createRaw = (rawBody: string) => callRoute(createRoute, { method: 'POST', token, rawBody });

const CREATE_CASES: Case[] = [
  ['malformed JSON', () => createRaw('{"date": "2026-05-05", '), 400, 'BAD_REQUEST'],
  ['a JSON array', () => createRaw('[]'), 400, 'VALIDATION'],
  ['JSON null', () => createRaw('null'), 400, 'VALIDATION'],
  ['a JSON string', () => createRaw('"contribution"'), 400, 'VALIDATION'],
  ['an empty body', () => createRaw(''), 400, 'VALIDATION'],
  ['date as a number', () => create({ ...valid(), date: 20260505 }), 400, 'VALIDATION', 'date'],
  ['date in French order', () => create({ ...valid(), date: '05/05/2026' }), 400, 'VALIDATION', 'date'],
  ['an impossible date', () => create({ ...valid(), date: '2026-02-30' }), 400, 'VALIDATION', 'date'],
  ['minutes as a string', () => create({ ...valid(), minutes: '60' }), 400, 'VALIDATION', 'minutes'],
  ['fractional minutes', () => create({ ...valid(), minutes: 1.5 }), 400, 'VALIDATION', 'minutes'],
  ['zero minutes', () => create({ ...valid(), minutes: 0 }), 400, 'VALIDATION', 'minutes'],
  ['negative minutes', () => create({ ...valid(), minutes: -30 }), 400, 'VALIDATION', 'minutes'],
  ['more than 24 h', () => create({ ...valid(), minutes: 1441 }), 400, 'VALIDATION', 'minutes'],
  ['duration "25h"', () => create({ ...valid(), minutes: undefined, duration: '25h' }), 400, 'VALIDATION', 'duration'],
  ['duration "abc"', () => create({ ...valid(), minutes: undefined, duration: 'abc' }), 400, 'VALIDATION', 'duration'],
  ['duration "0"', () => create({ ...valid(), minutes: undefined, duration: '0' }), 400, 'VALIDATION', 'duration'],
  ['duration "-1h"', () => create({ ...valid(), minutes: undefined, duration: '-1h' }), 400, 'VALIDATION', 'duration'],
  [
    'duration as a number',
    () => create({ ...valid(), minutes: undefined, duration: 90 }),
    400,
    'VALIDATION',
    'duration',
  ],
  ['no duration at all', () => create({ ...valid(), minutes: undefined }), 400, 'VALIDATION', 'duration'],
  ['an empty description', () => create({ ...valid(), description: '   ' }), 400, 'VALIDATION', 'description'],
  [
    'a 2001-character description',
    () => create({ ...valid(), description: 'x'.repeat(2001) }),
    400,
    'VALIDATION',
    'description',
  ],
  ['chantierId as a number', () => create({ ...valid(), chantierId: 42 }), 400, 'VALIDATION', 'chantierId'],
  ['a missing chantierId', () => create({ ...valid(), chantierId: undefined }), 400, 'VALIDATION', 'chantierId'],
  ['an unknown chantier', () => create({ ...valid(), chantierId: 'nope' }), 400, 'VALIDATION', 'chantierId'],
  ['an unknown place', () => create({ ...valid(), placeId: 'nope' }), 400, 'VALIDATION', 'placeId'],
  ['a link that is not a URL', () => create({ ...valid(), link: 'pas une url' }), 400, 'VALIDATION', 'link'],
  ['a date no period covers', () => create({ ...valid(), date: '2001-01-01' }), 422, 'NO_PERIOD', 'date'],
];

const id = () => draftId;
const ITEM_CASES: Case[] = [
  [
    'PATCH: malformed JSON',
    () => callRoute(patchRoute, { method: 'PATCH', token, params: { id: id() }, rawBody: '{' }),
    400,
    'BAD_REQUEST',
  ],
  [
    'PATCH: no version',
    () => callRoute(patchRoute, { method: 'PATCH', token, params: { id: id() }, body: valid() }),
    400,
    'VALIDATION',
    'version',
  ],
  [
    'PATCH: version 0',
    () => callRoute(patchRoute, { method: 'PATCH', token, params: { id: id() }, body: { ...valid(), version: 0 } }),
    400,
    'VALIDATION',
    'version',
  ],
  [
    'PATCH: version "abc"',
    () => callRoute(patchRoute, { method: 'PATCH', token, params: { id: id() }, body: { ...valid(), version: 'abc' } }),
    400,
    'VALIDATION',
    'version',
  ],
  [
    'PATCH: unknown chantier',
    () =>
      callRoute(patchRoute, {
        method: 'PATCH',
        token,
        params: { id: id() },
        body: { ...valid(), version: 1, chantierId: 'nope' },
      }),
    400,
    'VALIDATION',
    'chantierId',
  ],
  [
    'PATCH: unknown id',
    () => callRoute(patchRoute, { method: 'PATCH', token, params: { id: 'nope' }, body: { ...valid(), version: 1 } }),
    404,
    'NOT_FOUND',
  ],
  [
    'PATCH: a 65-character id',
    () =>
      callRoute(patchRoute, {
        method: 'PATCH',
        token,
        params: { id: 'x'.repeat(65) },
        body: { ...valid(), version: 1 },
      }),
    400,
    'VALIDATION',
  ],
  ['GET: unknown id', () => callRoute(getRoute, { token, params: { id: 'nope' } }), 404, 'NOT_FOUND'],
  ['GET history: unknown id', () => callRoute(historyRoute, { token, params: { id: 'nope' } }), 404, 'NOT_FOUND'],
  [
    'DELETE: unknown id',
    () => callRoute(deleteRoute, { method: 'DELETE', token, params: { id: 'nope' } }),
    404,
    'NOT_FOUND',
  ],
  [
    'DELETE: version "abc"',
    () =>
      callRoute(deleteRoute, {
        method: 'DELETE',
        path: `/api/v1/contributions/${id()}?version=abc`,
        token,
        params: { id: id() },
      }),
    400,
    'VALIDATION',
    'version',
  ],
  [
    'POST action: unknown action',
    () =>
      callRoute(actionRoute, {
        method: 'POST',
        token: referentToken,
        params: { id: submittedId, action: 'frobnicate' },
        body: {},
      }),
    400,
    'VALIDATION',
    'action',
  ],
  [
    'POST action: camelCase requestChanges (the URL says request-changes)',
    () =>
      callRoute(actionRoute, {
        method: 'POST',
        token: referentToken,
        params: { id: submittedId, action: 'requestChanges' },
        body: { comment: 'x' },
      }),
    400,
    'VALIDATION',
    'action',
  ],
  [
    'POST action: unknown id',
    () =>
      callRoute(actionRoute, {
        method: 'POST',
        token: referentToken,
        params: { id: 'nope', action: 'approve' },
        body: {},
      }),
    404,
    'NOT_FOUND',
  ],
  [
    'POST action: malformed JSON',
    () =>
      callRoute(actionRoute, {
        method: 'POST',
        token: referentToken,
        params: { id: submittedId, action: 'approve' },
        rawBody: '{"version":',
      }),
    400,
    'BAD_REQUEST',
  ],
  [
    'POST action: version "x"',
    () =>
      callRoute(actionRoute, {
        method: 'POST',
        token: referentToken,
        params: { id: submittedId, action: 'approve' },
        body: { version: 'x' },
      }),
    400,
    'VALIDATION',
    'version',
  ],
  [
    'POST action: reason as a number',
    () =>
      callRoute(actionRoute, {
        method: 'POST',
        token: referentToken,
        params: { id: submittedId, action: 'reject' },
        body: { reason: 42 },
      }),
    400,
    'VALIDATION',
    'reason',
  ],
  [
    'POST action: a 2001-character comment',
    () =>
      callRoute(actionRoute, {
        method: 'POST',
        token: referentToken,
        params: { id: submittedId, action: 'request-changes' },
        body: { comment: 'x'.repeat(2001) },
      }),
    400,
    'VALIDATION',
    'comment',
  ],
  [
    'POST action: reject without a reason',
    () =>
      callRoute(actionRoute, {
        method: 'POST',
        token: referentToken,
        params: { id: submittedId, action: 'reject' },
        body: {},
      }),
    400,
    'COMMENT_REQUIRED',
    'reason',
  ],
];

const bulk = (body: unknown) => callRoute(bulkRoute, { method: 'POST', token: referentToken, body });
const BULK_CASES: Case[] = [
  [
    'malformed JSON',
    () => callRoute(bulkRoute, { method: 'POST', token: referentToken, rawBody: 'ids=1' }),
    400,
    'BAD_REQUEST',
  ],
  ['no ids', () => bulk({ action: 'approve' }), 400, 'VALIDATION', 'ids'],
  ['an empty list', () => bulk({ ids: [], action: 'approve' }), 400, 'VALIDATION', 'ids'],
  ['ids as numbers', () => bulk({ ids: [1, 2], action: 'approve' }), 400, 'VALIDATION'],
  [
    'more than 500 ids',
    () => bulk({ ids: Array.from({ length: 501 }, (_, index) => `id${index}`), action: 'approve' }),
    400,
    'VALIDATION',
    'ids',
  ],
  ['an unknown action', () => bulk({ ids: [submittedId], action: 'delete' }), 400, 'VALIDATION', 'action'],
  ['an unknown id', () => bulk({ ids: ['nope'], action: 'approve' }), 409, 'CONFLICT'],
  ['reject without a reason', () => bulk({ ids: [submittedId], action: 'reject' }), 400, 'COMMENT_REQUIRED', 'reason'],
];

const list = (query: string) => callRoute(listRoute, { path: `/api/v1/contributions?${query}`, token });
const LIST_CASES: Case[] = [
  ['limit=0', () => list('limit=0'), 400, 'VALIDATION', 'limit'],
  ['limit=201', () => list('limit=201'), 400, 'VALIDATION', 'limit'],
  ['limit=abc', () => list('limit=abc'), 400, 'VALIDATION', 'limit'],
  ['status=PAID', () => list('status=PAID'), 400, 'VALIDATION', 'status'],
  ['from=2026-13-01', () => list('from=2026-13-01'), 400, 'VALIDATION', 'from'],
  ['to=yesterday', () => list('to=yesterday'), 400, 'VALIDATION', 'to'],
  ['a cursor that is not base64 JSON', () => list('cursor=%25%25%25'), 400, 'BAD_REQUEST'],
  ['a cursor of the wrong shape', () => list(`cursor=${base64url({ key: '2026-01-01' })}`), 400, 'BAD_REQUEST'],
];

describe('contribution endpoints answer bad input with 4xx JSON, never 5xx', () => {
  let countsBefore: Record<string, number>;
  beforeAll(async () => {
    await db().collectiveSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} }); // created on first read
    countsBefore = await tableCounts();
  });

  describe.each([
    ['POST /contributions', CREATE_CASES],
    ['/contributions/{id}', ITEM_CASES],
    ['POST /contributions/bulk-review', BULK_CASES],
    ['GET /contributions', LIST_CASES],
  ] as const)('%s', (_group, cases) => {
    it.each(cases)('%s → %i %s', async (_label, call, status, code, field) => {
      const response = await call();
      expect(response.status).toBe(status);
      expect(response.body.error).toMatchObject({ code, message: expect.any(String) });
      expect(response.body.error.message).not.toMatch(/^(errors|validation)\./); // translated, not a key
      if (field)
        expect(Object.keys(response.body.error.fields ?? {}), JSON.stringify(response.body.error)).toContain(field);
    });
  });

  it('without a token, or with a bad one: 401', async () => {
    for (const authorization of [undefined, 'Bearer nope', 'Basic Zm9vOmJhcg==']) {
      const response = await callRoute(createRoute, {
        method: 'POST',
        headers: authorization ? { authorization } : {},
        body: valid(),
      });
      expect(response.status, String(authorization)).toBe(401);
      expect(response.body.error.code).toBe('UNAUTHENTICATED');
    }
  });

  it('none of these requests changed anything', async () => {
    expect(await tableCounts()).toEqual(countsBefore);
  });

  it('a well-formed cursor whose key is not a date → 400, not 500', async () => {
    const response = await list(`cursor=${base64url(['not-a-date', 'x'])}`);
    expect(response.status).toBe(400);
  });

  it('a javascript: link is refused', async () => {
    const response = await create({ ...valid(), link: 'javascript:alert(document.cookie)' });
    expect(response.status).not.toBe(201);
    expect(response.status).toBe(400);
  });
});
