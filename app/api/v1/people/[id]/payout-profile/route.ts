// GET /api/v1/people/{id}/payout-profile — the person themselves or a treasurer; to anyone else,
// as to a person without a profile, 404.
import { PAYEE_API } from '@/lib/payees/openapi';
import { apiRoute } from '@/lib/api/route';
import { AppError } from '@/lib/errors';
import { getPayoutProfile } from '@/lib/payees/profiles';

export const GET = apiRoute({
  operation: PAYEE_API.getPayoutProfile,
  handler: async ({ actor, params }) => {
    const profile = await getPayoutProfile({ actor, personId: params.id });
    if (!profile) throw new AppError('NOT_FOUND', 'Payout profile not found');
    return profile;
  },
});
