/** What falls short, in words a planner can act on: under-covered runs, unfilled shifts, hours. */
import type { Problem } from './problem.ts';
import type { Assignment, Shortfall } from './types.ts';
import { hhmm } from './time.ts';

/**
 * One entry per (date, skill) run of intervals with fewer operators on duty than required. Runs
 * outside the opening hours are their own kind (`outside_opening_hours`): no shift may be there,
 * so the staffing plan's requirement at the edges is reported, not counted as under-cover.
 */
export function underCover(problem: Problem, scheduled: number[][][]): Shortfall[] {
  const out: Shortfall[] = [];
  const step = problem.intervalMinutes;
  const isOpen = (s: number) => s >= problem.openSlot && s < problem.closeSlot;
  problem.dates.forEach((date, d) =>
    problem.skills.forEach((skill, k) => {
      let runStart = -1;
      let missing = 0;
      let peak = 0;
      const close = (s: number) => {
        const outside = !isOpen(runStart);
        const hours = (missing * step) / 60;
        out.push({
          kind: outside ? 'outside_opening_hours' : 'under_cover',
          date,
          skill,
          from: hhmm(runStart * step),
          to: hhmm(s * step),
          amount: hours,
          unit: 'operator_hours',
          message: outside
            ? `${skill} ${date} ${hhmm(runStart * step)}–${hhmm(s * step)}: the staffing plan asks up to ${peak} operator(s) (${hours.toFixed(2)} operator-hours) outside the opening hours ${problem.input.settings.opening.from}–${problem.input.settings.opening.to}`
            : `${skill} ${date} ${hhmm(runStart * step)}–${hhmm(s * step)}: up to ${peak} operator(s) short (${hours.toFixed(2)} operator-hours)`,
        });
        [runStart, missing, peak] = [-1, 0, 0];
      };
      for (let s = 0; s < problem.slotsPerDay; s++) {
        const gap = problem.required[d][k][s] - scheduled[d][k][s];
        if (runStart >= 0 && (gap <= 0 || isOpen(s) !== isOpen(runStart))) close(s);
        if (gap <= 0) continue;
        if (runStart < 0) runStart = s;
        missing += gap;
        peak = Math.max(peak, gap);
      }
      if (runStart >= 0) close(problem.slotsPerDay);
    }),
  );
  return out;
}

/** Operators whose weekly paid hours stay below their contract's band (a soft rule). */
export function hoursBelowContract(problem: Problem, assignments: Assignment[]): Shortfall[] {
  const hours = new Map<string, number>();
  for (const a of assignments)
    hours.set(a.agent_id, (hours.get(a.agent_id) ?? 0) + problem.templates[a.template].paidMinutes / 60);
  return problem.operators
    .filter((o) => (hours.get(o.agent_id) ?? 0) < o.minHours - 1e-9)
    .map((o) => {
      const h = hours.get(o.agent_id) ?? 0;
      return {
        kind: 'hours_below_contract' as const,
        agent_id: o.agent_id,
        amount: o.minHours - h,
        unit: 'hours' as const,
        message: `${o.agent_id} (${o.name}) is rostered ${h} h, below the ${o.minHours.toFixed(1)} h their contract asks`,
      };
    });
}

/** The roster's cost in the plan's units (paid hours, shifts, under/over-cover, hours short). */
export function rosterCost(problem: Problem, assignments: Assignment[], scheduled: number[][][]): number {
  const c = problem.input.settings.costs;
  const h = problem.intervalMinutes / 60;
  let cost = 0;
  for (const a of assignments) cost += c.paid_hour * (problem.templates[a.template].paidMinutes / 60) + c.per_shift;
  problem.dates.forEach((_, d) =>
    problem.skills.forEach((_, k) => {
      for (let s = problem.openSlot; s < problem.closeSlot; s++) {
        const req = problem.required[d][k][s];
        const gap = req - scheduled[d][k][s];
        if (gap > 0) {
          const mild = Math.min(gap, c.steep_after_share * req);
          cost += h * (c.under_cover_hour * mild + c.under_cover_steep_hour * (gap - mild));
        } else cost += h * c.over_cover_hour * -gap;
      }
    }),
  );
  for (const s of hoursBelowContract(problem, assignments)) cost += c.contract_hours_short_hour * s.amount;
  return cost;
}
