/** What falls short, in words a planner can act on: under-covered runs, unfilled shifts, hours. */
import type { Problem } from './problem.ts';
import type { Assignment, Shortfall } from './types.ts';
import { hhmm } from './time.ts';

/** One entry per (date, skill) run of intervals with fewer operators on duty than required. */
export function underCover(problem: Problem, scheduled: number[][][]): Shortfall[] {
  const out: Shortfall[] = [];
  const step = problem.intervalMinutes;
  problem.dates.forEach((date, d) =>
    problem.skills.forEach((skill, k) => {
      let runStart = -1;
      let missing = 0;
      let peak = 0;
      for (let s = 0; s <= problem.slotsPerDay; s++) {
        const gap = s < problem.slotsPerDay ? problem.required[d][k][s] - scheduled[d][k][s] : 0;
        if (gap > 0) {
          if (runStart < 0) runStart = s;
          missing += gap;
          peak = Math.max(peak, gap);
          continue;
        }
        if (runStart < 0) continue;
        const outside = runStart < problem.openSlot || s > problem.closeSlot;
        out.push({
          kind: outside ? 'outside_opening' : 'under_cover',
          date,
          skill,
          from: hhmm(runStart * step),
          to: hhmm(s * step),
          amount: (missing * step) / 60,
          unit: 'operator_hours',
          message: `${skill} ${date} ${hhmm(runStart * step)}–${hhmm(s * step)}: up to ${peak} operator(s) short (${((missing * step) / 60).toFixed(2)} operator-hours)${outside ? ', outside the opening hours' : ''}`,
        });
        runStart = -1;
        missing = 0;
        peak = 0;
      }
    }),
  );
  return out;
}

/** Operators whose weekly paid hours stay below their contract's band (a soft rule). */
export function hoursBelowContract(problem: Problem, assignments: Assignment[]): Shortfall[] {
  const hours = new Map<string, number>();
  for (const a of assignments) hours.set(a.agent_id, (hours.get(a.agent_id) ?? 0) + problem.templates[a.template].paidMinutes / 60);
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
