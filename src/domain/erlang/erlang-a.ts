/**
 * Erlang A (Palm's M/M/N+M): Poisson arrivals λ, exponential service μ = 1/AHT, N agents, and
 * callers who hang up after an exponential patience with mean 1/θ (DESIGN §6).
 *
 * Sources: Mandelbaum & Zeltyn, "The Palm/Erlang-A Queue, with Applications to Call Centers"
 * (2007) [MZ]; Garnett, Mandelbaum & Reiman, MSOM 4(3), 2002. With x = Nμ/θ, y = λ/θ,
 * E = Erlang B(N, λ/μ) and γ the lower incomplete gamma function, MZ give
 *   P(W > 0) = A(x, y)·E / (1 + (A(x, y) − 1)·E),   A(x, y) = x·e^y·y^(−x)·γ(x, y),
 *   P(Ab | W > 0) = 1/(ρ·A(x, y)) + 1 − 1/ρ,        ρ = λ / (Nμ),
 *   P(V > v | W > 0) = γ(x, y·e^(−θv)) / γ(x, y)     (V: the wait of an infinitely patient caller).
 *
 * Why no incomplete-gamma routine: by DLMF 8.7.1, γ(x, z) = z^x·e^(−z)·T(x, z)/x with
 *   T(x, z) = Σ_{j≥0} z^j / ((x+1)(x+2)…(x+j)),
 * and the terms w_j of T(x, y) are exactly the stationary weights π_{N+j}/π_N of the birth–death
 * chain (birth λ, death Nμ + jθ) scaled by θ — so A(x, y) = T(x, y), and every quantity is a
 * ratio of sums of positive terms over the chain, summed in one pass with rescaling (no
 * overflow for any N ≤ 20,000 or load; the terms are log-concave, so the sum stops once they
 * fall below 1e-17 of the total past the mode j ≈ y − x).
 *
 * Per chain state, for a caller who finds j others waiting (rates in units of θ):
 *   P(answered | j)            = x / (x + j + 1)                  (telescoping product)
 *   E[wait; answered | j]      = x/(x+j+1) · Σ_{i=0..j} 1/(x+i+1)  (holding times are independent
 *                                                                  of which event ends them)
 *   P(abandon | j)             = (j + 1) / (x + j + 1)
 * and from the MZ wait density f(v) = θ·(y e^(−θv))^x·e^(−y e^(−θv)) / γ(x, y),
 *   P(answered, W > t | W > 0) = γ(x+1, y·u) / (y·γ(x, y)),   u = e^(−θt)
 *                              = x·T(x+1, y·u) / ((x+1)·T(x, y)) · u^(x+1)·e^(y(1−u)).
 * Mean wait of all callers = P(Ab)/θ (Little's law on the abandoning queue, MZ §3).
 */
import { erlangB } from './erlang-b.ts';
import { checkAgents, checkNonNegative, checkPositive, idleMetrics, type QueueMetrics } from './metrics.ts';

const RESCALE = 1e280;
const LOG_RESCALE = Math.log(RESCALE);
const MAX_TERMS = 50_000_000;

interface ChainSums {
  /** ln T(x, z) */
  logT: number;
  /** Σ w_j·x/(x+j+1) ÷ T: P(answered | W > 0). */
  answered: number;
  /** Σ w_j·(j+1)/(x+j+1) ÷ T: P(abandon | W > 0), summed directly to avoid 1 − (≈1). */
  abandoned: number;
  /** Σ w_j·x/(x+j+1)·H_j ÷ T: θ·E[wait; answered | W > 0]. */
  answeredWait: number;
}

/** One pass over w_j = z^j / ((x+1)…(x+j)); `full` also forms the weighted sums. */
function chainSums(x: number, z: number, full: boolean): ChainSums {
  let w = 1;
  let total = 0;
  let answered = 0;
  let abandoned = 0;
  let answeredWait = 0;
  let harmonic = 0;
  let logScale = 0;
  for (let j = 0; ; j++) {
    total += w;
    if (full) {
      const d = x + j + 1;
      harmonic += 1 / d;
      answered += (w * x) / d;
      abandoned += (w * (j + 1)) / d;
      answeredWait += ((w * x) / d) * harmonic;
    }
    if (total > RESCALE) {
      total /= RESCALE;
      w /= RESCALE;
      answered /= RESCALE;
      abandoned /= RESCALE;
      answeredWait /= RESCALE;
      logScale += LOG_RESCALE;
    }
    const ratio = z / (x + j + 1);
    w *= ratio;
    if ((ratio < 1 && w < total * 1e-17) || w === 0) break;
    if (j > MAX_TERMS) throw new RangeError('Erlang A: patience too long for this load (series does not converge)');
  }
  return {
    logT: Math.log(total) + logScale,
    answered: answered / total,
    abandoned: abandoned / total,
    answeredWait: answeredWait / total,
  };
}

