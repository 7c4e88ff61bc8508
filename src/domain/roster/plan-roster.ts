/**
 * The weekly roster pipeline: shift mix (step 1, a MIP solved by the solver passed in), whole
 * breaks (step 2), named operators (step 3), bilingual skills, activities (trainings, placed by
 * the caller's hook while the roster is still open), break refinement, coverage and shortfalls.
 * The cost of the named roster is measured against the plan's proven lower bound.
 */
import type { Reservation } from './assign.ts';
import { nameOperators } from './name-operators.ts';
import { refineBreaks } from './breaks.ts';
import { coverageRows, scheduledGrid } from './coverage.ts';
import type { SolveResult, Solver } from './linear-model.ts';
import { prepareProblem, type Problem, type RosterInput } from './problem.ts';
import { relaxAndFix } from './relax-fix.ts';
import { addShifts } from './repair.ts';
import { buildShiftModel, decodeShiftPlan, type ShiftPlan } from './shift-model.ts';
import { hoursBelowContract, rosterCost, underCover } from './shortfalls.ts';
import { chooseSkills } from './skills.ts';
import type { Assignment, CoverageRow, Shortfall } from './types.ts';

export interface RosterOptions {
  /** Solves every MIP; step 1 uses `planSolver` (default: relax-and-fix with `solver`). */
  solver: Solver;
  planSolver?: Solver;
  /** Extra operators to plan for (reserved trainings): extra[d][k][slot]. */
  reserved?: number[][][];
  reservations?: Reservation[];
  /** Places activities into the named roster (before breaks are refined). */
  placeActivities?: (problem: Problem, assignments: Assignment[], scheduled: number[][][]) => Shortfall[];
  /** Stop after step 1 (a what-if plan without names). */
  planOnly?: boolean;
  timeLimitSeconds?: number;
}

/** Said first when no operator can be rostered (QA: an empty roster looked like an optimal one). */
const NO_OPERATORS: Shortfall = {
  kind: 'rule_slack',
  amount: 0,
  unit: 'shifts',
  message: 'no operator to roster: none is known (agents rows) or every one is excluded',
};

const RAISE_LIMIT = 'raise --time-limit or roster.solver.time_limit_s';

/** Step 3 without a plan: every operator takes, pass by pass, the shift that lowers the cost most. */
function greedyRoster(problem: Problem) {
  const assignments: Assignment[] = [];
  addShifts(problem, assignments, scheduledGrid(problem, []), problem.dates.length);
  return {
    assignments,
    unfilled: [] as Shortfall[],
    fixedSkill: new Map<Assignment, string | null>(),
    namedBy: 'greedy' as const,
  };
}

/** Share of the time budget kept for step 3 (the per-group MIPs) and the rest of the pipeline. */
const NAMING_RESERVE = 0.15;

export interface RosterResult {
  status: 'optimal' | 'feasible' | 'no_solution';
  objective: number | null;
  lowerBound: number | null;
  gap: number | null;
  /** Seconds in the solver (step 1) and in the whole pipeline. */
  solveSeconds: number;
  totalSeconds: number;
  peakRssBytes: number | null;
  planObjective: number | null;
  plan: ShiftPlan | null;
  problem: Problem;
  assignments: Assignment[];
  coverage: CoverageRow[];
  shortfalls: Shortfall[];
  /** Step 3's method: the per-group MIP, or greedy + repair where it found no solution. */
  namedBy?: 'mip' | 'greedy';
  /** Size of the step-1 model. */
  model: { columns: number; integers: number; rows: number };
}

