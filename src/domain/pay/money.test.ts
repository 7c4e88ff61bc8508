import { describe, expect, it } from 'vitest';
import { formatTenge, formatTengeDiff } from './money.ts';

describe('formatTenge', () => {
  it.each([
    [0, '0.00'],
    [5, '0.05'],
    [100, '1.00'],
    [25_000_000, '250 000.00'],
    [123_456_789_01, '123 456 789.01'],
    [-5_000, '-50.00'],
  ])('%d tiyn → %s', (tiyn, text) => expect(formatTenge(tiyn)).toBe(text));

  it('signs differences and refuses fractions of a tiyn', () => {
    expect(formatTengeDiff(5_000)).toBe('+50.00');
    expect(formatTengeDiff(-1)).toBe('-0.01');
    expect(formatTengeDiff(0)).toBe('0.00');
    expect(() => formatTenge(0.5)).toThrow(RangeError);
  });
});
