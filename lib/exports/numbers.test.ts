import { describe, expect, it } from 'vitest';
import { eurosNumber, eurosText, hoursNumber, hoursText } from './numbers';

describe('eurosText: cents as French spreadsheets read a number', () => {
  it.each([
    [44445, '444,45'],
    [0, '0,00'],
    [5, '0,05'],
    [-1, '-0,01'],
    [-15556, '-155,56'],
    [123456789, '1234567,89'],
    [2_147_483_647, '21474836,47'],
  ])('%i → %s', (cents, text) => expect(eurosText(cents)).toBe(text));

  it('refuses what is not whole cents', () => {
    expect(() => eurosText(1.5)).toThrow(RangeError);
    expect(() => eurosText(Number.NaN)).toThrow(RangeError);
  });
});

describe('hoursText: minutes as decimal hours, to the hundredth, half up', () => {
  it.each([
    [0, '0,00'],
    [1, '0,02'], // 1.666… hundredths
    [20, '0,33'],
    [30, '0,50'],
    [40, '0,67'],
    [90, '1,50'],
    [1200, '20,00'],
    [61, '1,02'], // 101.666…
    [3, '0,05'], // exactly 5 hundredths
    [9, '0,15'], // exactly 15
  ])('%i min → %s h', (minutes, text) => expect(hoursText(minutes)).toBe(text));

  it('refuses negative or fractional minutes', () => {
    expect(() => hoursText(-1)).toThrow(RangeError);
    expect(() => hoursText(1.5)).toThrow(RangeError);
  });
});

describe('spreadsheet numbers', () => {
  it('euros are the nearest double to the exact decimal', () => {
    expect(eurosNumber(44445)).toBe(444.45);
    expect(eurosNumber(-1)).toBe(-0.01);
    expect(eurosNumber(10)).toBe(0.1);
    expect(Math.round(eurosNumber(123456789) * 100)).toBe(123456789);
  });

  it('hours are minutes / 60', () => {
    expect(hoursNumber(90)).toBe(1.5);
    expect(hoursNumber(0)).toBe(0);
  });
});
