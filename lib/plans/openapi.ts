// The plan endpoints' entries in the OpenAPI document, with the schemas the handlers parse and
// answer with.
import type { Operation } from '@/lib/api/openapi-types';
import { ZIdParams } from '@/lib/api/schemas';
import { ZChantierPlanInput, ZChantierPlanOut, ZPlanOut, ZPlanParams } from './schemas';

export const PLAN_OPERATIONS: Operation[] = [
  {
    method: 'get',
    path: '/periods/{id}/plan',
    summary:
      "The period's plan per chantier and person against the submitted and approved hours, with the demand, the forecast at the period's end and an alert (NONE, WARN at 80 % of the envelope, OVER)",
    who: 'signed in (per-person lines as the payouts: everyone with transparency on, else one’s own)',
    params: ZIdParams,
    response: { status: 200, schema: ZPlanOut },
  },
  {
    method: 'put',
    path: '/periods/{id}/plan/{chantierId}',
    summary:
      "Replace a chantier's plan (one line per person, and at most one for anyone: personId null); 409 PERIOD_NOT_OPEN once the period is closed",
    who: 'treasurer, or a referent of the chantier; period open',
    params: ZPlanParams,
    body: ZChantierPlanInput,
    response: { status: 200, schema: ZChantierPlanOut },
  },
];
