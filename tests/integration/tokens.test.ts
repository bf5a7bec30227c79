// Personal API tokens: created by POST /api/v1/tokens (201 { id, token }), shown once and stored
// only as a SHA-256 hash, usable as a bearer, revocable by their owner only. Bad input is a 4xx
// JSON error with a code, never a 5xx.
import crypto from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { POST as postToken } from '@/app/api/v1/tokens/route';
import { DELETE as deleteToken } from '@/app/api/v1/tokens/[id]/route';
import { GET as getMe } from '@/app/api/v1/me/route';
import { createApiToken, listApiTokens, MAX_TOKENS_PER_PERSON } from '@/lib/tokens/api-tokens';
import type { Actor } from '@/lib/auth/permissions';
import { callRoute, createPerson, resetDatabase, sql, TEST_PASSWORD } from '../support/database';

let owner: Actor;
let stranger: Actor;

const create = (body: unknown) => callRoute(postToken, { method: 'POST', body });
const revoke = (id: string, token: string) => callRoute(deleteToken, { method: 'DELETE', token, params: { id } });

beforeEach(async () => {
  await resetDatabase();
  owner = await createPerson({ email: 'owner@test.local' });
  stranger = await createPerson({ email: 'stranger@test.local' });
});

describe('creating a token', () => {
  it('answers 201 { id, token, name } and the token works as a bearer', async () => {
    const response = await create({ email: owner.email, password: TEST_PASSWORD, name: 'My script' });
    expect(response.status).toBe(201);
    expect(response.body).toEqual({
      id: expect.any(String),
      token: expect.stringMatching(/^butin_[A-Za-z0-9_-]{43}$/),
      name: 'My script',
    });

    const me = await callRoute(getMe, { token: response.body.token });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: owner.id, email: owner.email });
    const stored = await db().apiToken.findUniqueOrThrow({ where: { id: response.body.id } });
    expect(stored.lastUsedAt).not.toBeNull();
  });

  it('names it "API" when no name is given, and each call gives a new token', async () => {
    const first = await create({ email: owner.email, password: TEST_PASSWORD });
    const second = await create({ email: owner.email, password: TEST_PASSWORD });
    expect(first.body.name).toBe('API');
    expect(second.body.token).not.toBe(first.body.token);
    expect((await listApiTokens(owner.id)).map((token) => token.id).sort()).toEqual(
      [first.body.id, second.body.id].sort(),
    );
  });

  it('stores only the SHA-256 hash: no row anywhere in the database holds the token', async () => {
    const { body } = await create({ email: owner.email, password: TEST_PASSWORD, name: 'hashed' });
    const [row] = await sql<{ token_hash: string; prefix: string }>(
      `SELECT token_hash, prefix FROM api_tokens WHERE id = $1`,
      [body.id],
    );
    expect(row.token_hash).toBe(crypto.createHash('sha256').update(body.token).digest('hex'));
    expect(row.token_hash).not.toBe(body.token);
    expect(body.token.startsWith(row.prefix)).toBe(true);
    expect(row.prefix.length).toBeLessThan(body.token.length / 2);

    // Every row of every table, as text: the secret part of the token is nowhere.
    const secret = body.token.slice(row.prefix.length);
    const tables = await sql<{ tablename: string }>(`SELECT tablename FROM pg_tables WHERE schemaname = 'public'`);
    for (const { tablename } of tables) {
      const found = await sql(`SELECT 1 FROM "${tablename}" t WHERE t::text LIKE '%' || $1 || '%'`, [secret]);
      expect(found, tablename).toEqual([]);
    }
  });

  it('refuses wrong credentials with 401 UNAUTHENTICATED, the same for a wrong password and an unknown email', async () => {
    const wrongPassword = await create({ email: owner.email, password: 'not the password' });
    const unknownEmail = await create({ email: 'nobody@test.local', password: TEST_PASSWORD });
    expect(wrongPassword.status).toBe(401);
    expect(unknownEmail.status).toBe(401);
    expect(wrongPassword.body.error.code).toBe('UNAUTHENTICATED');
    expect(wrongPassword.body).toEqual(unknownEmail.body);
    expect(await db().apiToken.count()).toBe(0);
  });

  it('refuses a person who never set a password (invited, not joined)', async () => {
    const invited = await createPerson({ email: 'invited@test.local', password: null });
    const response = await create({ email: invited.email, password: TEST_PASSWORD });
    expect(response.status).toBe(401);
  });

  it(`refuses more than ${MAX_TOKENS_PER_PERSON} live tokens per person (409), and counts only live ones`, async () => {
    const made = [];
    for (let index = 0; index < MAX_TOKENS_PER_PERSON; index++)
      made.push(await createApiToken({ personId: owner.id, name: `t${index}` }));
    const refused = await create({ email: owner.email, password: TEST_PASSWORD });
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('CONFLICT');
    expect((await revoke(made[0].id, made[1].token)).status).toBe(204);
    expect((await create({ email: owner.email, password: TEST_PASSWORD })).status).toBe(201);
  });
});

