/**
 * Mean caller patience from history, for Erlang A.
 *
 * With exponential patience, an answered caller's wait is a censored observation (patience was
 * longer) and an abandoner's wait an observed patience, so the maximum-likelihood mean is the
 * total waiting time of all offered calls ÷ the number of abandonments (Koole, "Call Center
 * Mathematics", 2007; the exponential MLE under right censoring). Short abandons (wait <
 * `short_abandon_s`, ghost calls, DESIGN §5) are left out of both sums, as in reporting.
 */

export interface PatienceInput {
  /** Σ wait_s of offered calls that are not short abandons. */
  waitSeconds: number;
  /** Abandoned calls that are not short abandons. */
  abandoned: number;
}

export interface PatienceEstimate {
  /** Mean patience in seconds; null with fewer than `minAbandoned` abandonments (too little to trust). */
  patienceSeconds: number | null;
  abandoned: number;
  waitSeconds: number;
  method: 'exponential-mle';
}

/**
 * @example patienceEstimate({ waitSeconds: 54_000, abandoned: 100 }) // { patienceSeconds: 540, … }
 * @example patienceEstimate({ waitSeconds: 900, abandoned: 3 }) // { patienceSeconds: null, … }
 */
export function patienceEstimate(input: PatienceInput, minAbandoned = 30): PatienceEstimate {
  const { waitSeconds, abandoned } = input;
  if (!(waitSeconds >= 0 && abandoned >= 0)) throw new RangeError('waiting time and abandonments must be ≥ 0');
  const patienceSeconds = abandoned >= minAbandoned && waitSeconds > 0 ? waitSeconds / abandoned : null;
  return { patienceSeconds, abandoned, waitSeconds, method: 'exponential-mle' };
}
