// POST /api/v1/contributions/{id}/submit | approve | reject | request-changes | unapprove.
import { CONTRIBUTION_API, type CONTRIBUTION_URL_ACTIONS } from '@/lib/contributions/openapi';
import type { ReviewAction } from '@/lib/contributions/lifecycle';
import { apiRoute } from '@/lib/api/route';
import { submitContribution } from '@/lib/contributions/server/mutations';
import { reviewContribution } from '@/lib/contributions/server/review';

const ACTIONS: Record<(typeof CONTRIBUTION_URL_ACTIONS)[number], 'submit' | ReviewAction> = {
  submit: 'submit',
  approve: 'approve',
  reject: 'reject',
  'request-changes': 'requestChanges',
  unapprove: 'unapprove',
};

export const POST = apiRoute({
  operation: CONTRIBUTION_API.actOnContribution,
  handler: async ({ actor, params, body }) => {
    const action = ACTIONS[params.action];
    if (action === 'submit')
      return submitContribution({ actor, id: params.id, version: body.version, comment: body.comment });
    return reviewContribution({
      actor,
      id: params.id,
      action,
      comment: body.reason ?? body.comment,
      version: body.version,
    });
  },
});