/** Rounding can push a probability 1 ulp past [0, 1]. */
function clamp01(p: number): number {
  return Math.min(1, Math.max(0, p));
}

export interface ErlangAInput {
  agents: number;
  trafficErlangs: number;
  ahtSeconds: number;
  /** Mean patience 1/θ in seconds; 0 = callers hang up at once (the Erlang B loss system). */
  patienceSeconds: number;
  answerWithinSeconds: number;
}

/**
 * Everything Erlang A says about N agents, in DESIGN §6 conventions: service level over all
 * arrivals (abandoners fail), ASA over answered calls, p_wait = P(all agents busy on arrival).
 * @example erlangAMetrics({ agents: 14, trafficErlangs: 10, ahtSeconds: 180, patienceSeconds: 300,
 *   answerWithinSeconds: 20 }) // pWait ≈ 0.14526, pAbandon ≈ 0.013984, serviceLevel ≈ 0.916792
 * @throws RangeError for negative or non-finite inputs (use Erlang C for infinite patience).
 */
export function erlangAMetrics(input: ErlangAInput): QueueMetrics {
  const { agents: n, trafficErlangs: a, ahtSeconds, patienceSeconds, answerWithinSeconds: t } = input;
  checkAgents(n);
  checkNonNegative('traffic', a);
  checkNonNegative('patience seconds', patienceSeconds);
  checkNonNegative('answer-within seconds', t);
  if (a === 0) return idleMetrics('erlang-a', n);
  checkPositive('AHT seconds', ahtSeconds);
  const base = { model: 'erlang-a' as const, trafficErlangs: a, agents: n, stable: true };
  if (n === 0) {
    // Nobody is answered; everyone waits out their patience.
    return {
      ...base,
      pWait: 1,
      serviceLevel: 0,
      asaSeconds: null,
      avgWaitSeconds: patienceSeconds,
      occupancy: null,
      pAbandon: 1,
    };
  }
  const e = erlangB(n, a);
  if (patienceSeconds === 0) {
    // θ → ∞: the loss system; a blocked caller leaves at once, the others are answered at once.
    return {
      ...base,
      pWait: e,
      serviceLevel: 1 - e,
      asaSeconds: 0,
      avgWaitSeconds: 0,
      occupancy: (a * (1 - e)) / n,
      pAbandon: e,
    };
  }
  const x = (n * patienceSeconds) / ahtSeconds; // Nμ/θ
  const y = (a * patienceSeconds) / ahtSeconds; // λ/θ
  const sums = chainSums(x, y, true);
  // P(W > 0) = 1 / (1 + (1 − E)/(E·T)), in logs so that neither E → 0 nor T → ∞ overflows.
  const pWait = e === 0 ? 0 : 1 / (1 + Math.exp(Math.log1p(-e) - Math.log(e) - sums.logT));
  const pAbandon = pWait * sums.abandoned;
  const pAnswered = 1 - pAbandon;
  const asaSeconds = (pWait * sums.answeredWait * patienceSeconds) / pAnswered;
  const thetaT = t / patienceSeconds;
  let answeredAfterT = 0;
  if (pWait > 0) {
    const z = y * Math.exp(-thetaT);
    const logRatio =
      Math.log(x / (x + 1)) - sums.logT + chainSums(x + 1, z, false).logT - (x + 1) * thetaT - y * Math.expm1(-thetaT);
    answeredAfterT = Math.min(sums.answered, Math.exp(logRatio));
  }
  return {
    ...base,
    pWait: clamp01(pWait),
    serviceLevel: clamp01(1 - pWait + pWait * (sums.answered - answeredAfterT)),
    asaSeconds,
    avgWaitSeconds: pAbandon * patienceSeconds,
    occupancy: clamp01((a * pAnswered) / n),
    pAbandon: clamp01(pAbandon),
  };
}