describe('revoking a token', () => {
  it('revokes it (204): the next call with it is 401, other tokens keep working', async () => {
    const kept = (await create({ email: owner.email, password: TEST_PASSWORD, name: 'kept' })).body;
    const doomed = (await create({ email: owner.email, password: TEST_PASSWORD, name: 'doomed' })).body;
    expect((await callRoute(getMe, { token: doomed.token })).status).toBe(200);

    const response = await revoke(doomed.id, doomed.token); // a token may revoke itself
    expect(response.status).toBe(204);
    expect(response.body).toBeNull();

    const after = await callRoute(getMe, { token: doomed.token });
    expect(after.status).toBe(401);
    expect(after.body.error.code).toBe('UNAUTHENTICATED');
    expect((await callRoute(getMe, { token: kept.token })).status).toBe(200);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: doomed.id } })).revokedAt).toBeInstanceOf(Date);
    expect((await listApiTokens(owner.id)).map((token) => token.id)).toEqual([kept.id]);
    // Revoking it again: it is gone.
    expect((await revoke(doomed.id, kept.token)).status).toBe(404);
  });

  it('answers 404 to another person, exactly as for an unknown id, and the token keeps working', async () => {
    const mine = (await create({ email: owner.email, password: TEST_PASSWORD })).body;
    const theirs = (await create({ email: stranger.email, password: TEST_PASSWORD })).body;

    const byStranger = await revoke(mine.id, theirs.token);
    const unknown = await revoke('cl0000000000000000000000', theirs.token);
    expect(byStranger.status).toBe(404);
    expect(unknown.status).toBe(404);
    expect(byStranger.body).toEqual(unknown.body);
    expect(byStranger.body.error.code).toBe('NOT_FOUND');

    expect((await callRoute(getMe, { token: mine.token })).status).toBe(200);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: mine.id } })).revokedAt).toBeNull();
  });

  it('needs a caller: 401 without a token, changing nothing', async () => {
    const mine = (await create({ email: owner.email, password: TEST_PASSWORD })).body;
    expect((await callRoute(deleteToken, { method: 'DELETE', params: { id: mine.id } })).status).toBe(401);
    expect((await db().apiToken.findUniqueOrThrow({ where: { id: mine.id } })).revokedAt).toBeNull();
  });

  it('answers 400 VALIDATION to an id that cannot be one', async () => {
    const { token } = (await create({ email: owner.email, password: TEST_PASSWORD })).body;
    const response = await revoke('x'.repeat(65), token);
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION');
    expect(response.body.error.fields).toHaveProperty('id');
  });
});

describe('bad input', () => {
  it('answers 400 BAD_REQUEST to malformed JSON', async () => {
    for (const rawBody of ['{', '{"email": "owner@test.local", "password": }', 'not json at all', '{"a":1}}']) {
      const response = await callRoute(postToken, { method: 'POST', rawBody });
      expect(response.status, rawBody).toBe(400);
      expect(response.body.error.code).toBe('BAD_REQUEST');
    }
  });

  it('answers 400 VALIDATION naming the fields for wrong types', async () => {
    const response = await create({ email: 42, password: ['x'] });
    expect(response.status).toBe(400);
    expect(response.body.error.code).toBe('VALIDATION');
    expect(Object.keys(response.body.error.fields).sort()).toEqual(['email', 'password']);

    const missing = await create({});
    expect(missing.status).toBe(400);
    expect(Object.keys(missing.body.error.fields).sort()).toEqual(['email', 'password']);

    const badEmail = await create({ email: 'not-an-email', password: 'x' });
    expect(badEmail.body.error.fields).toHaveProperty('email');

    const badName = await create({ email: owner.email, password: TEST_PASSWORD, name: 'n'.repeat(101) });
    expect(badName.status).toBe(400);
    expect(badName.body.error.fields).toHaveProperty('name');
    expect(await db().apiToken.count()).toBe(0);
  });

  it('never answers a 5xx, whatever the body (a small fuzz)', async () => {
    const bodies: { rawBody?: string; body?: unknown }[] = [
      { rawBody: 'null' },
      { rawBody: '[]' },
      { rawBody: '"a string"' },
      { rawBody: '42' },
      { rawBody: 'true' },
      { rawBody: '\u0000\u0001' },
      { rawBody: '{"email":"\\ud800@x.fr","password":"x"}' },
      { body: { email: null, password: null } },
      { body: { email: { $ne: '' }, password: { $gt: '' } } },
      { body: { email: owner.email, password: '' } },
      { body: { email: owner.email, password: 'x'.repeat(5000) } },
      { body: { email: `${'a'.repeat(400)}@test.local`, password: 'x' } },
      { body: { email: "' OR 1=1 --@test.local", password: "' OR '1'='1" } },
      { body: { email: owner.email, password: TEST_PASSWORD, name: { nested: true } } },
      { body: { email: owner.email, password: TEST_PASSWORD, name: '   ' } },
      { body: { email: 'émile@exemple.fr', password: '🔑'.repeat(20) } },
      { body: { email: owner.email, password: 12345 } },
      { body: { email: [owner.email], password: TEST_PASSWORD } },
    ];
    for (const input of bodies) {
      const response = await callRoute(postToken, { method: 'POST', ...input });
      const label = JSON.stringify(input).slice(0, 80);
      expect(response.status, label).toBeGreaterThanOrEqual(400);
      expect(response.status, label).toBeLessThan(500);
      expect(typeof response.body.error.code, label).toBe('string');
      expect(typeof response.body.error.message, label).toBe('string');
    }
    expect(await db().apiToken.count()).toBe(0);
  });

  it('never answers a 5xx to odd bearer tokens', async () => {
    for (const token of ['x', 'butin_', 'butin_' + 'A'.repeat(5000), 'é', '%00', "'; DROP TABLE people; --"]) {
      const response = await callRoute(getMe, { headers: { authorization: `Bearer ${encodeURIComponent(token)}` } });
      expect(response.status, token.slice(0, 20)).toBe(401);
    }
    expect(await db().person.count()).toBe(2);
  });
});
