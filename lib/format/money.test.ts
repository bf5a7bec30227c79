import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { centsToDecimalString, centsToInput, formatCents, MAX_CENTS, parseEurosToCents } from './money';

// Intl writes French amounts with a narrow no-break space between thousands and a no-break space
// before the euro sign; the tests spell them out so a regression in either shows.
const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatCents', () => {
  it.each([
    [0, `0,00${NBSP}€`],
    [5, `0,05${NBSP}€`],
    [3000, `30,00${NBSP}€`],
    [44445, `444,45${NBSP}€`],
    [123456, `1${NNBSP}234,56${NBSP}€`],
    [100_000_000, `1${NNBSP}000${NNBSP}000,00${NBSP}€`],
    [-15556, `-155,56${NBSP}€`],
  ])('%i cents → %s (fr)', (cents, expected) => {
    expect(formatCents(cents)).toBe(expected);
  });

  it.each([
    [0, '€0.00'],
    [123456, '€1,234.56'],
    [44445, '€444.45'],
  ])('%i cents → %s (en)', (cents, expected) => {
    expect(formatCents(cents, 'en')).toBe(expected);
  });

  it('never goes through a float: amounts beyond 2^53 / 100 keep every cent', () => {
    expect(formatCents(BigInt('900719925474099199'))).toBe(
      `9${NNBSP}007${NNBSP}199${NNBSP}254${NNBSP}740${NNBSP}991,99${NBSP}€`,
    );
  });

  it('refuses a fractional number of cents', () => {
    expect(() => formatCents(1.5)).toThrow(RangeError);
  });

  it('writes cents as an exact decimal string', () => {
    expect(centsToDecimalString(7)).toBe('0.07');
    expect(centsToDecimalString(-7)).toBe('-0.07');
    expect(centsToDecimalString(123456)).toBe('1234.56');
  });
});

describe('parseEurosToCents', () => {
  it.each([
    ['30', 3000],
    ['30,50', 3050],
    ['30,5', 3050],
    ['30.5', 3050],
    ['0,07', 7],
    [' 1 234,56 € ', 123456],
    [`1${NNBSP}234,56${NBSP}€`, 123456],
    ['1234.56', 123456],
    ['30,500', 3050],
    ['0', 0],
    ['-0', 0],
    ['21474836,47', MAX_CENTS],
  ])('%j → %i cents', (input, cents) => {
    expect(parseEurosToCents(input)).toEqual({ ok: true, cents });
  });

  it.each([
    ['', 'EMPTY'],
    ['   ', 'EMPTY'],
    ['abc', 'INVALID'],
    ['30,', 'INVALID'],
    [',5', 'INVALID'],
    ['1,2,3', 'INVALID'],
    ['3e2', 'INVALID'],
    ['-3', 'NEGATIVE'],
    ['−3,50', 'NEGATIVE'],
    ['30,555', 'TOO_PRECISE'],
    ['21474836,48', 'TOO_LARGE'],
    ['99999999999999999999', 'TOO_LARGE'],
  ])('%j is refused as %s', (input, code) => {
    expect(parseEurosToCents(input)).toEqual({ ok: false, code });
  });

  it('reads back what it writes, in both languages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: MAX_CENTS }),
        fc.constantFrom('fr' as const, 'en' as const),
        (cents, locale) => {
          expect(parseEurosToCents(centsToInput(cents, locale))).toEqual({ ok: true, cents });
          expect(parseEurosToCents(formatCents(cents, locale).replace(/,/g, locale === 'en' ? '' : ','))).toEqual({
            ok: true,
            cents,
          });
        },
      ),
    );
  });
});
