/**
 * Trainings reserved before the roster is built (research: placing them afterwards reaches few
 * attendees): each department's weekly session goes to the window of its day with the lowest
 * requirement, and its attendees are added to the plan's requirement there, by the skills the
 * department speaks, so step 1 staffs for them.
 */
import type { Reservation } from '../roster/assign.ts';
import type { Problem } from '../roster/problem.ts';
import type { TrainingSettings } from '../roster/settings.ts';
import { minutesOf } from '../roster/time.ts';
import { isoWeekday } from '../time/local-dates.ts';

export interface Session extends Reservation {
  attendees: number;
}

export function reserveSessions(
  problem: Problem,
  settings: TrainingSettings,
): { sessions: Session[]; reserved: number[][][] } {
  const step = problem.intervalMinutes;
  const reserved = problem.dates.map(() => problem.skills.map(() => new Array<number>(problem.slotsPerDay).fill(0)));
  const departments = [...new Set(problem.operators.map((o) => o.department))].sort();
  const sessions: Session[] = [];
  for (const w of settings.weekly) {
    const d = problem.dates.findIndex((date) => isoWeekday(date) === w.weekday);
    if (d < 0) continue;
    for (const department of w.department === '*' ? departments : [w.department]) {
      const members = problem.operators.filter((o) => o.department === department && o.available[d]);
      if (members.length === 0) continue;
      const attendees = Math.min(w.attendees, members.length);
      const length = Math.ceil(w.minutes / step);
      let best = -1;
      let bestLoad = Infinity;
      for (let s = Math.ceil(minutesOf(w.from) / step); (s + length) * step <= minutesOf(w.to); s++) {
        let load = 0;
        for (let t = s; t < s + length; t++)
          for (let k = 0; k < problem.skills.length; k++) load += problem.required[d][k][t] + reserved[d][k][t];
        if (load < bestLoad) [best, bestLoad] = [s, load];
      }
      if (best < 0) continue;
      // Attendees by the skills the department answers (a bilingual operator counts half to each).
      const share = problem.skills.map(
        (_, k) =>
          members.reduce((v, o) => v + (problem.pools[o.pool].includes(k) ? 1 / problem.pools[o.pool].length : 0), 0) /
          members.length,
      );
      for (let t = best; t < best + length; t++) share.forEach((x, k) => (reserved[d][k][t] += x * attendees));
      sessions.push({ department, d, startMin: best * step, endMin: (best + length) * step, attendees });
    }
  }
  return { sessions, reserved };
}
