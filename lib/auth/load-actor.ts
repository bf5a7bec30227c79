// Reads a person as an Actor: only active people, and (for sessions) only while the session's
// version matches, so deactivating someone or changing their password cuts their sessions off.
// One query per request, person and referent links together: this runs on every request.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { db } from '@/lib/db';
import type { Actor, Role } from '@/lib/auth/permissions';

type ActorRow = {
  id: string;
  email: string;
  name: string;
  roles: string[];
  locale: string;
  session_version: number;
  referent_of: string[];
  token_id: string | null;
  token_last_used_at: Date | null;
};

/** The person (and, for a token, the token) in one round trip; inactive people are not found. */
async function readActorRow(where: Prisma.Sql, withToken: boolean): Promise<ActorRow | null> {
  const rows = await db().$queryRaw<ActorRow[]>`
    SELECT p.id, p.email, p.name, p.roles::text[] AS roles, p.locale, p.session_version,
           coalesce(array_agg(l.chantier_id ORDER BY l.chantier_id) FILTER (WHERE l.chantier_id IS NOT NULL), '{}') AS referent_of,
           ${withToken ? Prisma.sql`t.id` : Prisma.sql`NULL::text`} AS token_id,
           ${withToken ? Prisma.sql`t.last_used_at` : Prisma.sql`NULL::timestamptz`} AS token_last_used_at
      FROM people p
      ${withToken ? Prisma.sql`JOIN api_tokens t ON t.person_id = p.id AND t.revoked_at IS NULL` : Prisma.empty}
      LEFT JOIN referent_links l ON l.person_id = p.id
     WHERE p.active AND ${where}
     GROUP BY p.id${withToken ? Prisma.sql`, t.id` : Prisma.empty}`;
  return rows[0] ?? null;
}

function toActor(row: ActorRow, via: Actor['via']): Actor {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles as Role[],
    referentOf: row.referent_of,
    locale: row.locale,
    via,
  };
}

export async function loadActor(personId: string, via: Actor['via'], sessionVersion?: number): Promise<Actor | null> {
  const row = await readActorRow(Prisma.sql`p.id = ${personId}`, false);
  if (!row) return null;
  if (sessionVersion !== undefined && row.session_version !== sessionVersion) return null;
  return toActor(row, via);
}

/** The person a live API token belongs to, with when the token was last used. */
export async function loadTokenActor(
  tokenHash: string,
): Promise<{ actor: Actor; tokenId: string; lastUsedAt: Date | null } | null> {
  const row = await readActorRow(Prisma.sql`t.token_hash = ${tokenHash}`, true);
  if (!row || !row.token_id) return null;
  return { actor: toActor(row, 'token'), tokenId: row.token_id, lastUsedAt: row.token_last_used_at };
}
