// Personal API tokens: random, shown once, stored as a hash, revocable by their owner.
import 'server-only';
import { z } from 'zod';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import type { Actor } from '@/lib/auth/permissions';
import { hashToken, newSecretToken } from '@/lib/auth/tokens';

export const ZTokenName = z.string().trim().min(1, 'validation.required').max(100, 'validation.tooLong');
export const MAX_TOKENS_PER_PERSON = 50;

export async function createApiToken(options: { personId: string; name: string }) {
  const live = await db().apiToken.count({ where: { personId: options.personId, revokedAt: null } });
  if (live >= MAX_TOKENS_PER_PERSON) throw new AppError('CONFLICT', 'errors.TOO_MANY_TOKENS');
  const token = newSecretToken('butin');
  const record = await db().apiToken.create({
    data: { personId: options.personId, name: options.name, tokenHash: hashToken(token), prefix: token.slice(0, 12) },
  });
  return { id: record.id, token, name: record.name, prefix: record.prefix, createdAt: record.createdAt };
}

export async function listApiTokens(personId: string) {
  return db().apiToken.findMany({
    where: { personId, revokedAt: null },
    orderBy: { createdAt: 'desc' },
    select: { id: true, name: true, prefix: true, createdAt: true, lastUsedAt: true },
  });
}

/** Only the owner may revoke; anyone else gets the same 404 as for an unknown id. */
export async function revokeApiToken(options: { actor: Actor; id: string }) {
  const revoked = await db().apiToken.updateMany({
    where: { id: options.id, personId: options.actor.id, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  if (revoked.count === 0) throw new AppError('NOT_FOUND', 'Token not found');
}
