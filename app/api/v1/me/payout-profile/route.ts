// GET /api/v1/me/payout-profile — my payout profile (404 until I fill it);
// PUT — create or replace it (fields left out become empty).
import { apiRoute } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { ZPayoutProfileInput } from '@/lib/payees/schemas';
import { getPayoutProfile, savePayoutProfile } from '@/lib/payees/profiles';

export const GET = apiRoute({
  handler: async ({ actor }) => {
    const profile = await getPayoutProfile({ actor, personId: actor.id });
    if (!profile) throw new AppError('NOT_FOUND', 'No payout profile yet: PUT one');
    return profile;
  },
});

export const PUT = apiRoute({
  body: ZPayoutProfileInput,
  handler: async ({ actor, body }) => {
    const { profile, ibanChanged, emailed } = await savePayoutProfile({ actor, personId: actor.id, input: body });
    return { ...profile, ibanChanged, ibanChangeEmailed: emailed };
  },
});
