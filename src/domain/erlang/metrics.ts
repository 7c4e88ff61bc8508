/**
 * What a queueing model says about one interval with a given number of agents, in the
 * conventions of DESIGN §6. Rates are fractions 0–1.
 */
export interface QueueMetrics {
  model: 'erlang-c' | 'erlang-a';
  trafficErlangs: number;
  agents: number;
  /**
   * False for Erlang C with N ≤ A, where the queue grows without bound (every caller waits,
   * service level 0, ASA infinite). Erlang A is stable for every N.
   */
  stable: boolean;
  /** P(an arriving caller finds every agent busy). */
  pWait: number | null;
  /** Share of all arriving calls answered within t; abandoners count as failures. */
  serviceLevel: number | null;
  /** Mean wait of answered calls (Infinity when unbounded; null when no call is answered). */
  asaSeconds: number | null;
  /** Mean wait of all arriving calls, abandoners included (pyworkforce's "ASA" for Erlang A). */
  avgWaitSeconds: number | null;
  /** Busy share of agents: A / N for Erlang C, carried load A·(1 − P(abandon)) / N for Erlang A. */
  occupancy: number | null;
  /** P(an arriving caller hangs up before an answer); null for Erlang C. */
  pAbandon: number | null;
}

/**
 * Metrics of an interval with no traffic: every rate and mean is over an empty set and is null
 * (the rule of DESIGN §5); agents, if any, are idle.
 */
export function idleMetrics(model: QueueMetrics['model'], agents: number): QueueMetrics {
  return {
    model,
    trafficErlangs: 0,
    agents,
    stable: true,
    pWait: null,
    serviceLevel: null,
    asaSeconds: null,
    avgWaitSeconds: null,
    occupancy: agents > 0 ? 0 : null,
    pAbandon: null,
  };
}

export function checkNonNegative(name: string, value: number): void {
  if (!(Number.isFinite(value) && value >= 0))
    throw new RangeError(`${name} must be a finite number ≥ 0, got ${value}`);
}

export function checkPositive(name: string, value: number): void {
  if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`${name} must be a finite number > 0, got ${value}`);
}

export function checkAgents(agents: number): void {
  if (!Number.isSafeInteger(agents) || agents < 0)
    throw new RangeError(`agents must be a whole number ≥ 0, got ${agents}`);
}
