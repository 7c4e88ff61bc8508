/**
 * Simulation check of a planned day (issue 5 part 5): the discrete-event simulation of
 * src/domain/simulation runs the plan (forecast arrivals, AHT, the operators on the phone and the
 * callers' patience) and its service level, ASA and abandonment, with 95 % confidence
 * intervals, are set beside the Erlang figures — per day and for the intervals where they differ.
 * Erlang assumes each interval is in steady state; at the edges of staffing steps and under
 * abandonment it is not, and these intervals show where.
 */
import type { Estimate } from '../simulation/estimate.ts';
import { simulateDay } from '../simulation/simulate-day.ts';
import type { PlanInterval } from './plan.ts';

export interface ErlangFigures {
  serviceLevel: number | null;
  asaSeconds: number | null;
  pAbandon: number | null;
}

export interface SimulatedFigures {
  serviceLevel: Estimate;
  asaSeconds: Estimate;
  abandonRate: Estimate;
}

export interface DifferingInterval {
  intervalStart: string;
  calls: number;
  agents: number;
  erlang: ErlangFigures;
  simulated: SimulatedFigures;
  /** What differs: the Erlang figure lies outside the simulation's interval by more than the tolerance. */
  differs: Array<'service_level' | 'abandonment'>;
}

export interface SimulationCheck {
  skill: string;
  date: string;
  replications: number;
  patienceSeconds: number | null;
  erlang: ErlangFigures;
  simulated: SimulatedFigures;
  differing: DifferingInterval[];
}

export interface SimulationCheckOptions {
  intervalMinutes: number;
  answerWithinSeconds: number;
  /** Mean patience of the callers simulated (null: they never hang up). */
  patienceSeconds: number | null;
  replications: number;
  seed: number;
  /** Smallest gap that counts as a difference (defaults 0.02 of SL, 0.01 of abandonment). */
  slTolerance?: number;
  abandonTolerance?: number;
}

/** Call-weighted Erlang figures of a set of intervals (ASA weighted by answered calls). */
export function erlangDayFigures(plan: PlanInterval[]): ErlangFigures {
  let calls = 0;
  let sl = 0;
  let abandon = 0;
  let answered = 0;
  let wait = 0;
  for (const p of plan) {
    if (p.calls <= 0 || p.serviceLevel === null) continue;
    calls += p.calls;
    sl += p.calls * p.serviceLevel;
    abandon += p.calls * (p.pAbandon ?? 0);
    const a = p.calls * (1 - (p.pAbandon ?? 0));
    if (p.asaSeconds !== null && Number.isFinite(p.asaSeconds)) {
      answered += a;
      wait += a * p.asaSeconds;
    }
  }
  const isA = plan.some((p) => p.model === 'erlang-a');
  return {
    serviceLevel: calls > 0 ? sl / calls : null,
    asaSeconds: answered > 0 ? wait / answered : null,
    pAbandon: calls > 0 && isA ? abandon / calls : calls > 0 ? 0 : null,
  };
}

const outside = (e: Estimate, value: number | null, tolerance: number) =>
  value !== null && e.mean !== null && Math.abs(e.mean - value) > Math.max(tolerance, e.halfWidth ?? 0);

/**
 * Simulates one skill's planned day. `plan` holds that day's intervals in slot order.
 * @throws RangeError for an empty plan or invalid options.
 */
export function simulationCheck(plan: PlanInterval[], options: SimulationCheckOptions): SimulationCheck {
  if (plan.length === 0) throw new RangeError('nothing to simulate: the plan has no interval');
  const fallbackAht = plan.find((p) => p.ahtSeconds > 0)?.ahtSeconds ?? 1;
  const result = simulateDay({
    intervalSeconds: options.intervalMinutes * 60,
    intervals: plan.map((p) => ({
      calls: p.calls,
      ahtSeconds: p.ahtSeconds > 0 ? p.ahtSeconds : fallbackAht,
      agents: p.agents ?? 0,
    })),
    answerWithinSeconds: options.answerWithinSeconds,
    patienceSeconds: options.patienceSeconds ?? undefined,
    replications: options.replications,
    seed: options.seed,
  });
  const slTol = options.slTolerance ?? 0.02;
  const abTol = options.abandonTolerance ?? 0.01;
  const differing: DifferingInterval[] = [];
  plan.forEach((p, i) => {
    const sim = result.intervals[i];
    if (p.calls <= 0) return;
    const erlang = { serviceLevel: p.serviceLevel, asaSeconds: p.asaSeconds, pAbandon: p.pAbandon ?? 0 };
    const differs: DifferingInterval['differs'] = [];
    if (outside(sim.serviceLevel, erlang.serviceLevel, slTol)) differs.push('service_level');
    if (outside(sim.abandonRate, erlang.pAbandon, abTol)) differs.push('abandonment');
    if (differs.length === 0) return;
    const simulated = { serviceLevel: sim.serviceLevel, asaSeconds: sim.asaSeconds, abandonRate: sim.abandonRate };
    differing.push({
      intervalStart: p.intervalStart,
      calls: p.calls,
      agents: p.agents ?? 0,
      erlang,
      simulated,
      differs,
    });
  });
  return {
    skill: plan[0].skill,
    date: plan[0].date,
    replications: result.replications,
    patienceSeconds: options.patienceSeconds,
    erlang: erlangDayFigures(plan),
    simulated: { serviceLevel: result.serviceLevel, asaSeconds: result.asaSeconds, abandonRate: result.abandonRate },
    differing,
  };
}
