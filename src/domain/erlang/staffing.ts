/**
 * Staffing questions of DESIGN §6 on top of Erlang C and Erlang A: the metrics N agents give,
 * the fewest agents meeting every given target, and the inverse (how many calls N agents take).
 *
 * Model choice: a finite `patienceSeconds` selects Erlang A; none (or Infinity) selects Erlang C.
 * Head-count thresholds (N > A, A / N ≤ cap) are decided on exact rationals (exact.ts); the
 * probabilities are doubles.
 */
import { erlangAMetrics } from './erlang-a.ts';
import { erlangB, erlangBStep } from './erlang-b.ts';
import { erlangCMetrics } from './erlang-c.ts';
import {
  agentsForOccupancy,
  minStableAgents,
  rationalToNumber,
  toRational,
  trafficRational,
  type DecimalInput,
  type Rational,
} from './exact.ts';
import { checkAgents, checkNonNegative, type QueueMetrics } from './metrics.ts';

/** One interval's demand and the conventions to measure it by. */
export interface IntervalLoad {
  /** Arrivals in the interval (a decimal: 0.1 calls is valid). */
  calls: DecimalInput;
  ahtSeconds: DecimalInput;
  intervalSeconds: DecimalInput;
  /** t of the service level (reported, and the target's when `serviceLevel` is given). */
  answerWithinSeconds: number;
  /** Mean patience; finite selects Erlang A, undefined or Infinity Erlang C. */
  patienceSeconds?: number;
}

/** Targets; each one given must hold. Rates are fractions 0–1. */
export interface StaffingTargets {
  /** Share answered within `answerWithinSeconds`, in [0, 1). */
  serviceLevel?: number;
  /** Maximum ASA (mean wait of answered calls), > 0. */
  asaSeconds?: number;
  /** Inclusive cap on offered occupancy A / N, in (0, 1]. */
  maxOccupancy?: DecimalInput;
  /** Maximum P(abandon), in (0, 1]; Erlang A only. */
  maxAbandon?: number;
}

export type Constraint = 'stability' | 'service_level' | 'asa' | 'max_occupancy' | 'max_abandon';

export type Requirement =
  | {
      feasible: true;
      agents: number;
      metrics: QueueMetrics;
      /** The targets N − 1 agents would miss: what sets the head count (anchors §5, pitfall 9). */
      binding: Constraint[];
      /** The metrics of N − 1 agents (null when N = 0), to show the margin. */
      belowMetrics: QueueMetrics | null;
    }
  | { feasible: false; reason: 'max_agents'; maxAgents: number };

interface Prepared {
  traffic: Rational;
  a: number;
  erlangA: boolean;
}

function prepare(load: IntervalLoad): Prepared {
  const calls = toRational(load.calls);
  const aht = toRational(load.ahtSeconds);
  const interval = toRational(load.intervalSeconds);
  if (calls.n < 0n) throw new RangeError(`calls must be ≥ 0, got ${load.calls}`);
  if (aht.n < 0n) throw new RangeError(`AHT seconds must be ≥ 0, got ${load.ahtSeconds}`);
  if (interval.n <= 0n) throw new RangeError(`interval seconds must be > 0, got ${load.intervalSeconds}`);
  checkNonNegative('answer-within seconds', load.answerWithinSeconds);
  const p = load.patienceSeconds;
  if (p !== undefined && !(p >= 0)) throw new RangeError(`patience seconds must be ≥ 0, got ${p}`);
  const traffic = trafficRational(load.calls, load.ahtSeconds, load.intervalSeconds);
  return { traffic, a: rationalToNumber(traffic), erlangA: p !== undefined && p !== Infinity };
}

function metricsAt(load: IntervalLoad, p: Prepared, agents: number, knownB?: number): QueueMetrics {
  const common = {
    agents,
    trafficErlangs: p.a,
    ahtSeconds: Number(load.ahtSeconds),
    answerWithinSeconds: load.answerWithinSeconds,
  };
  return p.erlangA
    ? erlangAMetrics({ ...common, patienceSeconds: load.patienceSeconds! })
    : erlangCMetrics(common, knownB);
}