export async function planRoster(input: RosterInput, options: RosterOptions): Promise<RosterResult> {
  const started = Date.now();
  const problem = prepareProblem(input);
  const required = options.reserved
    ? problem.required.map((day, d) =>
        day.map((row, k) => row.map((v, s) => v + (options.reserved![d]?.[k]?.[s] ?? 0))),
      )
    : problem.required;
  const sm = buildShiftModel(problem, required);
  const { solver } = options;
  const planSolver = options.planSolver ?? relaxAndFix(solver);
  const s = input.settings.solver;
  // The time limit is the pipeline's budget: step 1 leaves 15 % for names and breaks.
  const budget = options.timeLimitSeconds ?? s.time_limit_s;
  const planSeconds = options.planOnly ? budget : budget * (1 - NAMING_RESERVE);
  // Step 1 aims at half the gap: breaks, names and one skill per bilingual shift cost a little more.
  const solveOptions = { timeLimitSeconds: planSeconds, mipRelGap: s.mip_rel_gap / 2, randomSeed: s.random_seed };
  let res: SolveResult = await planSolver(sm.model, solveOptions);
  let rounded = Boolean(res.relaxed);
  // relax-and-fix (the default) hands back its LP optimum when the MIP finds nothing; another
  // step-1 solver may not: round its LP relaxation down instead.
  if (!res.values && options.planSolver) {
    const lp = await planSolver(sm.model, { ...solveOptions, relaxation: true });
    if (lp.values) {
      res = {
        ...lp,
        status: 'time_limit',
        seconds: res.seconds + lp.seconds,
        peakRssBytes: Math.max(res.peakRssBytes ?? 0, lp.peakRssBytes ?? 0) || undefined,
      };
      rounded = true;
    }
  }
  const model = {
    columns: sm.model.numCols,
    integers: sm.model.integrality.reduce((a, b) => a + b, 0),
    rows: sm.model.rowLower.length,
  };
  const base = {
    solveSeconds: res.seconds,
    peakRssBytes: res.peakRssBytes ?? null,
    problem,
    model,
    lowerBound: res.bound,
    planObjective: res.objective,
  };
  const noPlan = `the shift plan found no solution within the time limit (${res.status}${res.message ? `: ${res.message}` : ''})`;
  if (!res.values && options.planOnly) {
    const none = scheduledGrid(problem, []);
    return {
      ...base,
      status: 'no_solution',
      objective: null,
      gap: null,
      totalSeconds: (Date.now() - started) / 1000,
      plan: null,
      assignments: [],
      coverage: coverageRows(problem, none),
      shortfalls: [
        ...problem.excluded,
        { kind: 'rule_slack', amount: 0, unit: 'shifts', message: `${noPlan}; ${RAISE_LIMIT}` },
        ...underCover(problem, none),
      ],
    };
  }
  const plan = res.values ? decodeShiftPlan(sm, res.values, rounded ? Math.floor : Math.round) : null;
  const status = res.status === 'optimal' ? 'optimal' : 'feasible';
  if (options.planOnly) {
    return {
      ...base,
      status,
      objective: res.objective,
      gap: gapOf(res.objective, res.bound),
      totalSeconds: (Date.now() - started) / 1000,
      plan,
      assignments: [],
      coverage: [],
      shortfalls: [],
    };
  }
  // No plan at all (not even the LP within the limit, on a slow or busy machine): the planner
  // still gets a legal roster, built greedily operator by operator (repair.ts).
  const { assignments, unfilled, fixedSkill, namedBy } = plan
    ? await nameOperators(problem, plan, sm.columns, solver, options.reservations)
    : greedyRoster(problem);
  let scheduled = scheduledGrid(
    problem,
    assignments.filter((a) => fixedSkill.get(a) !== null),
  );
  chooseSkills(
    problem,
    assignments.filter((a) => fixedSkill.get(a) === null),
    scheduled,
  );
  scheduled = scheduledGrid(problem, assignments);
  refineBreaks(problem, assignments, scheduled, 1);
  addShifts(problem, assignments, scheduled);
  refineBreaks(problem, assignments, scheduled, 1);
  const activityShortfalls = options.placeActivities?.(problem, assignments, scheduled) ?? [];
  scheduled = scheduledGrid(problem, assignments);
  refineBreaks(problem, assignments, scheduled, 2);
  scheduled = scheduledGrid(problem, assignments);
  const objective = rosterCost(problem, assignments, scheduled);
  const shortfalls: Shortfall[] = [
    ...problem.excluded,
    ...(problem.operators.length === 0 ? [NO_OPERATORS] : []),
    ...unfilled,
    ...underCover(problem, scheduled),
    ...hoursBelowContract(problem, assignments),
    ...activityShortfalls,
  ];
  if (!plan) {
    shortfalls.push({
      kind: 'rule_slack',
      amount: 0,
      unit: 'shifts',
      message: `${noPlan}; the roster was built greedily, operator by operator, with no bound to compare its cost with (${RAISE_LIMIT})`,
    });
  } else if (rounded) {
    shortfalls.push({
      kind: 'rule_slack',
      amount: 0,
      unit: 'shifts',
      message: `the shift-mix MIP found no solution within the time limit; the plan is its LP relaxation rounded down (${RAISE_LIMIT})`,
    });
  }
  if (plan && plan.hoursShort > 1e-6) {
    shortfalls.push({
      kind: 'rule_slack',
      amount: plan.hoursShort,
      unit: 'hours',
      message: `the plan leaves ${plan.hoursShort.toFixed(1)} contract hours unused (elastic weekly-hours rule): more operators than the requirement needs`,
    });
  }
  assignments.sort((a, b) => (a.agent_id < b.agent_id ? -1 : a.agent_id > b.agent_id ? 1 : a.date < b.date ? -1 : 1));
  return {
    ...base,
    status,
    objective,
    gap: gapOf(objective, res.bound),
    totalSeconds: (Date.now() - started) / 1000,
    plan,
    namedBy,
    assignments,
    coverage: coverageRows(problem, scheduled),
    shortfalls,
  };
}

/** (objective − bound) / objective; null without both. */
export function gapOf(objective: number | null, bound: number | null): number | null {
  if (objective === null || bound === null) return null;
  if (objective === 0) return 0;
  return (objective - bound) / Math.abs(objective);
}
