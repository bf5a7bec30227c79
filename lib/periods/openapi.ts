// The period and payout endpoints' entries in the OpenAPI document.
import type { Operation } from '@/lib/api/openapi-types';

export const PERIOD_OPERATIONS: Operation[] = [];
