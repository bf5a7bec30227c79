// Chantiers (workstreams) and places: data, not code, so any collective can set its own.
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { assertCan, type Actor } from '@/lib/auth/permissions';
import { writeAudit } from '@/lib/audit';

const checkbox = z.preprocess((value) => value === true || value === 'on' || value === 'true', z.boolean());
const optionalText = (max: number) =>
  z.preprocess(
    (value) => (typeof value === 'string' && value.trim() === '' ? null : value),
    z.string().trim().max(max, 'validation.tooLong').nullable().optional(),
  );

export const ZChantierInput = z.object({
  id: z.string().max(64).optional(),
  code: optionalText(20),
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  description: z.string().trim().max(2000, 'validation.tooLong').default(''),
  active: checkbox.default(true),
});
export type TChantierInput = z.infer<typeof ZChantierInput>;

export const ZPlaceInput = z.object({
  id: z.string().max(64).optional(),
  code: optionalText(20),
  name: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  active: checkbox.default(true),
});
export type TPlaceInput = z.infer<typeof ZPlaceInput>;

export async function listChantiers(options: { includeInactive?: boolean } = {}) {
  return db().chantier.findMany({
    where: options.includeInactive ? {} : { active: true },
    orderBy: [{ position: 'asc' }, { code: 'asc' }, { name: 'asc' }],
    include: { referents: { include: { person: { select: { id: true, name: true } } } } },
  });
}

export async function listPlaces(options: { includeInactive?: boolean } = {}) {
  return db().place.findMany({ where: options.includeInactive ? {} : { active: true }, orderBy: [{ name: 'asc' }] });
}

function duplicateNameOrCode(error: unknown): never {
  if (error && typeof error === 'object' && 'code' in error && (error as { code: string }).code === 'P2002') {
    throw new AppError('ALREADY_EXISTS', 'errors.NAME_OR_CODE_TAKEN', {
      fields: { name: 'validation.nameOrCodeTaken' },
    });
  }
  throw error;
}

export async function saveChantier(options: { actor: Actor; input: TChantierInput }) {
  assertCan(options.actor, 'chantiers.manage');
  const { id, ...data } = options.input;
  return db()
    .$transaction(async (tx) => {
      const saved = id
        ? await tx.chantier.update({ where: { id }, data })
        : await tx.chantier.create({ data: { ...data, position: (await tx.chantier.count()) + 1 } });
      await writeAudit(tx, {
        actorId: options.actor.id,
        action: id ? 'chantier.updated' : 'chantier.created',
        entityType: 'chantier',
        entityId: saved.id,
        data,
      });
      return saved;
    })
    .catch(duplicateNameOrCode);
}

export async function savePlace(options: { actor: Actor; input: TPlaceInput }) {
  assertCan(options.actor, 'places.manage');
  const { id, ...data } = options.input;
  return db()
    .$transaction(async (tx) => {
      const saved = id ? await tx.place.update({ where: { id }, data }) : await tx.place.create({ data });
      await writeAudit(tx, {
        actorId: options.actor.id,
        action: id ? 'place.updated' : 'place.created',
        entityType: 'place',
        entityId: saved.id,
        data,
      });
      return saved;
    })
    .catch(duplicateNameOrCode);
}