/**
 * The metrics N agents give for this load (the "what service level does N give" question).
 * @example staffingMetrics({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, answerWithinSeconds: 20 }, 14)
 *   // Erlang C: pWait 0.1741…, serviceLevel 0.8883500191794669
 */
export function staffingMetrics(load: IntervalLoad, agents: number): QueueMetrics {
  checkAgents(agents);
  return metricsAt(load, prepare(load), agents);
}

function checkTargets(targets: StaffingTargets, erlangA: boolean): void {
  const { serviceLevel: sl, asaSeconds: asa, maxAbandon } = targets;
  if (sl !== undefined && !(sl >= 0 && sl < 1)) {
    throw new RangeError(`service-level target must be in [0, 1) (100 % has no finite answer), got ${sl}`);
  }
  if (asa !== undefined && !(asa > 0 && asa < Infinity))
    throw new RangeError(`ASA target must be > 0 seconds, got ${asa}`);
  if (maxAbandon !== undefined) {
    if (!erlangA) throw new RangeError('an abandonment target needs a patience (Erlang A)');
    if (!(maxAbandon > 0 && maxAbandon <= 1)) throw new RangeError(`max abandon must be in (0, 1], got ${maxAbandon}`);
  }
  if (targets.maxOccupancy !== undefined) agentsForOccupancy({ n: 1n, d: 1n }, targets.maxOccupancy); // validates
}

/** The given targets that `m` misses; `occupancyAgents` is the exact ceil(A / cap). */
function violations(m: QueueMetrics, targets: StaffingTargets, occupancyAgents: number): Constraint[] {
  const out: Constraint[] = [];
  if (!m.stable) out.push('stability');
  if (targets.serviceLevel !== undefined && !((m.serviceLevel ?? 0) >= targets.serviceLevel)) out.push('service_level');
  if (targets.asaSeconds !== undefined && !((m.asaSeconds ?? Infinity) <= targets.asaSeconds)) out.push('asa');
  if (m.agents < occupancyAgents) out.push('max_occupancy');
  if (targets.maxAbandon !== undefined && !((m.pAbandon ?? 1) <= targets.maxAbandon)) out.push('max_abandon');
  return out;
}

/**
 * The smallest N meeting every given target (DESIGN §6). Erlang C: N > A, searched upward from
 * floor(A) + 1 stepping the Erlang B recursion (O(1) per step). Erlang A: any N ≥ 1, possibly
 * below A; its metrics are monotone in N, so the search brackets by doubling and bisects.
 * 0 traffic needs 0 agents.
 * @example requiredAgents({ calls: 100, ahtSeconds: 180, intervalSeconds: 1800, answerWithinSeconds: 20 },
 *   { serviceLevel: 0.8 }) // { feasible: true, agents: 14, binding: ['service_level'], … }
 * @throws RangeError for inputs or targets outside their domain (e.g. a 100 % service level).
 */
export function requiredAgents(
  load: IntervalLoad,
  targets: StaffingTargets,
  options: { maxAgents?: number } = {},
): Requirement {
  const p = prepare(load);
  checkTargets(targets, p.erlangA);
  const maxAgents = options.maxAgents ?? 1_000_000;
  if (p.traffic.n === 0n)
    return { feasible: true, agents: 0, metrics: metricsAt(load, p, 0), binding: [], belowMetrics: null };
  const occupancyAgents = targets.maxOccupancy === undefined ? 0 : agentsForOccupancy(p.traffic, targets.maxOccupancy);
  const found = p.erlangA
    ? searchErlangA(load, p, targets, occupancyAgents, maxAgents)
    : searchErlangC(load, p, targets, occupancyAgents, maxAgents);
  if (found === null) return { feasible: false, reason: 'max_agents', maxAgents };
  const belowMetrics = found.agents > 0 ? metricsAt(load, p, found.agents - 1) : null;
  return {
    feasible: true,
    agents: found.agents,
    metrics: found,
    binding: belowMetrics ? violations(belowMetrics, targets, occupancyAgents) : [],
    belowMetrics,
  };
}

