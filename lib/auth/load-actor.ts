// Reads a person as an Actor: only active people, and (for sessions) only while the session's
// version matches, so deactivating someone or changing their password cuts their sessions off.
import { db } from '@/lib/db';
import type { Actor, Role } from '@/lib/auth/permissions';

export async function loadActor(personId: string, via: Actor['via'], sessionVersion?: number): Promise<Actor | null> {
  const person = await db().person.findUnique({
    where: { id: personId },
    include: { referentOf: { select: { chantierId: true } } },
  });
  if (!person || !person.active) return null;
  if (sessionVersion !== undefined && person.sessionVersion !== sessionVersion) return null;
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    roles: person.roles as Role[],
    referentOf: person.referentOf.map((link) => link.chantierId).sort(),
    locale: person.locale,
    via,
  };
}
