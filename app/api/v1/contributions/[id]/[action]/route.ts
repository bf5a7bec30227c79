// POST /api/v1/contributions/{id}/submit | approve | reject | request-changes | unapprove.
import { z } from 'zod';
import { apiRoute } from '@/lib/api/route';
import { ZReview } from '@/lib/contributions/inputs';
import { submitContribution } from '@/lib/contributions/server/mutations';
import { reviewContribution } from '@/lib/contributions/server/review';

const ACTIONS = {
  submit: 'submit',
  approve: 'approve',
  reject: 'reject',
  'request-changes': 'requestChanges',
  unapprove: 'unapprove',
} as const;

const ZParams = z.object({
  id: z.string().min(1).max(64),
  action: z.enum(Object.keys(ACTIONS) as [keyof typeof ACTIONS, ...(keyof typeof ACTIONS)[]]),
});

export const POST = apiRoute({
  params: ZParams,
  body: ZReview,
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
