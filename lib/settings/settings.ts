// The collective's settings: one row, created with defaults the first time it is read.
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import type { Actor } from '@/lib/auth/permissions';
import { assertCan, can } from '@/lib/auth/permissions';
import { AppError } from '@/lib/errors';
import { writeAudit } from '@/lib/audit';
import type { TCollectiveIdentity } from '@/lib/settings/identity';

export const ZSettingsUpdate = z.object({
  name: z.string().trim().min(1, 'validation.required').max(120, 'validation.tooLong'),
  timeZone: z
    .string()
    .trim()
    .refine((zone) => {
      try {
        new Intl.DateTimeFormat('fr-FR', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'validation.timeZone'),
  transparency: z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean()),
  /** Days before a period's end when everyone is reminded to declare (docs/plans.md); kept when absent. */
  reminderDaysBeforeEnd: z.preprocess(
    (value) => (value === '' || value === null ? undefined : value),
    z.coerce
      .number('validation.invalid')
      .int('validation.invalid')
      .min(0, 'validation.invalid')
      .max(90, 'validation.invalid')
      .optional(),
  ),
});
export type TSettingsUpdate = z.infer<typeof ZSettingsUpdate>;

/**
 * Read on most pages: a plain read, with the defaults written only the very first time. The
 * insert ignores a conflict, so requests racing on an empty database all succeed (Prisma's upsert
 * is a read then a write, and would fail all but one of them).
 */
export async function getSettings() {
  const found = await db().collectiveSettings.findUnique({ where: { id: 1 } });
  if (found) return found;
  await db()
    .$executeRaw`INSERT INTO collective_settings (id, updated_at) VALUES (1, now()) ON CONFLICT (id) DO NOTHING`;
  return db().collectiveSettings.findUniqueOrThrow({ where: { id: 1 } });
}

export async function updateSettings(options: { actor: Actor; input: TSettingsUpdate }) {
  assertCan(options.actor, 'settings.manage');
  return db().$transaction(async (tx) => {
    const before = await tx.collectiveSettings.upsert({ where: { id: 1 }, create: { id: 1 }, update: {} });
    const after = await tx.collectiveSettings.update({ where: { id: 1 }, data: options.input });
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: 'settings.updated',
      entityType: 'settings',
      entityId: '1',
      data: {
        before: {
          name: before.name,
          timeZone: before.timeZone,
          transparency: before.transparency,
          reminderDaysBeforeEnd: before.reminderDaysBeforeEnd,
        },
        after: options.input,
      },
    });
    return after;
  });
}

/**
 * The collective's identity on its documents: read by admins, who set it, and by treasurers,
 * whose statements and funder report print it.
 */
export async function getCollectiveIdentity(options: { actor: Actor }) {
  if (!can(options.actor, 'settings.manage') && !can(options.actor, 'exports.read'))
    throw new AppError('FORBIDDEN', 'Not allowed: settings.manage or exports.read');
  const settings = await getSettings();
  return { legalName: settings.legalName, address: settings.address, siret: settings.siret, rna: settings.rna };
}

/** The collective's identity on its documents (lib/settings/identity.ts); admins only. */
export async function updateCollectiveIdentity(options: { actor: Actor; input: TCollectiveIdentity }) {
  assertCan(options.actor, 'settings.manage');
  return db().$transaction(async (tx) => {
    await tx.$executeRaw`INSERT INTO collective_settings (id, updated_at) VALUES (1, now()) ON CONFLICT (id) DO NOTHING`;
    const after = await tx.collectiveSettings.update({ where: { id: 1 }, data: options.input });
    await writeAudit(tx, {
      actorId: options.actor.id,
      action: 'settings.identityUpdated',
      entityType: 'settings',
      entityId: '1',
      data: { after: options.input },
    });
    return after;
  });
}
