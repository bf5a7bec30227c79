// GET /api/v1/me/payout-profile — my payout profile (404 until I fill it);
// PUT — create or replace it (fields left out become empty).
import { PAYEE_API } from '@/lib/payees/openapi';
import { apiRoute } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { getPayoutProfile, savePayoutProfile } from '@/lib/payees/profiles';

export const GET = apiRoute({
  operation: PAYEE_API.getMyPayoutProfile,
  handler: async ({ actor }) => {
    const profile = await getPayoutProfile({ actor, personId: actor.id });
    if (!profile) throw new AppError('NOT_FOUND', 'No payout profile yet: PUT one');
    return profile;
  },
});

export const PUT = apiRoute({
  operation: PAYEE_API.saveMyPayoutProfile,
  handler: async ({ actor, body }) => {
    const { profile, ibanChanged, emailed } = await savePayoutProfile({ actor, personId: actor.id, input: body });
    return { ...profile, ibanChanged, ibanChangeEmailed: emailed };
  },
});
