/** Tests of the exact rational arithmetic the pricing module computes money with. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  compare,
  div,
  floor,
  fractionalPart,
  mul,
  rational,
  roundHalfUp,
  sub,
  toDecimalString,
  toFractionString,
  toSafeNumber,
} from './rational';

describe('rational', () => {
  it('normalises sign and common factors, so equal values are equal objects', () => {
    expect(rational(10, -4)).toEqual({ num: -5n, den: 2n });
    expect(rational(0, 7)).toEqual({ num: 0n, den: 1n });
    expect(add(rational(1, 6), rational(1, 3))).toEqual(rational(1, 2));
    expect(mul(rational(1000), rational(60000, 135000))).toEqual(rational(4000, 9));
  });

  it('refuses zero denominators, division by zero and non-integer numbers', () => {
    expect(() => rational(1, 0)).toThrow(RangeError);
    expect(() => div(rational(1), rational(0))).toThrow(RangeError);
    expect(() => rational(0.5)).toThrow(RangeError);
    expect(() => rational(2 ** 60)).toThrow(RangeError);
  });

  it.each([
    [rational(7, 2), 3n, 4n],
    [rational(5, 2), 2n, 3n], // half rounds up
    [rational(249, 100), 2n, 2n],
    [rational(0), 0n, 0n],
    [rational(400000, 9), 44444n, 44444n],
  ])('floor and roundHalfUp of %o', (value, floored, rounded) => {
    expect(floor(value)).toBe(floored);
    expect(roundHalfUp(value)).toBe(rounded);
  });

  it('floors negative values toward −∞ and refuses to round them', () => {
    expect(floor(rational(-7, 2))).toBe(-4n);
    expect(floor(rational(-4))).toBe(-4n);
    expect(() => roundHalfUp(rational(-1, 2))).toThrow(RangeError);
  });

  it('formats exactly and as rounded decimals', () => {
    expect(toFractionString(rational(20, 27))).toBe('20/27');
    expect(toFractionString(rational(6, 3))).toBe('2');
    expect(toDecimalString(rational(20, 27))).toBe('0.7407');
    expect(toDecimalString(rational(140000, 9))).toBe('15555.5556');
    expect(toDecimalString(rational(1, 20000))).toBe('0.0001'); // 0.00005 rounds half up
    expect(toDecimalString(rational(5, 2), 0)).toBe('3');
  });

  it('converts back to numbers only without loss', () => {
    expect(toSafeNumber(44445n)).toBe(44445);
    expect(() => toSafeNumber(2n ** 60n)).toThrow(RangeError);
  });

  const arbRational = fc
    .tuple(fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }), fc.bigInt({ min: 1n, max: 10n ** 6n }))
    .map(([num, den]) => rational(num, den));
  const arbNonNegative = arbRational.map((value) => (value.num < 0n ? rational(-value.num, value.den) : value));

  it('add, sub, mul, div and compare behave as a field (property)', () => {
    fc.assert(
      fc.property(arbRational, arbRational, (a, b) => {
        expect(sub(add(a, b), b)).toEqual(a);
        if (b.num !== 0n) expect(mul(div(a, b), b)).toEqual(a);
        expect(compare(a, b) + compare(b, a)).toBe(0); // antisymmetric (and no -0 to trip toBe)
        expect(compare(a, b) === 0).toBe(a.num === b.num && a.den === b.den);
      }),
    );
  });

  it('floor ≤ value < floor + 1, and roundHalfUp is within (−½, ½] of the value (property)', () => {
    fc.assert(
      fc.property(arbNonNegative, (value) => {
        const fraction = fractionalPart(value);
        expect(compare(fraction, rational(0)) >= 0 && compare(fraction, rational(1)) < 0).toBe(true);
        const error = sub(rational(roundHalfUp(value)), value);
        expect(compare(error, rational(-1, 2)) > 0 && compare(error, rational(1, 2)) <= 0).toBe(true);
      }),
    );
  });
});
