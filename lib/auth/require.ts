// For pages: the signed-in person, or a redirect to the sign-in page; a missing permission is a
// 404, so a page never shows that it exists to someone who may not use it.
import { notFound, redirect } from 'next/navigation';
import { sessionActor } from '@/lib/auth/actor';
import { can, type Actor, type Permission } from '@/lib/auth/permissions';

export async function requireActor(): Promise<Actor> {
  const actor = await sessionActor();
  if (!actor) redirect('/signin');
  return actor;
}

export async function requirePermission(permission: Permission): Promise<Actor> {
  const actor = await requireActor();
  if (!can(actor, permission)) notFound();
  return actor;
}
