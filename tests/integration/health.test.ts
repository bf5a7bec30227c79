// /api/health answers 200 while the database answers, 503 (within its 3 s timeout) when the
// database stops, and 200 again by itself when the database comes back on the same address; the
// API meanwhile answers a clear 503, never a 500, and the data is still there afterwards.
//
// This file runs its own PostgreSQL, so stopping it disturbs no other test. lib/db.ts keeps one
// Prisma client per process, created on the first db() call from DATABASE_URL: vitest gives each
// test file a fresh module state (checked below), so pointing DATABASE_URL at our server before
// that first call is enough.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { GET as health } from '@/app/api/health/route';
import { GET as getMe } from '@/app/api/v1/me/route';
import { POST as postToken } from '@/app/api/v1/tokens/route';
import { migrate } from '@/lib/db/migrate';
import { createApiToken } from '@/lib/tokens/api-tokens';
import { freePort, startEmbeddedPostgres, type EmbeddedDb } from '@/scripts/embedded-postgres';
import { callRoute, createPerson, TEST_PASSWORD } from '../support/database';

const DATABASE = 'butin_health';
let dataDir: string;
let port: number;
let server: EmbeddedDb | undefined;
let sharedDatabaseUrl: string | undefined;
let token: string;
let email: string;

const start = async () => {
  server = await startEmbeddedPostgres({ dataDir, port, persistent: true });
};
const stop = async () => {
  await server?.stop();
  server = undefined;
};

async function checkHealth() {
  const started = Date.now();
  const response = await health();
  return { status: response.status, body: await response.json(), ms: Date.now() - started };
}

/** Polls until the check answers `status`, or gives up after `timeoutMs`. */
async function waitForHealth(status: number, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  let last = await checkHealth();
  while (last.status !== status && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    last = await checkHealth();
  }
  return last;
}

beforeAll(async () => {
  // No Prisma client exists yet in this file's module state: the next db() call will read our URL.
  expect((globalThis as { butinPrisma?: unknown }).butinPrisma).toBeUndefined();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'butin-health-'));
  port = await freePort();
  await start();
  await server!.ensureDatabase(DATABASE);
  const url = server!.url(DATABASE);
  await migrate({ databaseUrl: url, migrationsDir: path.resolve(import.meta.dirname, '../../prisma/migrations') });
  sharedDatabaseUrl = process.env.DATABASE_URL;
  process.env.DATABASE_URL = url;

  const person = await createPerson({ email: 'health@test.local' });
  email = person.email;
  token = (await createApiToken({ personId: person.id, name: 'health' })).token;
});

afterAll(async () => {
  await db()
    .$disconnect()
    .catch(() => undefined);
  await stop();
  if (sharedDatabaseUrl !== undefined) process.env.DATABASE_URL = sharedDatabaseUrl;
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('/api/health around a database stop', () => {
  it('uses this file’s own server', async () => {
    const [{ port: serverPort }] = await db().$queryRaw<
      { port: number }[]
    >`SELECT current_setting('port')::int AS port`;
    expect(serverPort).toBe(port);
  });

  it('answers 200 while the database answers', async () => {
    const { status, body } = await checkHealth();
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'ok', database: { ok: true, latencyMs: expect.any(Number) } });
    expect((await callRoute(getMe, { token })).status).toBe(200);
  });

  it('answers 503 within the 3 s timeout once the database stops, and the API answers 503 DATABASE_UNAVAILABLE', async () => {
    await stop();

    const { status, body, ms } = await checkHealth();
    expect(status).toBe(503);
    expect(body).toEqual({ status: 'unavailable', database: { ok: false, latencyMs: expect.any(Number) } });
    expect(ms).toBeLessThan(3_500);
    // Still 503 on the next call (no cached answer either way).
    expect((await checkHealth()).status).toBe(503);

    const me = await callRoute(getMe, { token });
    expect(me.status).toBe(503);
    expect(me.body.error.code).toBe('DATABASE_UNAVAILABLE');
    const created = await callRoute(postToken, { method: 'POST', body: { email, password: TEST_PASSWORD } });
    expect(created.status).toBe(503);
    expect(created.body.error.code).toBe('DATABASE_UNAVAILABLE');
  });

  it('answers 200 again by itself once the database is back on the same port, with the data kept', async () => {
    await start();
    expect(server!.port).toBe(port);

    const back = await waitForHealth(200, 15_000);
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('ok');

    // The same token still works: nothing was lost, and no restart of the app was needed.
    const me = await callRoute(getMe, { token });
    expect(me.status).toBe(200);
    expect(me.body.email).toBe(email);
    expect((await callRoute(postToken, { method: 'POST', body: { email, password: TEST_PASSWORD } })).status).toBe(201);
  });
});
