import { describe, expect, it } from 'vitest';
import { erlangB, erlangBRequiredLines } from './erlang-b.ts';

/** Independent oracle: B = (A^N/N!) / Σ_{k≤N} A^k/k!, with the sums in log space. */
function erlangBLogSpace(n: number, a: number): number {
  const logs: number[] = [0];
  for (let k = 1; k <= n; k++) logs.push(logs[k - 1] + Math.log(a / k));
  const max = Math.max(...logs);
  const sum = logs.reduce((s, l) => s + Math.exp(l - max), 0);
  return Math.exp(logs[n] - max) / sum;
}

describe('erlangB', () => {
  it('matches the Mathematica docs: ErlangB(30 lines, 25 E) ≈ 0.05', () => {
    expect(erlangB(30, 25)).toBeCloseTo(0.0526, 4);
  });
  it('needs 17 lines for A = 10 at 2 % blocking (pyworkforce ErlangB docstring)', () => {
    expect(erlangBRequiredLines(10, 0.02)).toBe(17);
    expect(erlangB(16, 10)).toBeGreaterThan(0.02);
  });
  it('has the edge values B(0, A) = 1, B(N, 0) = 0, B(1, A) = A/(1 + A)', () => {
    expect(erlangB(0, 5)).toBe(1);
    expect(erlangB(3, 0)).toBe(0);
    expect(erlangB(1, 3)).toBeCloseTo(0.75, 15);
  });
  it('is stable at 20,000 lines and agrees with a log-space oracle', () => {
    for (const [n, a] of [
      [20_000, 19_000],
      [20_000, 20_500],
      [10_000, 10_000.5],
      [500, 3.25],
    ]) {
      const b = erlangB(n, a);
      expect(Number.isFinite(b)).toBe(true);
      expect(b).toBeCloseTo(erlangBLogSpace(n, a), 12);
    }
  });
  it('rejects negative or fractional lines and negative traffic', () => {
    expect(() => erlangB(-1, 1)).toThrow(RangeError);
    expect(() => erlangB(1.5, 1)).toThrow(RangeError);
    expect(() => erlangB(1, -1)).toThrow(RangeError);
    expect(() => erlangBRequiredLines(10, 0)).toThrow(RangeError);
  });
});
