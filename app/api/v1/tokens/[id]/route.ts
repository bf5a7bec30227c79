// DELETE /api/v1/tokens/{id} — the owner revokes one of their tokens.
import { CORE_API } from '@/lib/api/operations';
import { apiRoute } from '@/lib/api/route';
import { revokeApiToken } from '@/lib/tokens/api-tokens';

export const DELETE = apiRoute({
  operation: CORE_API.revokeToken,
  handler: async ({ actor, params }) => {
    await revokeApiToken({ actor, id: params.id });
    return new Response(null, { status: 204 });
  },
});
