/**
 * Turns an exact rational into the JSON-safe `ExactNumber` that payout explanations carry
 * (BigInt does not survive JSON, and a frozen payout run must be stored and re-read as JSON).
 */
import { rational, toDecimalString, type Rational } from './rational';
import type { ExactNumber } from './types';

export function toExactNumber(value: Rational): ExactNumber {
  return {
    numerator: `${value.num}`,
    denominator: `${value.den}`,
    decimal: toDecimalString(value, 4),
  };
}

/** The exact rational an `ExactNumber` carries. */
export function fromExactNumber(value: ExactNumber): Rational {
  return rational(BigInt(value.numerator), BigInt(value.denominator));
}
