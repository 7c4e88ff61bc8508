/** Operators on duty per day, skill and interval: on shift, not on a break or an activity. */
import type { Problem } from './problem.ts';
import type { Assignment, CoverageRow, TimeSpan } from './types.ts';
import { hhmm } from './time.ts';

export function emptyGrid(problem: Problem): number[][][] {
  return problem.dates.map(() => problem.skills.map(() => new Array<number>(problem.slotsPerDay).fill(0)));
}

function addSpan(row: number[], span: TimeSpan, step: number, delta: number): void {
  for (let s = Math.floor(span.startMin / step); s < Math.ceil(span.endMin / step); s++) row[s] += delta;
}

/** scheduled[d][k][slot]. */
export function scheduledGrid(problem: Problem, assignments: Assignment[]): number[][][] {
  const grid = emptyGrid(problem);
  const dayOf = new Map(problem.dates.map((d, i) => [d, i]));
  const step = problem.intervalMinutes;
  for (const a of assignments) {
    const d = dayOf.get(a.date);
    const k = problem.skills.indexOf(a.skill);
    if (d === undefined || k < 0) continue;
    addSpan(grid[d][k], a, step, 1);
    for (const b of a.breaks) addSpan(grid[d][k], b, step, -1);
    for (const x of a.activities) addSpan(grid[d][k], x, step, -1);
  }
  return grid;
}

/**
 * Coverage rows of every interval in the opening hours with a requirement or someone on duty
 * (requirement outside the opening hours is reported as an `outside_opening_hours` shortfall).
 */
export function coverageRows(problem: Problem, scheduled: number[][][]): CoverageRow[] {
  const out: CoverageRow[] = [];
  problem.dates.forEach((date, d) =>
    problem.skills.forEach((skill, k) => {
      for (let s = problem.openSlot; s < problem.closeSlot; s++) {
        const required = problem.required[d][k][s];
        const on = scheduled[d][k][s];
        if (required === 0 && on === 0) continue;
        out.push({ interval_start: `${date}T${hhmm(s * problem.intervalMinutes)}`, skill, required, scheduled: on });
      }
    }),
  );
  return out;
}
