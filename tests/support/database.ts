// Helpers for integration tests: empty the database between files, and build the records a test
// needs through the real domain code where one exists.
import { db } from '@/lib/db';
import { hashPassword } from '@/lib/auth/password';
import { loadActor } from '@/lib/auth/load-actor';
import type { Actor, Role } from '@/lib/auth/permissions';
import type { Operation } from '@/lib/api/openapi-types';
import { assertDocumentedAnswer } from './contract';

/** Empties every table but the migrations' bookkeeping (TRUNCATE bypasses the append-only triggers). */
export async function resetDatabase(): Promise<void> {
  const tables = await db().$queryRaw<{ tablename: string }[]>`
    SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> '_prisma_migrations'`;
  if (tables.length)
    await db().$executeRawUnsafe(
      `TRUNCATE ${tables.map((table) => `"${table.tablename}"`).join(', ')} RESTART IDENTITY CASCADE`,
    );
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
export async function createPerson(
  data: {
    email?: string;
    name?: string;
    roles?: Role[];
    referentOf?: string[];
    active?: boolean;
    password?: string | null;
  } = {},
): Promise<Actor & { active: boolean }> {
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
      passwordHash:
        data.password === null ? null : data.password ? await hashPassword(data.password) : await passwordHashCache,
      referentOf: { create: referentOf.map((chantierId) => ({ chantierId })) },
    },
  });
  const actor = await loadActor(person.id, 'token');
  return {
    ...(actor ?? {
      id: person.id,
      email,
      name: person.name,
      roles: [...roles],
      referentOf,
      locale: 'fr',
      via: 'token' as const,
    }),
    active: person.active,
  };
}

/**
 * Calls a route handler in-process, as Next would, with an optional bearer token and JSON body.
 * An apiRoute handler's answer is checked against the OpenAPI document (status and body), so a
 * test fails on an answer the document does not describe.
 */
export async function callRoute(
  handler: ((request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>) & {
    operation?: Pick<Operation, 'method' | 'path'>;
  },
  options: {
    method?: string;
    path?: string;
    token?: string;
    body?: unknown;
    rawBody?: string;
    params?: Record<string, string>;
    headers?: Record<string, string>;
  } = {},
): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json', ...(options.headers ?? {}) };
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  const request = new Request(`http://localhost:3000${options.path ?? '/api/v1/test'}`, {
    method: options.method ?? 'GET',
    headers,
    body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const response = await handler(request, { params: Promise.resolve(options.params ?? {}) });
  const contentType = response.headers.get('content-type');
  const text = await response.text();
  const body = text && contentType?.startsWith('application/json') ? JSON.parse(text) : text || null;
  if (handler.operation) assertDocumentedAnswer(handler.operation, { status: response.status, contentType, body });
  return { status: response.status, body };
}

// ---------------------------------------------------------------------------------------------
// Plain SQL, around Prisma: to prove what the database itself refuses, and to move time.

import pg from 'pg';

/** Runs one statement on its own connection to the test database; returns the rows. */
export async function sql<T extends pg.QueryResultRow = Record<string, unknown>>(
  text: string,
  values: unknown[] = [],
): Promise<T[]> {
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
export async function rejectionOf(
  promise: Promise<unknown>,
): Promise<Error & { code?: string; fields?: Record<string, string> }> {
  try {
    await promise;
  } catch (error) {
    return error as Error & { code?: string };
  }
  throw new Error('Expected a rejection, the call succeeded');
}

// ---------------------------------------------------------------------------------------------
// Contributions: periods, contributions stored in a given state, bearer tokens.

import type { ContributionStatus } from '@/lib/contributions/lifecycle';
import { createApiToken } from '@/lib/tokens/api-tokens';

const utcDate = (date: string) => new Date(`${date}T00:00:00.000Z`);

/** A funding period, OPEN, over startDate..endDate (YYYY-MM-DD, both inclusive). */
export async function createPeriod(data: {
  name?: string;
  startDate: string;
  endDate: string;
  defaultRateCents?: number;
}) {
  return db().fundingPeriod.create({
    data: {
      name: data.name ?? `Période ${unique()}`,
      startDate: utcDate(data.startDate),
      endDate: utcDate(data.endDate),
      defaultRateCents: data.defaultRateCents ?? 2_000,
    },
  });
}

/** Sets a period's status by plain SQL, around the domain's rules (closePeriod refuses pending work). */
export async function setPeriodStatus(periodId: string, status: 'OPEN' | 'CLOSED' | 'PAID'): Promise<void> {
  await db().$executeRaw`UPDATE funding_periods SET status = ${status}::"PeriodStatus" WHERE id = ${periodId}`;
}

/**
 * A contribution stored directly in the given state (its period must be open), with the history
 * that state implies: CREATED by the owner, DRAFT→SUBMITTED by the owner, then SUBMITTED→status by
 * `reviewerId` for a reviewed status.
 */
export async function seedContribution(data: {
  personId: string;
  chantierId: string;
  periodId: string;
  date: string;
  minutes?: number;
  status?: ContributionStatus;
  description?: string;
  placeId?: string | null;
  volunteer?: boolean;
  reviewerId?: string;
}) {
  const status = data.status ?? 'DRAFT';
  const reviewed = status === 'APPROVED' || status === 'REJECTED' || status === 'CHANGES_REQUESTED';
  const contribution = await db().contribution.create({
    data: {
      personId: data.personId,
      chantierId: data.chantierId,
      periodId: data.periodId,
      placeId: data.placeId ?? null,
      date: utcDate(data.date),
      minutes: data.minutes ?? 60,
      description: data.description ?? `Contribution ${unique()}`,
      volunteer: data.volunteer ?? false,
      status,
      submittedAt: status === 'DRAFT' ? null : new Date(),
      reviewedById: reviewed ? (data.reviewerId ?? null) : null,
      reviewedAt: reviewed && data.reviewerId ? new Date() : null,
    },
  });
  const events: {
    actorId: string;
    kind: 'CREATED' | 'TRANSITION';
    fromStatus?: ContributionStatus;
    toStatus: ContributionStatus;
  }[] = [{ actorId: data.personId, kind: 'CREATED', toStatus: 'DRAFT' }];
  if (status !== 'DRAFT')
    events.push({ actorId: data.personId, kind: 'TRANSITION', fromStatus: 'DRAFT', toStatus: 'SUBMITTED' });
  if (reviewed && data.reviewerId)
    events.push({ actorId: data.reviewerId, kind: 'TRANSITION', fromStatus: 'SUBMITTED', toStatus: status });
  for (const event of events)
    await db().contributionEvent.create({ data: { contributionId: contribution.id, ...event } });
  return contribution;
}

/** A personal API token for this person, for `callRoute(…, { token })`. */
export async function bearerToken(personId: string): Promise<string> {
  return (await createApiToken({ personId, name: `tests ${unique()}` })).token;
}
