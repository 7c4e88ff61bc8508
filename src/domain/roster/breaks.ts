/**
 * Step 2, breaks: turn the shift plan's continuous break-start weights into whole breaks per shift
 * (largest remainder), then move each named operator's breaks to where the roster has the most
 * surplus over the requirement, never onto an activity or another break.
 */
import type { Problem } from './problem.ts';
import type { ShiftTemplate } from './templates.ts';
import type { Assignment, TimeSpan } from './types.ts';
import { breakStarts } from './templates.ts';

/** n whole counts proportional to `weights` (largest remainder; ties to the earlier start). */
export function roundCounts(weights: number[], n: number): number[] {
  const total = weights.reduce((s, w) => s + w, 0);
  if (n === 0) return weights.map(() => 0);
  const share = weights.map((w) => (total > 0 ? (w / total) * n : n / weights.length));
  const out = share.map(Math.floor);
  let left = n - out.reduce((s, c) => s + c, 0);
  const order = share.map((s, i) => [s - Math.floor(s), i]).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of order) {
    if (left <= 0) break;
    out[i]++;
    left--;
  }
  return out;
}

/** Break starts of n shifts of one template: result[i][k] is shift i's start of break k. */
export function breakPlan(tpl: ShiftTemplate, weights: Array<Array<[number, number]>>, n: number): number[][] {
  const perBreak = tpl.breaks.map((_, k) => {
    const w = weights[k] ?? [];
    const counts = roundCounts(
      w.map(([, v]) => v),
      n,
    );
    return w.flatMap(([b], i) => new Array<number>(counts[i]).fill(b));
  });
  return Array.from({ length: n }, (_, i) => perBreak.map((starts) => starts[i]));
}

const overlaps = (a: TimeSpan, b: TimeSpan) => a.startMin < b.endMin && b.startMin < a.endMin;

/** Can a break of `minutes` start at `start` without touching the other breaks and activities? */
export function breakFits(a: Assignment, k: number, start: number, minutes: number): boolean {
  const span = { startMin: start, endMin: start + minutes };
  if (span.startMin < a.startMin || span.endMin > a.endMin) return false;
  if (a.breaks.some((b, j) => j !== k && overlaps(b, span))) return false;
  return !a.activities.some((x) => overlaps(x, span));
}

/**
 * Moves breaks, one at a time, to the allowed start whose intervals have the largest surplus
 * (scheduled − required) in the operator's skill; `scheduled` is updated in place
 * (scheduled[d][k][slot]). Two passes settle most of the integer rounding loss.
 */
export function refineBreaks(problem: Problem, assignments: Assignment[], scheduled: number[][][], passes = 2): void {
  const step = problem.intervalMinutes;
  const dayOf = new Map(problem.dates.map((d, i) => [d, i]));
  for (let pass = 0; pass < passes; pass++) {
    for (const a of assignments) {
      const d = dayOf.get(a.date)!;
      const k = problem.skills.indexOf(a.skill);
      const req = problem.required[d][k];
      const sch = scheduled[d][k];
      const tpl = problem.templates[a.template];
      tpl.breaks.forEach((w, j) => {
        const cur = a.breaks[j];
        if (!cur) return;
        const slots = (s: number) =>
          Array.from({ length: Math.ceil(w.minutes / step) }, (_, i) => Math.floor(s / step) + i);
        for (const s of slots(cur.startMin)) sch[s]++;
        let best = cur.startMin;
        let bestScore = -Infinity;
        for (const b of breakStarts(w, step)) {
          if (!breakFits(a, j, b, w.minutes)) continue;
          // Score: the smallest surplus the break would leave, then the total surplus.
          const after = slots(b).map((s) => sch[s] - 1 - req[s]);
          const score = Math.min(...after) * 1000 + after.reduce((x, y) => x + y, 0);
          if (score > bestScore) [best, bestScore] = [b, score];
        }
        a.breaks[j] = { ...cur, startMin: best, endMin: best + w.minutes };
        for (const s of slots(best)) sch[s]--;
      });
    }
  }
}
