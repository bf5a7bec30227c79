// The first admin of a real deployment: created by `npm run admin:create` or by the first-run
// page, which exists only while no active admin does.
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { hashPassword } from '@/lib/auth/password';
import { writeAudit } from '@/lib/audit';
import type { Role } from '@/lib/auth/permissions';
import { ZEmail, ZName, ZPassword } from '@/lib/people/schemas';

export const ZFirstAdmin = z
  .object({
    collective: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
    email: ZEmail,
    name: ZName,
    password: ZPassword,
    passwordConfirm: z.string(),
  })
  .refine((input) => input.password === input.passwordConfirm, {
    path: ['passwordConfirm'],
    message: 'validation.passwordMismatch',
  });
export type TFirstAdmin = z.infer<typeof ZFirstAdmin>;

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
            roles: [...new Set<Role>([...(existing.roles as Role[]), 'ADMIN'])],
            sessionVersion: { increment: 1 },
          },
        })
      : await tx.person.create({
          data: { email: input.email, name: input.name, passwordHash, roles: ['ADMIN', 'CONTRIBUTOR'] },
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
