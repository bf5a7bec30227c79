// The plan endpoints (docs/plans.md): each operation is the route's own definition and its entry
// in the OpenAPI document.
import { defineOperation, type Operation } from '@/lib/api/openapi-types';
import { ZIdParams } from '@/lib/api/schemas';
import { ZChantierPlanInput, ZChantierPlanOut, ZPlanCopyOut, ZPlanOut, ZPlanParams } from './schemas';

export const PLAN_API = {
  getPlan: defineOperation({
    operationId: 'getPeriodPlan',
    method: 'get',
    path: '/periods/{id}/plan',
    summary:
      "The period's plan per chantier and person against the submitted and approved hours, with the demand, the forecast at the period's end and an alert (NONE, WARN at 80 % of the envelope, OVER)",
    who: 'signed in (per-person lines as the payouts: everyone with transparency on, else one’s own)',
    params: ZIdParams,
    responses: { 200: ZPlanOut },
  }),
  replaceChantierPlan: defineOperation({
    operationId: 'replaceChantierPlan',
    method: 'put',
    path: '/periods/{id}/plan/{chantierId}',
    summary:
      "Replace a chantier's plan (one line per person, and at most one for anyone: personId null) and answer the chantier's part",
    who: 'treasurer, or a referent of the chantier; period open',
    params: ZPlanParams,
    body: ZChantierPlanInput,
    responses: { 200: ZChantierPlanOut },
    errors: { 409: 'PERIOD_NOT_OPEN: the period is closed, its plan is frozen' },
  }),
  copyPreviousPlan: defineOperation({
    operationId: 'copyPreviousPlan',
    method: 'post',
    path: '/periods/{id}/plan/copy',
    summary:
      "Copy the plan of the period before (the latest that ends before this one starts) onto this open period, in one transaction: every chantier for a treasurer, a referent's own chantiers for a referent, each replaced whole; answers the copied chantiers' parts",
    who: 'treasurer, or a referent (their own chantiers); period open',
    params: ZIdParams,
    responses: { 200: ZPlanCopyOut },
    errors: {
      409: 'PERIOD_NOT_OPEN: the period is closed, its plan is frozen; CONFLICT: the previous period has no plan the caller may copy',
    },
  }),
};

export const PLAN_OPERATIONS: Operation[] = Object.values(PLAN_API);
