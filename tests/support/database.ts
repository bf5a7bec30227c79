// Helpers for integration tests: empty the database between files, and build the records a test
// needs through the real domain code where one exists.
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { loadActor } from '@/lib/auth/load-actor';
import type { Actor, Role } from '@/lib/auth/permissions';

/** Empties every table but the migrations' bookkeeping (TRUNCATE bypasses the append-only triggers). */
export async function resetDatabase(): Promise<void> {
  const tables = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length) await db().$executeRawUnsafe(`TRUNCATE ${tables.map((table) => `"${table.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`);
}

let passwordHashCache: Promise<string> | undefined;
export const TEST_PASSWORD = 'correct horse battery';

let counter = 0;
const unique = () => `${Date.now().toString(36)}${(counter++).toString(36)}`;

export async function createChantier(data: { name?: string; code?: string } = {}) {
  const id = unique();
  return db().chantier.create({ data: { name: data.name ?? `Chantier ${id}`, code: data.code ?? `C${id}` } });
}

export async function createPlace(data: { name?: string } = {}) {
  return db().place.create({ data: { name: data.name ?? `Lieu ${unique()}` } });
}

/** A person with a password (TEST_PASSWORD), roles and referent links; returns them as an Actor. */
export async function createPerson(data: { email?: string; name?: string; roles?: Role[]; referentOf?: string[]; active?: boolean; password?: string | null } = {}): Promise<Actor & { active: boolean }> {
  passwordHashCache ??= hashPassword(TEST_PASSWORD);
  const referentOf = data.referentOf ?? [];
  const roles = new Set<Role>([...(data.roles ?? []), 'CONTRIBUTOR']);
  if (referentOf.length) roles.add('REFERENT');
  const email = data.email ?? `person-${unique()}@test.local`;
  const person = await db().person.create({
    data: {
      email,
      name: data.name ?? email.split('@')[0],
      roles: [...roles],
      active: data.active ?? true,
      passwordHash: data.password === null ? null : data.password ? await hashPassword(data.password) : await passwordHashCache,
      referentOf: { create: referentOf.map((chantierId) => ({ chantierId })) },
    },
  });
  const actor = await loadActor(person.id, 'token');
  return { ...(actor ?? { id: person.id, email, name: person.name, roles: [...roles], referentOf, locale: 'fr', via: 'token' as const }), active: person.active };
}

/** Calls a route handler in-process, as Next would, with an optional bearer token and JSON body. */
export async function callRoute(
  handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>,
  options: { method?: string; path?: string; token?: string; body?: unknown; rawBody?: string; params?: Record<string, string>; headers?: Record<string, string> } = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const request = new Request(`http://localhost:3000${options.path ?? '/api/v1/test'}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

// ---------------------------------------------------------------------------------------------
// Plain SQL, around Prisma: to prove what the database itself refuses, and to move time.

import pg from 'pg';

/** Runs one statement on its own connection to the test database; returns the rows. */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

export type SqlError = { code: string; constraint?: string; message: string };

/** Runs a statement that must fail; returns PostgreSQL's error (code, constraint, message). */
export async function sqlError(text: string, values: unknown[] = []): Promise<SqlError> {
  try {
    await sql(text, values);
  } catch (error) {
    const { code, constraint, message } = error as pg.DatabaseError;
    return { code: code ?? '', constraint, message };
  }
  throw new Error(`Expected this statement to fail, it succeeded: ${text}`);
}

/** Row counts of every table (but the migrations' bookkeeping), to compare before and after. */
export async function tableCounts(): Promise<Record<string, number>> {
  const tables = await sql<{ tablename: string }>(
    `SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations' ORDER BY tablename`,
  );
  const counts: Record<string, number> = {};
  for (const { tablename } of tables) {
    const [row] = await sql<{ count: string }>(`SELECT count(*)::text AS count FROM "${tablename}"`);
    counts[tablename] = Number(row.count);
  }
  return counts;
}

/** The error a promise rejects with (fails the test if it resolves). */
export async function rejectionOf(promise: Promise<unknown>): Promise<Error & { code?: string; fields?: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('Expected a rejection, the call succeeded');
}
