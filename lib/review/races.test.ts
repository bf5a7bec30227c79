import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { explainReviewRace, type LastTransition } from './races';

const stale = new AppError('STALE_VERSION', 'stale');
const invalid = new AppError('INVALID_TRANSITION', 'invalid');
const forbidden = new AppError('FORBIDDEN', 'forbidden');
const by = (actorId: string, toStatus: string): LastTransition => ({ actorId, toStatus, actor: { name: actorId } });

describe('explainReviewRace', () => {
  it.each([
    ['another referent approved it first', invalid, 'APPROVED', by('rita', 'APPROVED'), 'rita'],
    ['another referent rejected it while I held an old version', stale, 'REJECTED', by('rita', 'REJECTED'), 'rita'],
    ['another referent un-approved it (back to SUBMITTED)', stale, 'SUBMITTED', by('rita', 'SUBMITTED'), 'rita'],
    ['the last transition is mine', invalid, 'APPROVED', by('remi', 'APPROVED'), null],
    ['the last transition is the owner’s submit', stale, 'SUBMITTED', by('olga', 'SUBMITTED'), null],
    ['nobody transitioned it', stale, 'SUBMITTED', null, null],
    ['a draft: no review to name', stale, 'DRAFT', by('rita', 'DRAFT'), null],
    ['another error than a race', forbidden, 'APPROVED', by('rita', 'APPROVED'), null],
  ] as const)('%s', async (_case, error, status, last, named) => {
    let read = 0;
    const result = await explainReviewRace(error, { status, version: 3, ownerId: 'olga' }, 'remi', async () => {
      read++;
      return last;
    });
    if (named === null) expect(result).toBe(error);
    else
      expect(result).toMatchObject({
        code: 'ALREADY_REVIEWED',
        messageKey: 'errors.ALREADY_REVIEWED_BY',
        details: { status, version: 3, by: named },
      });
    // The history is read only for a race on a status a review can have left.
    if (error === forbidden || status === 'DRAFT') expect(read).toBe(0);
  });
});
