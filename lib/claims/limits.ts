// The bounds of a claim's values (docs/claims.md); the migration's CHECKs hold the same numbers.

/** 1 000 000 €: an amount above it is a typo, and the database refuses it. */
export const MAX_CLAIM_CENTS = 100_000_000;
/** Whole kilometres of one trip. */
export const MIN_DISTANCE_KM = 1;
export const MAX_DISTANCE_KM = 5_000;
export const MAX_CLAIM_DESCRIPTION_LENGTH = 2_000;
/** At most this many claims are reviewed at once. */
export const MAX_BULK_CLAIMS = 500;
