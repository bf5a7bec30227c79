// People: invite, change roles and referent links, deactivate, list. Permission is checked here,
// against the records as stored, whatever the way in (form, API, script).
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, normaliseRoles, type Actor, type Role } from '@/lib/auth/permissions';
import { createInvitation, sendInvitationEmail } from '@/lib/auth/invitations';
import { writeAudit } from '@/lib/audit';
import { getSettings } from '@/lib/settings/settings';
import type { TPersonInvite, TPersonOut, TPersonRolesUpdate } from '@/lib/people/schemas';
import { decodeCursor, encodeCursor } from '@/lib/api/cursor';
import type { Locale } from '@/lib/i18n/locale';

const personInclude = { referentOf: { select: { chantierId: true } } } as const;

type PersonRow = {
  id: string;
  email: string;
  name: string;
  active: boolean;
  roles: string[];
  referentOf: { chantierId: string }[];
};

export function toPersonOut(person: PersonRow): TPersonOut {
  return {
    id: person.id,
    email: person.email,
    name: person.name,
    active: person.active,
    roles: person.roles as Role[],
    referentOf: person.referentOf.map((link) => link.chantierId).sort(),
  };
}

async function assertChantiersExist(tx: Tx, chantierIds: string[]): Promise<void> {
  if (chantierIds.length === 0) return;
  const found = await tx.chantier.count({ where: { id: { in: chantierIds } } });
  if (found !== new Set(chantierIds).size) {
    throw new AppError('VALIDATION', 'Unknown chantier in referentOf', {
      fields: { referentOf: 'validation.unknownChantier' },
    });
  }
}

export async function invitePerson(options: { actor: Actor; input: TPersonInvite }) {
  assertCan(options.actor, 'people.invite');
  const { email, name, referentOf } = options.input;
  const roles = normaliseRoles(options.input.roles, referentOf);
  const result = await db().$transaction(async (tx) => {
    if (await tx.person.findUnique({ where: { email } })) {
      throw new AppError('ALREADY_EXISTS', 'A person with this email already exists', {
        fields: { email: 'validation.emailTaken' },
      });
    }
    await assertChantiersExist(tx, referentOf);
    const person = await tx.person.create({
      data: {
        email,
        name,
        roles,
        referentOf: { create: [...new Set(referentOf)].map((chantierId) => ({ chantierId })) },
      },
      include: personInclude,
    });
    const link = await createInvitation(tx, { personId: person.id, purpose: 'INVITE', createdById: options.actor.id });
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: 'person.invited',
      entityType: 'person',
      entityId: person.id,
      data: { email, roles, referentOf },
    });
    return { person, link };
  });
  const settings = await getSettings();
  const emailed = await sendInvitationEmail({
    to: email,
    name,
    purpose: 'INVITE',
    url: result.link.url,
    collective: settings.name,
  });
  return { person: toPersonOut(result.person), invitationUrl: result.link.url, emailed };
}

/** A new invitation (not yet joined) or password-reset link for a person, made by an admin. */
export async function createAccessLink(options: { actor: Actor; personId: string }) {
  assertCan(options.actor, 'people.update');
  const person = await db().person.findUnique({ where: { id: options.personId } });
  if (!person) throw new AppError('NOT_FOUND', 'Person not found');
  if (!person.active) throw new AppError('CONFLICT', 'errors.PERSON_INACTIVE');
  const purpose = person.passwordHash ? 'PASSWORD_RESET' : 'INVITE';
  const link = await db().$transaction(async (tx) => {
    const created = await createInvitation(tx, { personId: person.id, purpose, createdById: options.actor.id });
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: `person.link.${purpose.toLowerCase()}`,
      entityType: 'person',
      entityId: person.id,
    });
    return created;
  });
  const settings = await getSettings();
  const emailed = await sendInvitationEmail({
    to: person.email,
    name: person.name,
    purpose,
    url: link.url,
    collective: settings.name,
  });
  return { purpose, url: link.url, emailed };
}

/** Locks the active admins' rows, so two admins removing each other at once cannot both pass the count. */
async function activeAdminCount(tx: Tx): Promise<number> {
  return (
    await tx.$queryRaw<
      { id: string }[]
    >`SELECT id FROM people WHERE active AND 'ADMIN' = ANY(roles) ORDER BY id FOR UPDATE`
  ).length;
}

