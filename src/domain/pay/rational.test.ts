import { describe, expect, it } from 'vitest';
import { ceil, cmp, div, floor, fromDecimal, mul, rat, roundHalfUp, toFixed, toNumber } from './rational.ts';

describe('rational', () => {
  it('reads numbers as the decimals they print as', () => {
    expect(fromDecimal(4.75)).toEqual(rat(19, 4));
    expect(fromDecimal(0.1)).toEqual(rat(1, 10));
    expect(fromDecimal(37.5)).toEqual(rat(75, 2));
    expect(fromDecimal(-2)).toEqual(rat(-2));
    expect(fromDecimal(1e-7)).toEqual(rat(1, 10_000_000));
    expect(fromDecimal(1.5e21)).toEqual(rat(1_500_000_000_000_000_000_000n));
    expect(() => fromDecimal(NaN)).toThrow(RangeError);
    expect(() => rat(1, 0)).toThrow(RangeError);
  });

  it('has no floating-point artefacts: 0.1 × 3 = 0.3 exactly', () => {
    expect(cmp(mul(fromDecimal(0.1), rat(3)), fromDecimal(0.3))).toBe(0);
    // 60 × 0.7 × 10 = 420 exactly, where 60 * 0.7 * 10 in doubles is 420.00000000000006.
    expect(ceil(mul(mul(rat(60), fromDecimal(0.7)), rat(10)))).toBe(420n);
  });

  it('floors, ceils and rounds half up', () => {
    expect(floor(rat(-7, 2))).toBe(-4n);
    expect(ceil(rat(7, 2))).toBe(4n);
    expect(ceil(rat(8, 2))).toBe(4n);
    expect(roundHalfUp(rat(5, 2))).toBe(3n);
    expect(roundHalfUp(rat(-5, 2))).toBe(-2n);
    expect(roundHalfUp(rat(249_999, 100_000))).toBe(2n);
  });

  it('converts to numbers and fixed decimals', () => {
    expect(toNumber(div(rat(1), rat(3)))).toBe(1 / 3);
    expect(toNumber(rat(10n ** 30n, 3n))).toBeCloseTo(3.333333333333333e29, -15);
    expect(toFixed(rat(2, 3), 2)).toBe('0.67');
    expect(toFixed(rat(-1, 8), 2)).toBe('-0.12'); // −0.125 rounds up to −0.12
    expect(toFixed(rat(5), 0)).toBe('5');
  });
});
