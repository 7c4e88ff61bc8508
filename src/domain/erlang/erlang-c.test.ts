import { describe, expect, it } from 'vitest';
import { erlangC, erlangCMetrics } from './erlang-c.ts';

/** Independent oracle: C = (A^N/N! · N/(N−A)) / (Σ_{k<N} A^k/k! + A^N/N! · N/(N−A)), in log space. */
function erlangCLogSpace(n: number, a: number): number {
  const logs: number[] = [0];
  for (let k = 1; k <= n; k++) logs.push(logs[k - 1] + Math.log(a / k));
  logs[n] += Math.log(n / (n - a));
  const max = Math.max(...logs);
  const sum = logs.reduce((s, l) => s + Math.exp(l - max), 0);
  return Math.exp(logs[n] - max) / sum;
}

const cch = { trafficErlangs: 10, ahtSeconds: 180, answerWithinSeconds: 20 };

describe('Erlang C against published numbers', () => {
  it('CCH / pyworkforce docs: 100 calls per 30 min, AHT 180 s (A = 10), N = 14', () => {
    const m = erlangCMetrics({ ...cch, agents: 14 });
    // pyworkforce 0.5.4 docs: P(wait) 0.1741319335950498, SL 0.8883500191794669, occupancy 0.7142857142857143
    expect(m.pWait).toBeCloseTo(0.1741319335950498, 14);
    expect(m.serviceLevel).toBeCloseTo(0.8883500191794669, 14);
    expect(m.occupancy).toBeCloseTo(0.7142857142857143, 15);
    // Call Centre Helper: ASA 7.8 s, 82.6 % answered immediately
    expect(m.asaSeconds).toBeCloseTo(7.8, 1);
    expect(1 - m.pWait!).toBeCloseTo(0.826, 3);
    expect(m.pAbandon).toBeNull();
  });
  it('pyworkforce tests: threshold 0.33 min → SL 0.888; 15 agents → SL 0.941, P(wait) 0.102', () => {
    expect(erlangCMetrics({ ...cch, agents: 14, answerWithinSeconds: 19.8 }).serviceLevel).toBeCloseTo(0.888, 3);
    const m15 = erlangCMetrics({ ...cch, agents: 15 });
    expect(m15.serviceLevel).toBeCloseTo(0.941, 3);
    expect(m15.pWait).toBeCloseTo(0.102, 3);
  });
  it('textbook M/M/10, 120 calls/h, 3-min service (A = 6): P(wait) ≈ 0.10', () => {
    expect(erlangC(10, 6)).toBeCloseTo(0.1013, 4);
  });
  it('EH vignette: 200 calls per 30 min at 180 s (A = 20), 23 agents → occupancy 87 %', () => {
    const m = erlangCMetrics({ trafficErlangs: 20, ahtSeconds: 180, answerWithinSeconds: 60, agents: 23 });
    expect(m.occupancy).toBeCloseTo(0.87, 2);
    expect(m.serviceLevel).toBeGreaterThanOrEqual(0.8);
    expect(
      erlangCMetrics({ trafficErlangs: 20, ahtSeconds: 180, answerWithinSeconds: 60, agents: 22 }).serviceLevel,
    ).toBeLessThan(0.8);
  });
});

describe('Erlang C limits, monotonicity and stability', () => {
  it('is unstable for N ≤ A: every caller waits, SL 0, ASA infinite (no negative waits, EH issue #7)', () => {
    for (const n of [0, 5, 10]) {
      const m = erlangCMetrics({ ...cch, agents: n });
      expect(m).toMatchObject({ stable: false, pWait: 1, serviceLevel: 0, asaSeconds: Infinity });
    }
  });
  it('rises in SL and falls in P(wait) and ASA as agents are added, to SL → 1 as N → ∞', () => {
    let prev = erlangCMetrics({ ...cch, agents: 11 });
    for (let n = 12; n <= 30; n++) {
      const m = erlangCMetrics({ ...cch, agents: n });
      expect(m.serviceLevel!).toBeGreaterThan(prev.serviceLevel!);
      expect(m.pWait!).toBeLessThan(prev.pWait!);
      expect(m.asaSeconds!).toBeLessThan(prev.asaSeconds!);
      prev = m;
    }
    expect(erlangCMetrics({ ...cch, agents: 60 }).serviceLevel).toBeCloseTo(1, 12);
  });
  it('P(wait) → 0 and SL → 1 as load → 0', () => {
    expect(erlangC(1, 1e-9)).toBeCloseTo(1e-9, 15);
    expect(erlangCMetrics({ ...cch, trafficErlangs: 1e-9, agents: 1 }).serviceLevel).toBeCloseTo(1, 8);
  });
  it('reports null rates with no traffic (DESIGN §5: a rate over an empty set is null)', () => {
    expect(erlangCMetrics({ ...cch, trafficErlangs: 0, agents: 0 })).toMatchObject({
      pWait: null,
      serviceLevel: null,
      occupancy: null,
    });
    expect(erlangCMetrics({ ...cch, trafficErlangs: 0, agents: 3 }).occupancy).toBe(0);
  });
  it('agrees with a log-space oracle at 10,000+ Erlangs', () => {
    for (const [n, a] of [
      [10_100, 10_000],
      [15_050, 15_000.5],
      [20_000, 19_900],
    ]) {
      const c = erlangC(n, a);
      expect(c).toBeGreaterThan(0);
      expect(c).toBeCloseTo(erlangCLogSpace(n, a), 11);
    }
  });
  it('approaches the Halfin–Whitt limit at A = 10,000, N = A + √A', () => {
    // Halfin & Whitt (1981): P(wait) → 1 / (1 + β·Φ(β)/φ(β)); β = 1: Φ = 0.8413447, φ = 0.2419707
    expect(erlangC(10_100, 10_000)).toBeCloseTo(1 / (1 + 0.8413447460685429 / 0.24197072451914337), 2);
  });
});
