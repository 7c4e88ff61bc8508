/**
 * Erlang C: the M/M/N queue with infinitely patient callers (DESIGN §6).
 *
 * With offered traffic A = λ / μ Erlangs and N > A agents (e.g. Gans, Koole & Mandelbaum,
 * "Telephone Call Centers: Tutorial, Review, and Research Prospects", MSOM 5(2), 2003, §4.1;
 * Call Centre Helper, "Erlang C Formula – Made Simple"):
 *   P_wait  = C(N, A) = N·B / (N − A·(1 − B)),   B = Erlang B(N, A)  (no factorials: see erlang-b.ts)
 *   SL(t)   = 1 − C·exp(−(N − A)·t / AHT)       (the wait of a waiting caller is Exp((N − A)μ))
 *   ASA     = C·AHT / (N − A)                    (every caller is answered, so ASA = mean wait)
 *   occupancy = A / N
 */
import { erlangB } from './erlang-b.ts';
import { checkAgents, checkNonNegative, checkPositive, idleMetrics, type QueueMetrics } from './metrics.ts';

/**
 * Erlang C probability of waiting; 1 when N ≤ A (the queue is unstable and every caller waits).
 * @example erlangC(14, 10) // 0.1741319335950498 (pyworkforce docs; Call Centre Helper 0.1741)
 */
export function erlangC(agents: number, trafficErlangs: number): number {
  checkAgents(agents);
  checkNonNegative('traffic', trafficErlangs);
  if (trafficErlangs === 0) return 0;
  if (agents <= trafficErlangs) return 1;
  return erlangCFromB(agents, trafficErlangs, erlangB(agents, trafficErlangs));
}

/** C(N, A) from a known B(N, A), for searches that step the Erlang B recursion themselves. */
export function erlangCFromB(agents: number, trafficErlangs: number, b: number): number {
  return Math.min(1, (agents * b) / (agents - trafficErlangs * (1 - b))); // ≤ 1 but for rounding
}

export interface ErlangCInput {
  agents: number;
  trafficErlangs: number;
  ahtSeconds: number;
  /** t of the service level. */
  answerWithinSeconds: number;
}

/**
 * Everything Erlang C says about N agents. With N ≤ A (and traffic) the queue is unstable:
 * stable false, P_wait 1, service level 0, ASA Infinity, occupancy 1 (null with no agents).
 * @example erlangCMetrics({ agents: 14, trafficErlangs: 10, ahtSeconds: 180, answerWithinSeconds: 20 })
 *   // serviceLevel 0.8883500191794669, asaSeconds ≈ 7.84, occupancy 0.7142857142857143
 * @throws RangeError for negative or non-finite inputs, or AHT 0 with traffic.
 */
export function erlangCMetrics(input: ErlangCInput, knownB?: number): QueueMetrics {
  const { agents, trafficErlangs: a, ahtSeconds, answerWithinSeconds: t } = input;
  checkAgents(agents);
  checkNonNegative('traffic', a);
  checkNonNegative('answer-within seconds', t);
  if (a === 0) return idleMetrics('erlang-c', agents);
  checkPositive('AHT seconds', ahtSeconds);
  if (agents <= a) {
    return {
      model: 'erlang-c',
      trafficErlangs: a,
      agents,
      stable: false,
      pWait: 1,
      serviceLevel: 0,
      asaSeconds: Infinity,
      avgWaitSeconds: Infinity,
      occupancy: agents > 0 ? 1 : null,
      pAbandon: null,
    };
  }
  const pWait = erlangCFromB(agents, a, knownB ?? erlangB(agents, a));
  const asaSeconds = (pWait * ahtSeconds) / (agents - a);
  return {
    model: 'erlang-c',
    trafficErlangs: a,
    agents,
    stable: true,
    pWait,
    serviceLevel: 1 - pWait * Math.exp((-(agents - a) * t) / ahtSeconds),
    asaSeconds,
    avgWaitSeconds: asaSeconds,
    occupancy: a / agents,
    pAbandon: null,
  };
}
