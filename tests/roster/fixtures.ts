/** Small roster instances for the tests: one week, 30-minute intervals, short solver limits (10 s: the LP and the restricted MIP of relax-and-fix must both fit on a loaded 2-core machine; most runs stop far earlier, at the 5 % gap). */
import type { Solver } from '../../src/domain/roster/linear-model.ts';
import type { RosterInput } from '../../src/domain/roster/problem.ts';
import { rosterSettings, type RosterSettings } from '../../src/domain/roster/settings.ts';
import { contractHours, scaledRequirement, syntheticOperators } from '../../src/domain/roster/synthetic.ts';
import { hhmm, weekDates } from '../../src/domain/roster/time.ts';
import type { Assignment } from '../../src/domain/roster/types.ts';
import type { RosterAssignmentJson } from '../../src/domain/roster/validate.ts';

export const WEEK = '2026-W20';
export const DATES = weekDates(WEEK)!;

export function testSettings(over: Partial<RosterSettings> = {}): RosterSettings {
  return rosterSettings({
    start_every_minutes: 60,
    solver: { time_limit_s: 10, mip_rel_gap: 0.05, random_seed: 0 },
    ...over,
  });
}

/** `operators` operators, a requirement of `load` × their contract hours. */
export function testInput(operators: number, load: number, over: Partial<RosterSettings> = {}, seed = 5): RosterInput {
  const ops = syntheticOperators(operators, seed);
  return {
    dates: DATES,
    intervalMinutes: 30,
    requirement: scaledRequirement(DATES, 30, contractHours(ops) * load, seed),
    operators: ops,
    settings: testSettings(over),
  };
}

export function toJson(a: Assignment): RosterAssignmentJson {
  return {
    agent_id: a.agent_id,
    date: a.date,
    start: hhmm(a.startMin),
    end: hhmm(a.endMin),
    skill: a.skill,
    breaks: a.breaks.map((b) => ({ start: hhmm(b.startMin), end: hhmm(b.endMin) })),
    activities: a.activities.map((x) => ({ kind: x.kind, start: hhmm(x.startMin), end: hhmm(x.endMin) })),
  };
}

/** A solver that finds nothing within its limit, as HiGHS on a busy machine may. */
export const solverFindingNothing: Solver = async () => ({
  status: 'no_solution',
  objective: null,
  bound: null,
  values: null,
  seconds: 0,
});
