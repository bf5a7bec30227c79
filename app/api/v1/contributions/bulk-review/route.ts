// POST /api/v1/contributions/bulk-review — approve (or reject, …) several at once, all or none.
import { CONTRIBUTION_API } from '@/lib/contributions/openapi';
import { apiRoute } from '@/lib/api/route';
import { reviewContributions } from '@/lib/contributions/server/review';

export const POST = apiRoute({
  operation: CONTRIBUTION_API.reviewContributions,
  handler: async ({ actor, body }) => ({
    items: await reviewContributions({
      actor,
      ids: body.ids,
      action: body.action,
      comment: body.reason ?? body.comment,
    }),
  }),
});
