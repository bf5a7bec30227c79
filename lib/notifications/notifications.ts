// In-app notifications: what the app tells a person (a rejected or sent-back contribution).
import 'server-only';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';

export async function listUnreadNotifications(personId: string) {
  return db().notification.findMany({ where: { personId, readAt: null }, orderBy: { createdAt: 'desc' }, take: 20 });
}

/** Marks all of one's own notifications read; nobody else's can be touched. */
export async function markNotificationsRead(options: { actor: Actor }) {
  await db().notification.updateMany({
    where: { personId: options.actor.id, readAt: null },
    data: { readAt: new Date() },
  });
}
