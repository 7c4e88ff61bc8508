/** The JSON of `kezek roster --json` and `kezek training --json` (times local HH:MM, unrounded). */
import { hhmm } from '../domain/roster/time.ts';
import type { Assignment } from '../domain/roster/types.ts';
import type { RosterAssignmentJson } from '../domain/roster/validate.ts';
import type { WeekPlan } from '../domain/training/plan-week.ts';

export function assignmentJson(a: Assignment): RosterAssignmentJson {
  return {
    agent_id: a.agent_id,
    date: a.date,
    start: hhmm(a.startMin),
    end: hhmm(a.endMin),
    skill: a.skill,
    breaks: [...a.breaks]
      .sort((x, y) => x.startMin - y.startMin)
      .map((b) => ({ start: hhmm(b.startMin), end: hhmm(b.endMin) })),
    activities: a.activities.map((x) => ({ kind: x.kind, start: hhmm(x.startMin), end: hhmm(x.endMin) })),
  };
}

/** Exactly {week, status, objective, lower_bound, gap, solve_s, assignments, coverage, shortfalls} (issue 6). */
export function rosterJsonOf(week: string, plan: WeekPlan) {
  const r = plan.roster;
  return {
    week,
    status: r.status,
    objective: r.objective,
    lower_bound: r.lowerBound,
    gap: r.gap,
    solve_s: r.solveSeconds,
    assignments: r.assignments.map(assignmentJson),
    coverage: r.coverage,
    shortfalls: r.shortfalls.map((s) => ({
      kind: s.kind,
      date: s.date ?? null,
      skill: s.skill ?? null,
      from: s.from ?? null,
      to: s.to ?? null,
      agent_id: s.agent_id ?? null,
      amount: s.amount,
      unit: s.unit,
      message: s.message,
    })),
  };
}

export type RosterJson = ReturnType<typeof rosterJsonOf>;
export type TrainingJson = ReturnType<typeof trainingJsonOf>;

export function trainingJsonOf(week: string, plan: WeekPlan) {
  return {
    week,
    sessions: plan.placements.map((p) => ({
      kind: p.kind,
      label: p.label,
      date: p.date,
      start: hhmm(p.startMin),
      end: hhmm(p.endMin),
      attendees: p.agent_ids,
      requested: p.requested,
      service_level_cost: p.cost.map((c) => ({
        skill: c.skill,
        erlang_before: c.erlang.before,
        erlang_after: c.erlang.after,
        simulated_before: c.simulated.before,
        simulated_after: c.simulated.after,
      })),
    })),
    // Sessions short of attendees, and what the roster under them says of itself (built greedily,
    // no operator: QA saw a greedy roster's trainings with no word of it).
    shortfalls: plan.roster.shortfalls
      .filter((s) => s.kind === 'training_attendees' || (s.kind === 'rule_slack' && s.amount === 0))
      .map((s) => ({ date: s.date ?? null, agent_id: s.agent_id ?? null, amount: s.amount, message: s.message })),
  };
}
