/**
 * Caller ratings after answered calls: ~40 % of contacts rate, mostly 5s (1414 publishes an
 * average of 4.84, CSI 94.6 %, CDI 4.4 %), somewhat worse after a long wait; a few callers rate
 * again later (the latest `rated_at` wins, DESIGN §5).
 */

import type { Rating } from '../events.ts';
import { Random, cumulativeWeights } from './prng.ts';

export const RATING_SHARE = 0.4;
const RERATING_SHARE = 0.02;
/** Share of ratings that name the agent; the others belong to the call's last answered visit. */
const WITH_AGENT_SHARE = 0.1;

/** Score weights for 1…5: mean 4.80, CSI 95 %, CDI 3.5 %. */
const SCORES = cumulativeWeights([2.5, 1, 1.5, 4, 91]);
/** After waiting more than LONG_WAIT_S: mean 4.44, CSI 85 %, CDI 10 %. */
const SCORES_AFTER_LONG_WAIT = cumulativeWeights([7, 3, 5, 8, 77]);
const LONG_WAIT_S = 60;

/** Maybe add the rating(s) of a contact whose last answered visit ended at `endedAtMs`. */
export function rateContact(
  random: Random,
  out: Rating[],
  callId: string,
  agentId: string,
  endedAtMs: number,
  waitSeconds: number,
): void {
  if (random.next() >= RATING_SHARE) return;
  const table = waitSeconds > LONG_WAIT_S ? SCORES_AFTER_LONG_WAIT : SCORES;
  // The IVR survey follows the call: about a minute later.
  const ratedAtMs = endedAtMs + Math.round(random.lognormal(70, 0.5) * 1000);
  const named = random.next() < WITH_AGENT_SHARE ? agentId : '';
  out.push({ callId, score: random.pick(table) + 1, ratedAtMs, agentId: named });
  if (random.next() < RERATING_SHARE) {
    const laterMs = ratedAtMs + Math.round(random.between(600, 8 * 3600) * 1000);
    out.push({ callId, score: random.pick(table) + 1, ratedAtMs: laterMs, agentId: named });
  }
}
