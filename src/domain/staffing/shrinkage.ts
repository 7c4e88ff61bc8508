/**
 * Shrinkage measured from agent events: the share of logged-in time spent in pauses (breaks,
 * lunch, training, coaching, technical). Absences (sick leave, vacation) leave no events and are
 * not in it; a planner adds them through the `--shrinkage` flag or `staffing.shrinkage`.
 */

/**
 * The measured share rounded to 4 decimals and returned as a decimal string, so the scheduled
 * head count is the exact ceiling of the figure shown (DESIGN §6); null without logged-in time.
 * @example measuredShrinkage(7_200, 28_800) // '0.25'
 */
export function measuredShrinkage(pausedSeconds: number, loggedInSeconds: number): string | null {
  if (!(pausedSeconds >= 0 && loggedInSeconds >= 0)) throw new RangeError('paused and logged-in seconds must be ≥ 0');
  if (loggedInSeconds === 0) return null;
  const share = Math.min(0.9999, pausedSeconds / loggedInSeconds);
  return String(Math.round(share * 10_000) / 10_000);
}

/**
 * The part of a shrinkage left once a roster plans some of its pauses itself (breaks, lunches,
 * trainings): a roster counts an operator on such a pause as off the phone already, so asking it
 * for ceil(N / (1 − shrinkage)) on the phone would count those pauses twice (QA: +18 % operators).
 * With `plannedShare` b of logged-in time planned, 1 − shrinkage = (1 − b)(1 − u); u is returned
 * rounded to 4 decimals as a decimal string (0 when the planned pauses are all of it).
 * @example unplannedShrinkage('0.2', '0.15') // '0.0588' (1 − 0.8 / 0.85)
 */
export function unplannedShrinkage(shrinkage: string, plannedShare: string | null): string {
  const s = Number(shrinkage);
  const b = plannedShare === null ? 0 : Number(plannedShare);
  if (!(s >= 0 && s < 1 && b >= 0 && b < 1)) throw new RangeError('shrinkage and planned share must be in [0, 1)');
  const u = Math.max(0, 1 - (1 - s) / (1 - b));
  return String(Math.round(u * 10_000) / 10_000);
}
