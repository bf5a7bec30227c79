// DELETE /api/v1/tokens/{id} — the owner revokes one of their tokens.
import { apiRoute } from '@/lib/api/route';
import { ZIdParams } from '@/lib/api/schemas';
import { revokeApiToken } from '@/lib/tokens/api-tokens';

export const DELETE = apiRoute({
  params: ZIdParams,
  handler: async ({ actor, params }) => {
    await revokeApiToken({ actor, id: params.id });
    return new Response(null, { status: 204 });
  },
});
