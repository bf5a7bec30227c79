/**
 * The pricing module's own guard for claims (step 0), beside validate-input.ts for the rest: a
 * frozen run, a script or a test can never price a fractional cent, a claim twice, or mileage in a
 * period without a mileage rate.
 */
import type { ClaimKind, ClaimsPricingInput } from './types';
import {
  assertValidPricingInput,
  checkArray,
  checkCalendarDate,
  checkCount,
  checkId,
  checkOptionalId,
  fail,
} from './validate-input';

const KINDS: readonly ClaimKind[] = ['EXPENSE', 'MILEAGE', 'FIXED_FEE', 'IN_KIND'];

/** Throws a PricingInputError unless the claims and the rest of `input` can be priced. */
export function assertValidClaims(input: ClaimsPricingInput): void {
  assertValidPricingInput(input);
  const mileageRateCents = input.settings.mileageRateCents;
  if (mileageRateCents !== null && mileageRateCents !== undefined) {
    checkCount(mileageRateCents, 'settings.mileageRateCents');
  }
  checkArray(input.claims, 'claims');
  const ids = new Set<string>();
  input.claims.forEach((claim, index) => {
    const path = `claims[${index}]`;
    checkId(claim?.id, `${path}.id`);
    checkId(claim.personId, `${path}.personId`);
    checkId(claim.chantierId, `${path}.chantierId`);
    checkOptionalId(claim.placeId, `${path}.placeId`);
    checkCalendarDate(claim.date, `${path}.date`);
    if (!KINDS.includes(claim.kind)) fail(`${path}.kind`, `must be one of ${KINDS.join(', ')}`);
    if (claim.kind === 'MILEAGE') {
      checkCount(claim.distanceKm, `${path}.distanceKm`);
      if (mileageRateCents === null || mileageRateCents === undefined) {
        fail(path, 'is a mileage claim, but the period has no mileage rate');
      }
    } else {
      checkCount(claim.amountCents, `${path}.amountCents`);
    }
    if (ids.has(claim.id)) fail(path, `repeats claim id ${claim.id}`);
    ids.add(claim.id);
  });
}
