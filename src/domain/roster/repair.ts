/**
 * Repair after the named assignment: operators with room in their week (days, hours, rest, days
 * off) take extra shifts where the roster is still short, and operators below their contract
 * hours take shifts where they help most — each move only when it lowers the roster's cost.
 */
import { hasOffRun } from './assign.ts';
import { breakStarts, type ShiftTemplate } from './templates.ts';
import type { PreparedOperator, Problem } from './problem.ts';
import type { Assignment } from './types.ts';

/** May `op`, whose week is `days`, work `tpl` on day d (every hard rule)? */
export function mayWork(
  problem: Problem,
  op: PreparedOperator,
  days: Array<Assignment | null>,
  hours: number,
  d: number,
  tpl: ShiftTemplate,
): boolean {
  const { rules } = problem.input.settings;
  if (!op.available[d] || days[d] || !op.templates.includes(tpl.id)) return false;
  if (days.filter(Boolean).length >= rules.max_days_per_week) return false;
  if (hours + tpl.paidMinutes / 60 > op.maxHours + 1e-9) return false;
  const rest = rules.min_rest_hours * 60;
  const prev = days[d - 1];
  if (prev && 1440 - prev.endMin + tpl.startMin < rest) return false;
  const next = days[d + 1];
  if (next && 1440 - tpl.endMin + next.startMin < rest) return false;
  return (
    problem.dates.length < 7 ||
    hasOffRun(
      days.map((a, e) => a !== null || e === d),
      rules.min_consecutive_days_off,
    )
  );
}

/** Adds cost-lowering shifts; `scheduled` is updated in place. Returns the shifts added. */
export function addShifts(
  problem: Problem,
  assignments: Assignment[],
  scheduled: number[][][],
  passes = 3,
  onlyDay?: number,
): number {
  const c = problem.input.settings.costs;
  const step = problem.intervalMinutes;
  const h = step / 60;
  const week = new Map<string, Array<Assignment | null>>(
    problem.operators.map((o) => [o.agent_id, problem.dates.map(() => null)]),
  );
  const dayOf = new Map(problem.dates.map((d, i) => [d, i]));
  const hours = new Map<string, number>();
  for (const a of assignments) {
    week.get(a.agent_id)![dayOf.get(a.date)!] = a;
    hours.set(a.agent_id, (hours.get(a.agent_id) ?? 0) + problem.templates[a.template].paidMinutes / 60);
  }
  let added = 0;
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    const order = [...problem.operators].sort(
      (a, b) => b.minHours - (hours.get(b.agent_id) ?? 0) - (a.minHours - (hours.get(a.agent_id) ?? 0)),
    );
    for (const op of order) {
      const days = week.get(op.agent_id)!;
      const worked = hours.get(op.agent_id) ?? 0;
      let best: { d: number; tpl: ShiftTemplate; k: number; breaks: number[]; value: number } | null = null;
      for (let d = 0; d < problem.dates.length; d++) {
        if (onlyDay !== undefined && d !== onlyDay) continue;
        for (const t of op.templates) {
          const tpl = problem.templates[t];
          if (!mayWork(problem, op, days, worked, d, tpl)) continue;
          const paid = tpl.paidMinutes / 60;
          const shortRelief = Math.min(paid, Math.max(0, op.minHours - worked)) * c.contract_hours_short_hour;
          // Breaks at the window middle (refined later); value per skill the operator speaks.
          const breaks = tpl.breaks.map((w) => {
            const s = breakStarts(w, step);
            return s[Math.floor(s.length / 2)];
          });
          const off = new Set<number>();
          tpl.breaks.forEach((w, j) => {
            for (let s = breaks[j] / step; s < (breaks[j] + w.minutes) / step; s++) off.add(Math.floor(s));
          });
          for (const k of problem.pools[op.pool]) {
            let gain = 0;
            for (let s = tpl.startMin / step; s < tpl.endMin / step; s++) {
              if (off.has(s)) continue;
              gain += problem.required[d][k][s] > scheduled[d][k][s] ? c.under_cover_hour * h : -c.over_cover_hour * h;
            }
            const value = gain + shortRelief - c.paid_hour * paid - c.per_shift;
            if (value > 1e-9 && (!best || value > best.value)) best = { d, tpl, k, breaks, value };
          }
        }
      }
      if (!best) continue;
      const { d, tpl, k, breaks } = best;
      const a: Assignment = {
        agent_id: op.agent_id,
        date: problem.dates[d],
        template: tpl.id,
        startMin: tpl.startMin,
        endMin: tpl.endMin,
        skill: problem.skills[k],
        breaks: tpl.breaks.map((w, j) => ({
          kind: w.kind,
          paid: w.paid,
          startMin: breaks[j],
          endMin: breaks[j] + w.minutes,
        })),
        activities: [],
      };
      assignments.push(a);
      days[d] = a;
      hours.set(op.agent_id, worked + tpl.paidMinutes / 60);
      for (let s = tpl.startMin / step; s < tpl.endMin / step; s++) scheduled[d][k][s]++;
      for (const b of a.breaks)
        for (let s = b.startMin / step; s < b.endMin / step; s++) scheduled[d][k][Math.floor(s)]--;
      added++;
      changed = true;
    }
    if (!changed) break;
  }
  return added;
}
