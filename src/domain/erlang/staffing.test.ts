import { describe, expect, it } from 'vitest';
import { scheduledAgents } from './exact.ts';
import { maxCalls, requiredAgents, staffingMetrics, type IntervalLoad } from './staffing.ts';

const cch: IntervalLoad = { calls: 100, ahtSeconds: 180, intervalSeconds: 1800, answerWithinSeconds: 20 };

function agentsFor(load: IntervalLoad, targets: Parameters<typeof requiredAgents>[1]): number {
  const r = requiredAgents(load, targets);
  if (!r.feasible) throw new Error('infeasible');
  return r.agents;
}

describe('requiredAgents, Erlang C, against published numbers', () => {
  it('CCH / pyworkforce docs: 80/20 → 14 raw, 20 scheduled at 30 % shrinkage', () => {
    const r = requiredAgents(cch, { serviceLevel: 0.8 });
    expect(r).toMatchObject({ feasible: true, agents: 14, binding: ['service_level'] });
    if (r.feasible) {
      expect(r.metrics.serviceLevel).toBeCloseTo(0.8883500191794669, 14);
      expect(r.belowMetrics!.serviceLevel!).toBeLessThan(0.8); // SL at N − 1 (anchors §5 pitfall 9)
    }
    expect(scheduledAgents(14, 0.3)).toBe(20);
  });
  it('CCH: an 85 % occupancy cap does not bind at A = 10; pyworkforce test: a 0.7 cap → 15 raw, 22 scheduled', () => {
    expect(agentsFor(cch, { serviceLevel: 0.8, maxOccupancy: 0.85 })).toBe(14);
    const r = requiredAgents(cch, { serviceLevel: 0.8, maxOccupancy: 0.7 });
    expect(r).toMatchObject({ agents: 15, binding: ['max_occupancy'] });
    expect(scheduledAgents(15, 0.3)).toBe(22);
  });
  it('EH vignette: 200 calls per 30 min at 180 s, 80/60 → 23 agents', () => {
    expect(agentsFor({ ...cch, calls: 200, answerWithinSeconds: 60 }, { serviceLevel: 0.8 })).toBe(23);
  });
  it('meets an ASA target: 8 s → 14 (ASA 7.84 s), 7.8 s → 15', () => {
    expect(agentsFor(cch, { asaSeconds: 8 })).toBe(14);
    expect(agentsFor(cch, { asaSeconds: 7.8 })).toBe(15);
  });
});

describe('requiredAgents: the rules of DESIGN §6', () => {
  it('needs 0 agents for 0 calls', () => {
    expect(requiredAgents({ ...cch, calls: 0 }, { serviceLevel: 0.8 })).toMatchObject({ agents: 0, binding: [] });
    expect(requiredAgents({ ...cch, calls: 0, patienceSeconds: 60 }, { maxAbandon: 0.05 })).toMatchObject({
      agents: 0,
    });
  });
  it('with no target gives the smallest N > A, from floor(A) + 1 (A = 10.5 → 11, not round(11.5) = 12)', () => {
    expect(requiredAgents({ ...cch, calls: 105 }, {})).toMatchObject({ agents: 11, binding: ['stability'] });
    expect(agentsFor({ ...cch, calls: 100 }, {})).toBe(11);
    expect(agentsFor({ ...cch, calls: 0.1 }, {})).toBe(1);
  });
  it('takes N > A on the exact traffic: 0.7 calls × 3 s / 0.7 s = 3 E (floats: 2.9999999999999996) → 4', () => {
    expect(agentsFor({ calls: 0.7, ahtSeconds: 3, intervalSeconds: 0.7, answerWithinSeconds: 20 }, {})).toBe(4);
  });
  it('treats the occupancy cap inclusively and exactly: A = 10.5 at 0.7 → 15', () => {
    expect(agentsFor({ ...cch, calls: 105 }, { maxOccupancy: 0.7 })).toBe(15);
    expect(agentsFor({ ...cch, calls: 105, patienceSeconds: 120 }, { maxOccupancy: 0.7 })).toBe(15);
  });
  it('rejects a 100 % service level, ASA 0 and out-of-range targets with RangeError', () => {
    expect(() => requiredAgents(cch, { serviceLevel: 1 })).toThrow(RangeError);
    expect(() => requiredAgents(cch, { asaSeconds: 0 })).toThrow(RangeError);
    expect(() => requiredAgents(cch, { maxOccupancy: 0 })).toThrow(RangeError);
    expect(() => requiredAgents(cch, { maxAbandon: 0.05 })).toThrow(RangeError); // needs a patience
    expect(() => requiredAgents({ ...cch, patienceSeconds: 60 }, { maxAbandon: 0 })).toThrow(RangeError);
    expect(() => requiredAgents({ ...cch, intervalSeconds: 0 }, {})).toThrow(RangeError);
    expect(() => requiredAgents({ ...cch, calls: -1 }, {})).toThrow(RangeError);
  });
  it('returns an unreachable head count as a value, not an exception', () => {
    expect(requiredAgents(cch, { serviceLevel: 0.8 }, { maxAgents: 12 })).toEqual({
      feasible: false,
      reason: 'max_agents',
      maxAgents: 12,
    });
    expect(requiredAgents({ ...cch, patienceSeconds: 300 }, { serviceLevel: 0.8 }, { maxAgents: 5 })).toMatchObject({
      feasible: false,
    });
  });
});

