// Who is making this request: a session cookie (the browser) or a bearer token (the API). The
// person is re-read from the database on every request, so a deactivation, a role change or a
// revoked token takes effect on the very next request.
import 'server-only';
import { getServerSession } from 'next-auth';
import { db } from '@/lib/db';
import { authOptions } from '@/lib/auth/options';
import { hashToken } from '@/lib/auth/tokens';
import { loadActor, loadTokenActor } from '@/lib/auth/load-actor';
import type { Actor } from '@/lib/auth/permissions';

export { loadActor };

const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export async function actorFromToken(token: string): Promise<Actor | null> {
  const found = await loadTokenActor(hashToken(token));
  if (!found) return null;
  if (!found.lastUsedAt || Date.now() - found.lastUsedAt.getTime() > TOKEN_TOUCH_INTERVAL_MS) {
    await db().apiToken.update({ where: { id: found.tokenId }, data: { lastUsedAt: new Date() } });
  }
  return found.actor;
}

export async function sessionActor(): Promise<Actor | null> {
  const session = await getServerSession(authOptions);
  const user = session?.user as { id?: string; sv?: number } | undefined;
  if (!user?.id) return null;
  return loadActor(user.id, 'session', user.sv);
}

/** The bearer token when the request carries one, else the session cookie. */
export async function requestActor(request: Request): Promise<Actor | null> {
  const authorization = request.headers.get('authorization');
  if (authorization) {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization);
    return match ? actorFromToken(match[1]) : null;
  }
  // No session cookie, no session: skip next-auth (and its per-request work) altogether.
  if (!/(?:^|;\s*)(?:__Secure-)?next-auth\.session-token(?:\.\d+)?=/.test(request.headers.get('cookie') ?? ''))
    return null;
  return sessionActor();
}
