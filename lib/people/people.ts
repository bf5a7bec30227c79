// People: invite, change roles and referent links, deactivate, list. Permission is checked here,
// against the records as stored, whatever the way in (form, API, script).
import 'server-only';
import { db, type Tx } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, normaliseRoles, type Actor, type Role } from '@/lib/auth/permissions';
import { createInvitation, sendInvitationEmail } from '@/lib/auth/invitations';
import { writeAudit } from '@/lib/audit';
import { getSettings } from '@/lib/settings/settings';
import type { TPersonInvite, TPersonOut, TPersonRolesUpdate, TPersonUpdate } from '@/lib/people/schemas';
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

type StoredPerson = PersonRow & { id: string };

/** Roles and referent links replaced, in the caller's transaction; the last active admin stays one. */
async function applyRoles(
  tx: Tx,
  options: { actor: Actor; person: StoredPerson; roles: readonly Role[]; referentOf: string[] },
) {
  const { person, referentOf } = options;
  const roles = normaliseRoles(options.roles, referentOf);
  await assertChantiersExist(tx, referentOf);
  if (
    person.roles.includes('ADMIN') &&
    !roles.includes('ADMIN') &&
    person.active &&
    (await activeAdminCount(tx)) <= 1
  ) {
    throw new AppError('CONFLICT', 'errors.LAST_ADMIN');
  }
  await tx.referentLink.deleteMany({ where: { personId: person.id } });
  if (referentOf.length)
    await tx.referentLink.createMany({
      data: [...new Set(referentOf)].map((chantierId) => ({ personId: person.id, chantierId })),
    });
  await tx.person.update({ where: { id: person.id }, data: { roles } });
  await writeAudit(tx, {
    actorId: options.actor.id,
    action: 'person.roles',
    entityType: 'person',
    entityId: person.id,
    data: { before: toPersonOut(person), after: { roles, referentOf } },
  });
}

/**
 * Deactivation cuts the person off at once: the session version moves, so sessions and tokens fail
 * on their next request. Nobody deactivates themselves, nor the last active admin.
 */
async function applyActive(tx: Tx, options: { actor: Actor; person: StoredPerson; active: boolean }) {
  const { person, active } = options;
  if (!active && person.id === options.actor.id) throw new AppError('CONFLICT', 'errors.SELF_DEACTIVATE');
  if (!active && person.active && person.roles.includes('ADMIN') && (await activeAdminCount(tx)) <= 1) {
    throw new AppError('CONFLICT', 'errors.LAST_ADMIN');
  }
  await tx.person.update({ where: { id: person.id }, data: { active, sessionVersion: { increment: 1 } } });
  await writeAudit(tx, {
    actorId: options.actor.id,
    action: active ? 'person.reactivated' : 'person.deactivated',
    entityType: 'person',
    entityId: person.id,
  });
}

async function findPersonForUpdate(tx: Tx, personId: string): Promise<StoredPerson> {
  const person = await tx.person.findUnique({ where: { id: personId }, include: personInclude });
  if (!person) throw new AppError('NOT_FOUND', 'Person not found');
  return person;
}

export async function updatePersonRoles(options: { actor: Actor; input: TPersonRolesUpdate }) {
  assertCan(options.actor, 'people.update');
  const { personId, roles, referentOf } = options.input;
  return db().$transaction(async (tx) => {
    const person = await findPersonForUpdate(tx, personId);
    await applyRoles(tx, { actor: options.actor, person, roles, referentOf });
    return toPersonOut(await findPersonForUpdate(tx, personId));
  });
}

export async function setPersonActive(options: { actor: Actor; personId: string; active: boolean }) {
  assertCan(options.actor, 'people.deactivate');
  return db().$transaction(async (tx) => {
    const person = await findPersonForUpdate(tx, options.personId);
    await applyActive(tx, { actor: options.actor, person, active: options.active });
    return toPersonOut(await findPersonForUpdate(tx, options.personId));
  });
}

/**
 * An admin changes a person's name, email, roles, referent links or activity — only what is given,
 * all in one transaction, with the same rules as the admin screen's actions (roles given alone
 * keep the stored referent links, and the other way round).
 */
export async function updatePerson(options: { actor: Actor; personId: string; input: TPersonUpdate }) {
  const { actor, personId, input } = options;
  assertCan(actor, 'people.update');
  if (input.active !== undefined) assertCan(actor, 'people.deactivate');
  return db().$transaction(async (tx) => {
    let person = await findPersonForUpdate(tx, personId);
    const identity = {
      ...(input.name !== undefined && input.name !== person.name ? { name: input.name } : {}),
      ...(input.email !== undefined && input.email !== person.email ? { email: input.email } : {}),
    };
    if (identity.email && (await tx.person.findUnique({ where: { email: identity.email } }))) {
      throw new AppError('ALREADY_EXISTS', 'A person with this email already exists', {
        fields: { email: 'validation.emailTaken' },
      });
    }
    if (Object.keys(identity).length) {
      await tx.person.update({ where: { id: personId }, data: identity });
      await writeAudit(tx, {
        actorId: actor.id,
        action: 'person.updated',
        entityType: 'person',
        entityId: personId,
        data: {
          before: Object.fromEntries(Object.keys(identity).map((key) => [key, person[key as 'name' | 'email']])),
          after: identity,
        },
      });
    }
    if (input.roles !== undefined || input.referentOf !== undefined) {
      await applyRoles(tx, {
        actor,
        person,
        roles: input.roles ?? (person.roles as Role[]),
        referentOf: input.referentOf ?? person.referentOf.map((link) => link.chantierId),
      });
      person = await findPersonForUpdate(tx, personId);
    }
    if (input.active !== undefined && input.active !== person.active)
      await applyActive(tx, { actor, person, active: input.active });
    return toPersonOut(await findPersonForUpdate(tx, personId));
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