export async function updatePersonRoles(options: { actor: Actor; input: TPersonRolesUpdate }) {
  assertCan(options.actor, 'people.update');
  const { personId, referentOf } = options.input;
  const roles = normaliseRoles(options.input.roles, referentOf);
  return db().$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: personId }, include: personInclude });
    if (!person) throw new AppError('NOT_FOUND', 'Person not found');
    await assertChantiersExist(tx, referentOf);
    if (
      person.roles.includes('ADMIN') &&
      !roles.includes('ADMIN') &&
      person.active &&
      (await activeAdminCount(tx)) <= 1
    ) {
      throw new AppError('CONFLICT', 'errors.LAST_ADMIN');
    }
    await tx.referentLink.deleteMany({ where: { personId } });
    if (referentOf.length)
      await tx.referentLink.createMany({
        data: [...new Set(referentOf)].map((chantierId) => ({ personId, chantierId })),
      });
    const updated = await tx.person.update({ where: { id: personId }, data: { roles }, include: personInclude });
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: 'person.roles',
      entityType: 'person',
      entityId: personId,
      data: { before: toPersonOut(person), after: { roles, referentOf } },
    });
    return toPersonOut(updated);
  });
}

/** Deactivation cuts the person off at once: sessions and tokens fail on their next request. */
export async function setPersonActive(options: { actor: Actor; personId: string; active: boolean }) {
  assertCan(options.actor, 'people.deactivate');
  return db().$transaction(async (tx) => {
    const person = await tx.person.findUnique({ where: { id: options.personId } });
    if (!person) throw new AppError('NOT_FOUND', 'Person not found');
    if (!options.active && person.id === options.actor.id) throw new AppError('CONFLICT', 'errors.SELF_DEACTIVATE');
    if (!options.active && person.active && person.roles.includes('ADMIN') && (await activeAdminCount(tx)) <= 1) {
      throw new AppError('CONFLICT', 'errors.LAST_ADMIN');
    }
    const updated = await tx.person.update({
      where: { id: person.id },
      data: { active: options.active, sessionVersion: { increment: 1 } },
      include: personInclude,
    });
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: options.active ? 'person.reactivated' : 'person.deactivated',
      entityType: 'person',
      entityId: person.id,
    });
    return toPersonOut(updated);
  });
}

/** Everyone signed in may see who is in the collective (names, roles); personal data is elsewhere. */
export async function listPeople(options: { limit: number; cursor?: string; includeInactive?: boolean }) {
  const after = decodeCursor(options.cursor);
  const rows = await db().person.findMany({
    where: {
      ...(options.includeInactive ? {} : { active: true }),
      ...(after ? { OR: [{ name: { gt: after.key } }, { name: after.key, id: { gt: after.id } }] } : {}),
    },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
    take: options.limit + 1,
    include: personInclude,
  });
  const page = rows.slice(0, options.limit);
  const last = page.at(-1);
  return {
    items: page.map(toPersonOut),
    nextCursor: rows.length > options.limit && last ? encodeCursor({ key: last.name, id: last.id }) : null,
  };
}

/** Every person's name, for a filter: everyone signed in may see who is in the collective. */
export async function listPersonNames(_options: { actor: Actor }): Promise<{ id: string; name: string }[]> {
  return db().person.findMany({ orderBy: [{ name: 'asc' }, { id: 'asc' }], select: { id: true, name: true } });
}

export type PersonForAdmin = TPersonOut & {
  /** Invited, and has not chosen a password yet. */
  pending: boolean;
};

/**
 * The people screen of an admin: everyone, the active first. Whether an invitation is pending is
 * asked of the database (`password_hash IS NULL`) so that no password hash leaves it.
 */
export async function listPeopleForAdmin(options: { actor: Actor }): Promise<PersonForAdmin[]> {
  assertCan(options.actor, 'people.update');
  const [people, pending] = await Promise.all([
    db().person.findMany({
      orderBy: [{ active: 'desc' }, { name: 'asc' }, { id: 'asc' }],
      select: { id: true, name: true, email: true, active: true, roles: true, ...personInclude },
    }),
    db().person.findMany({ where: { passwordHash: null }, select: { id: true } }),
  ]);
  const pendingIds = new Set(pending.map((person) => person.id));
  return people.map((person) => ({ ...toPersonOut(person), pending: pendingIds.has(person.id) }));
}

/** A person's interface language, kept so that mails and the next session speak it too. */
export async function setPersonLocale(options: { actor: Actor; locale: Locale }): Promise<void> {
  await db().person.update({ where: { id: options.actor.id }, data: { locale: options.locale } });
}
