// GET /api/v1/people/{id}/payout-profile — the person themselves or a treasurer; to anyone else,
// as to a person without a profile, 404.
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { AppError } from '@/lib/errors';
import { getPayoutProfile } from '@/lib/payees/profiles';

export const GET = apiRoute({
  params: ZIdParams,
  handler: async ({ actor, params }) => {
    const profile = await getPayoutProfile({ actor, personId: params.id });
    if (!profile) throw new AppError('NOT_FOUND', 'Payout profile not found');
    return profile;
  },
});