function searchErlangC(
  load: IntervalLoad,
  p: Prepared,
  targets: StaffingTargets,
  occupancyAgents: number,
  maxAgents: number,
) {
  let n = Math.max(minStableAgents(p.traffic), occupancyAgents);
  let b = erlangB(n, p.a);
  for (; n <= maxAgents; n++) {
    const m = metricsAt(load, p, n, b);
    if (violations(m, targets, occupancyAgents).length === 0) return m;
    b = erlangBStep(b, n + 1, p.a);
  }
  return null;
}

function searchErlangA(
  load: IntervalLoad,
  p: Prepared,
  targets: StaffingTargets,
  occupancyAgents: number,
  maxAgents: number,
) {
  const passes = (n: number) => {
    const m = metricsAt(load, p, n);
    return violations(m, targets, occupancyAgents).length === 0 ? m : null;
  };
  const lo = Math.max(1, occupancyAgents);
  let fail = lo - 1;
  let hi = Math.min(maxAgents, Math.max(lo, Math.ceil(p.a)));
  let step = Math.max(1, Math.ceil(Math.sqrt(p.a)));
  let best = hi >= lo ? passes(hi) : null;
  while (best === null) {
    if (hi >= maxAgents) return null;
    fail = hi;
    hi = Math.min(maxAgents, hi + step);
    step *= 2;
    best = passes(hi);
  }
  while (hi - fail > 1) {
    const mid = Math.floor((fail + hi) / 2);
    const m = mid >= lo ? passes(mid) : null;
    if (m) [hi, best] = [mid, m];
    else fail = mid;
  }
  return best;
}

/**
 * The inverse question: the most calls per interval that `agents` agents take with every given
 * target met (the supremum, found by bisection to ~1e-12 relative; with Erlang C and no other
 * target it is the stability limit N·interval/AHT, which itself is excluded). An occupancy cap
 * bounds it exactly: cap·N·interval/AHT.
 * @example maxCalls(14, { ahtSeconds: 180, intervalSeconds: 1800, answerWithinSeconds: 20 }, { serviceLevel: 0.8 })
 *   // { calls: ≈ 108.6, trafficErlangs: ≈ 10.86 }
 */
export function maxCalls(
  agents: number,
  load: Omit<IntervalLoad, 'calls'>,
  targets: StaffingTargets,
): { calls: number; trafficErlangs: number } {
  checkAgents(agents);
  const p = prepare({ ...load, calls: 0 });
  checkTargets(targets, p.erlangA);
  const aht = rationalToNumber(toRational(load.ahtSeconds));
  const interval = rationalToNumber(toRational(load.intervalSeconds));
  if (agents === 0 || aht === 0)
    return { calls: agents === 0 ? 0 : Infinity, trafficErlangs: agents === 0 ? 0 : Infinity };
  const perErlang = interval / aht; // calls per Erlang
  let hi = p.erlangA ? 2 * agents * perErlang : agents * perErlang;
  if (targets.maxOccupancy !== undefined) {
    const cap = toRational(targets.maxOccupancy);
    hi = Math.min(hi, rationalToNumber({ n: cap.n * BigInt(agents), d: cap.d }) * perErlang);
  }
  // The occupancy cap is already in `hi`; the other targets are tested by evaluation.
  const others = { ...targets, maxOccupancy: undefined };
  const ok = (calls: number) => {
    const l = { ...load, calls };
    return violations(metricsAt(l, prepare(l), agents), others, 0).length === 0;
  };
  // Erlang A is stable at any load: without a target that load can break, the answer is unbounded.
  const unbounded = { calls: Infinity, trafficErlangs: Infinity };
  const effective =
    (targets.serviceLevel ?? 0) > 0 || targets.asaSeconds !== undefined || (targets.maxAbandon ?? 1) < 1;
  if (p.erlangA && targets.maxOccupancy === undefined && !effective) return unbounded;
  for (let i = 0; p.erlangA && targets.maxOccupancy === undefined && ok(hi); i++) {
    if (i === 24) return unbounded;
    hi *= 2;
  }
  if (ok(hi)) return { calls: hi, trafficErlangs: hi / perErlang };
  let lo = 0;
  for (let i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return { calls: lo, trafficErlangs: lo / perErlang };
}
