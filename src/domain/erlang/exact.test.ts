import { describe, expect, it } from 'vitest';
import {
  agentsForOccupancy,
  ceilRational,
  floorRational,
  minStableAgents,
  scheduledAgents,
  toRational,
  trafficRational,
} from './exact.ts';

describe('toRational', () => {
  it('reads numbers as their shortest decimal and strings as written', () => {
    expect(toRational(0.3)).toEqual({ n: 3n, d: 10n });
    expect(toRational('1.5e-3')).toEqual({ n: 3n, d: 2000n });
    expect(toRational(1e21)).toEqual({ n: 10n ** 21n, d: 1n });
    expect(toRational('-2.50')).toEqual({ n: -5n, d: 2n });
  });
  it('throws RangeError for what is not a finite decimal', () => {
    for (const bad of [NaN, Infinity, 'abc', '', '.', '1e']) expect(() => toRational(bad)).toThrow(RangeError);
  });
  it('floors and ceils negative and positive rationals', () => {
    expect(floorRational({ n: -7n, d: 2n })).toBe(-4n);
    expect(ceilRational({ n: -7n, d: 2n })).toBe(-3n);
    expect(ceilRational({ n: 7n, d: 2n })).toBe(4n);
    expect(ceilRational({ n: 6n, d: 2n })).toBe(3n);
  });
});

describe('scheduledAgents = ceil(N / (1 − shrinkage)), exact (DESIGN §6; anchors §5 pitfall 2)', () => {
  it('gives 20 for 14 agents at 30 % (CCH, pyworkforce docs)', () => {
    expect(scheduledAgents(14, 0.3)).toBe(20);
  });
  it('gives 30 for 21 agents at 30 %, where binary floats give 31, and 25 for 17 lines (pyworkforce ErlangB docstring)', () => {
    expect(Math.ceil(21 / (1 - 0.3))).toBe(31); // the float artefact this guards against
    expect(scheduledAgents(21, 0.3)).toBe(30);
    expect(scheduledAgents(17, 0.3)).toBe(25);
  });
  it('is N with no shrinkage, 0 for 0 agents, and accepts decimal strings', () => {
    expect(scheduledAgents(14)).toBe(14);
    expect(scheduledAgents(0, 0.3)).toBe(0);
    expect(scheduledAgents(9, '0.1')).toBe(10);
    expect(scheduledAgents(10, 0.35)).toBe(16); // 15.38…
  });
  it('rejects shrinkage outside [0, 1) and non-integer agents with RangeError', () => {
    expect(() => scheduledAgents(14, 1)).toThrow(RangeError);
    expect(() => scheduledAgents(14, -0.1)).toThrow(RangeError);
    expect(() => scheduledAgents(14.5, 0.3)).toThrow(RangeError);
  });
});

describe('head-count thresholds on exact traffic', () => {
  it('caps occupancy inclusively: A = 10.5 at 0.7 needs exactly 15 (floats: 15.000000000000002)', () => {
    expect(10.5 / 0.7).toBeGreaterThan(15);
    expect(agentsForOccupancy(toRational(10.5), 0.7)).toBe(15);
    expect(agentsForOccupancy(toRational(10), 0.85)).toBe(12); // 11.76…
    expect(() => agentsForOccupancy(toRational(10), 0)).toThrow(RangeError);
    expect(() => agentsForOccupancy(toRational(10), 1.01)).toThrow(RangeError);
  });
  it('starts Erlang C at floor(A) + 1, not round(A + 1) (anchors §5 pitfall 3)', () => {
    expect(minStableAgents(toRational(10))).toBe(11);
    expect(minStableAgents(toRational(10.5))).toBe(11);
    expect(minStableAgents(toRational(0))).toBe(1);
  });
  it('computes A = calls × AHT / interval exactly where floats fall just short of an integer', () => {
    expect((0.7 * 3) / 0.7).toBe(2.9999999999999996);
    expect(trafficRational(0.7, 3, 0.7)).toEqual({ n: 3n, d: 1n });
    expect(trafficRational(100, 180, 1800)).toEqual({ n: 10n, d: 1n });
  });
});
