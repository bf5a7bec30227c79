/**
 * Exact rational arithmetic (BigInt numerator / denominator) for the pricing module.
 * Money is computed as exact fractions of a cent and rounded only at the very end, so that no
 * floating point ever touches money and the same inputs always give the same cents.
 */

/** A fraction kept normalised: `den > 0` and `gcd(|num|, den) = 1`, so equal values compare equal. */
export interface Rational {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

function toBigInt(value: bigint | number): bigint {
  if (typeof value === 'bigint') return value;
  // Refusing non-integers here is what keeps floats out: a number only enters as a whole count.
  if (!Number.isSafeInteger(value)) throw new RangeError(`Not a safe integer: ${value}`);
  return BigInt(value);
}

/** Builds `num / den`, normalised. Throws on a zero denominator or a non-integer number. */
export function rational(num: bigint | number, den: bigint | number = 1n): Rational {
  let n = toBigInt(num);
  let d = toBigInt(den);
  if (d === 0n) throw new RangeError('Rational with a zero denominator');
  if (d < 0n) [n, d] = [-n, -d];
  const divisor = gcd(n, d); // gcd(0, d) = d, which turns any zero into 0/1
  return { num: n / divisor, den: d / divisor };
}

export const ZERO: Rational = rational(0n);
export const ONE: Rational = rational(1n);

export function add(a: Rational, b: Rational): Rational {
  if (a.den === b.den) return rational(a.num + b.num, a.den);
  return rational(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function sub(a: Rational, b: Rational): Rational {
  return add(a, { num: -b.num, den: b.den });
}

export function mul(a: Rational, b: Rational): Rational {
  return rational(a.num * b.num, a.den * b.den);
}

export function div(a: Rational, b: Rational): Rational {
  if (b.num === 0n) throw new RangeError('Division of a rational by zero');
  return rational(a.num * b.den, a.den * b.num);
}

/** -1, 0 or 1 as `a` is less than, equal to or greater than `b`. */
export function compare(a: Rational, b: Rational): -1 | 0 | 1 {
  const left = a.num * b.den;
  const right = b.num * a.den;
  return left < right ? -1 : left > right ? 1 : 0;
}

export function isZero(a: Rational): boolean {
  return a.num === 0n;
}

/** The greatest integer ≤ `a` (BigInt division truncates toward zero, hence the correction). */
export function floor(a: Rational): bigint {
  const quotient = a.num / a.den;
  return a.num < 0n && quotient * a.den !== a.num ? quotient - 1n : quotient;
}

/** `a − floor(a)`, in [0, 1). */
export function fractionalPart(a: Rational): Rational {
  return sub(a, rational(floor(a)));
}

/**
 * Rounds half up to an integer: 2.5 → 3, 2.4999… → 2. Only defined here for non-negative
 * values, the only ones money takes in pricing; a negative one means a bug upstream.
 */
export function roundHalfUp(a: Rational): bigint {
  if (a.num < 0n) throw new RangeError(`roundHalfUp expects a non-negative value, got ${toFractionString(a)}`);
  return (2n * a.num + a.den) / (2n * a.den);
}

/** `"7"` or `"20/27"` — exact, and readable back by anyone. */
export function toFractionString(a: Rational): string {
  return a.den === 1n ? `${a.num}` : `${a.num}/${a.den}`;
}

/** A non-negative value as a decimal string with `places` digits, rounded half up: 20/27 → "0.7407". */
export function toDecimalString(a: Rational, places = 4): string {
  const scale = 10n ** BigInt(places);
  const scaled = roundHalfUp(mul(a, rational(scale)));
  if (places === 0) return `${scaled}`;
  const fraction = `${scaled % scale}`.padStart(places, '0');
  return `${scaled / scale}.${fraction}`;
}

/** Converts an integer result back to a JS number, refusing to lose precision silently. */
export function toSafeNumber(value: bigint): number {
  const asNumber = Number(value);
  if (!Number.isSafeInteger(asNumber)) throw new RangeError(`Integer too large for a number: ${value}`);
  return asNumber;
}
