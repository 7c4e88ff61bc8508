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
