// POST /api/v1/contributions/bulk-review — approve (or reject, …) several at once, all or none.
import { apiRoute } from '@/lib/api/route';
import { ZBulkReview } from '@/lib/contributions/inputs';
import { reviewContributions } from '@/lib/contributions/server/review';

export const POST = apiRoute({
  body: ZBulkReview,
  handler: async ({ actor, body }) => ({
    items: await reviewContributions({
      actor,
      ids: body.ids,
      action: body.action,
      comment: body.reason ?? body.comment,
    }),
  }),
});
