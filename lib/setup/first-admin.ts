// The first admin of a real deployment: created by `npm run admin:create` or by the first-run
// page, which exists only while no active admin does.
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hashPassword } from '@/lib/auth/password';
import { writeAudit } from '@/lib/audit';
import type { Role } from '@/lib/auth/permissions';
import { ZEmail, ZName, ZPassword, withNewPassword } from '@/lib/people/schemas';

export const ZFirstAdmin = withNewPassword({
  collective: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  email: ZEmail,
  name: ZName,
});
export type TFirstAdmin = z.infer<typeof ZFirstAdmin>;

/**
 * The first admin gets every role a person holds by themselves (referent is per chantier), so
 * they can create the first period without ticking "Trésorier·e" on their own row first.
 */
export const FIRST_ADMIN_ROLES = ['ADMIN', 'TREASURER', 'CONTRIBUTOR'] as const satisfies readonly Role[];

export async function hasActiveAdmin(): Promise<boolean> {
  return (await db().person.count({ where: { active: true, roles: { has: 'ADMIN' } } })) > 0;
}

/**
 * Creates the first admin. The check and the insert run under one advisory lock, so two people
 * racing on the first-run page cannot both become admin.
 */
export async function createFirstAdmin(
  input: Omit<TFirstAdmin, 'passwordConfirm'>,
  options: { allowExistingAdmin?: boolean } = {},
) {
  const passwordHash = await hashPassword(input.password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    const admins = await tx.person.count({ where: { active: true, roles: { has: 'ADMIN' } } });
    if (admins > 0 && !options.allowExistingAdmin) throw new AppError('CONFLICT', 'errors.SETUP_DONE');
    await tx.collectiveSettings.upsert({
      where: { id: 1 },
      create: { id: 1, name: input.collective },
      update: { name: input.collective },
    });
    const existing = await tx.person.findUnique({ where: { email: input.email } });
    const person = existing
      ? await tx.person.update({
          where: { id: existing.id },
          data: {
            name: input.name,
            passwordHash,
            active: true,
            roles: [...new Set<Role>([...(existing.roles as Role[]), ...FIRST_ADMIN_ROLES])],
            sessionVersion: { increment: 1 },
          },
        })
      : await tx.person.create({
          data: { email: input.email, name: input.name, passwordHash, roles: [...FIRST_ADMIN_ROLES] },
        });
    await writeAudit(tx, {
      actorId: person.id,
      action: 'setup.first-admin',
      entityType: 'person',
      entityId: person.id,
    });
    return person;
  });
}

export type EnsureAdminResult = {
  personId: string;
  email: string;
  created: boolean;
  /** The roles it was given that it did not have. */
  rolesAdded: Role[];
  passwordSet: boolean;
  collectiveRenamed: boolean;
};

/**
 * `npm run admin:create`: makes `email` an admin of a deployment, doing only what it is told.
 * Refuses while another active admin exists unless `force`; an existing person keeps their
 * password unless `resetPassword` (which also ends their sessions) and their name unless `name`
 * is given; the collective is renamed only when `collective` is given.
 */
export async function ensureAdmin(options: {
  email: string;
  name?: string;
  password?: string;
  collective?: string;
  force?: boolean;
  resetPassword?: boolean;
}): Promise<EnsureAdminResult> {
  const email = ZEmail.parse(options.email);
  const name = options.name === undefined ? undefined : ZName.parse(options.name);
  const collective =
    options.collective === undefined ? undefined : ZFirstAdmin.shape.collective.parse(options.collective);
  const password = options.password === undefined ? undefined : ZPassword.parse(options.password);
  const passwordHash = password === undefined ? undefined : await hashPassword(password);
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(72707370)`;
    const admins = await tx.person.findMany({
      where: { active: true, roles: { has: 'ADMIN' } },
      select: { email: true },
    });
    const others = admins.filter((admin) => admin.email !== email);
    if (others.length > 0 && !options.force) {
      throw new AppError(
        'CONFLICT',
        `An admin already exists (${others.map((admin) => admin.email).join(', ')}): add --force to make another one`,
      );
    }
    const existing = await tx.person.findUnique({ where: { email } });
    if (!existing && (name === undefined || passwordHash === undefined)) {
      throw new AppError('VALIDATION', 'A new admin needs --name and a password');
    }
    if (existing && options.resetPassword && passwordHash === undefined) {
      throw new AppError('VALIDATION', '--reset-password needs a password');
    }
    let collectiveRenamed = false;
    if (collective !== undefined) {
      await tx.collectiveSettings.upsert({
        where: { id: 1 },
        create: { id: 1, name: collective },
        update: { name: collective },
      });
      collectiveRenamed = true;
    }
    const roles = existing ? [...new Set<Role>([...(existing.roles as Role[]), ...FIRST_ADMIN_ROLES])] : [];
    const setPassword = existing ? Boolean(options.resetPassword) : true;
    const person = existing
      ? await tx.person.update({
          where: { id: existing.id },
          data: {
            ...(name !== undefined ? { name } : {}),
            active: true,
            roles,
            ...(setPassword ? { passwordHash, sessionVersion: { increment: 1 } } : {}),
          },
        })
      : await tx.person.create({
          data: { email, name: name!, passwordHash: passwordHash!, roles: [...FIRST_ADMIN_ROLES] },
        });
    await writeAudit(tx, {
      actorId: person.id,
      action: existing ? 'setup.admin-promoted' : 'setup.first-admin',
      entityType: 'person',
      entityId: person.id,
    });
    return {
      personId: person.id,
      email: person.email,
      created: !existing,
      rolesAdded: existing
        ? FIRST_ADMIN_ROLES.filter((role) => !(existing.roles as Role[]).includes(role))
        : [...FIRST_ADMIN_ROLES],
      passwordSet: setPassword,
      collectiveRenamed,
    };
  });
}