describe('requiredAgents, Erlang A', () => {
  const patient = { ...cch, patienceSeconds: 300 };
  it('needs 13 agents for 80/20 with 5-minute patience (Erlang C: 14) and meets it exactly at the minimum', () => {
    const r = requiredAgents(patient, { serviceLevel: 0.8 });
    expect(r).toMatchObject({ feasible: true, agents: 13, binding: ['service_level'] });
    if (r.feasible) {
      expect(r.metrics.serviceLevel!).toBeGreaterThanOrEqual(0.8);
      expect(r.belowMetrics!.serviceLevel!).toBeLessThan(0.8);
    }
  });
  it('may staff below the traffic when callers are impatient (anchors §5 pitfall 4)', () => {
    const r = requiredAgents({ ...cch, patienceSeconds: 30 }, { maxAbandon: 0.3 });
    expect(r).toMatchObject({ agents: 8, binding: ['max_abandon'] });
  });
  it('matches a linear scan from N = 1 for mixed targets', () => {
    const load = { ...cch, calls: 333.3, patienceSeconds: 90 };
    const targets = { serviceLevel: 0.7, asaSeconds: 15, maxAbandon: 0.04 };
    let n = 1;
    for (; ; n++) {
      const m = staffingMetrics(load, n);
      if (m.serviceLevel! >= 0.7 && m.asaSeconds! <= 15 && m.pAbandon! <= 0.04) break;
    }
    expect(agentsFor(load, targets)).toBe(n);
  });
  it('is fast at 10,000 and 20,000 Erlangs', () => {
    for (const calls of [100_000, 200_000]) {
      const start = performance.now();
      const c = requiredAgents({ ...cch, calls }, { serviceLevel: 0.8 });
      const a = requiredAgents({ ...cch, calls, patienceSeconds: 300 }, { serviceLevel: 0.8 });
      expect(performance.now() - start).toBeLessThan(500);
      expect(c.feasible && a.feasible && a.agents < c.agents).toBe(true);
      if (c.feasible) expect(c.agents).toBeGreaterThan(calls / 10);
    }
  });
});

describe('maxCalls: how many calls N agents take at the target', () => {
  it('is the largest load that still meets the target (14 agents, 80/20)', () => {
    const { calls, trafficErlangs } = maxCalls(14, cch, { serviceLevel: 0.8 });
    expect(trafficErlangs).toBeCloseTo(calls / 10, 12);
    expect(staffingMetrics({ ...cch, calls: calls * (1 - 1e-9) }, 14).serviceLevel!).toBeGreaterThanOrEqual(0.8);
    expect(staffingMetrics({ ...cch, calls: calls * (1 + 1e-6) }, 14).serviceLevel!).toBeLessThan(0.8);
    expect(agentsFor({ ...cch, calls: Math.floor(calls) }, { serviceLevel: 0.8 })).toBe(14);
  });
  it('is exact under a binding occupancy cap and bounded by stability for Erlang C', () => {
    expect(maxCalls(15, cch, { maxOccupancy: 0.7 })).toEqual({ calls: 105, trafficErlangs: 10.5 });
    expect(maxCalls(14, cch, {}).calls).toBeCloseTo(140, 9);
    expect(maxCalls(0, cch, { serviceLevel: 0.8 }).calls).toBe(0);
  });
  it('lets more calls through with abandonment, and is unbounded without a target', () => {
    const patient = { ...cch, patienceSeconds: 300 };
    expect(maxCalls(14, patient, { serviceLevel: 0.8 }).calls).toBeGreaterThan(
      maxCalls(14, cch, { serviceLevel: 0.8 }).calls,
    );
    expect(maxCalls(14, patient, {}).calls).toBe(Infinity);
  });
});
