/**
 * Step 3, named operators, as one small MIP per group with the tours fixed
 * (research/roster-solver.md, "S3, names": 0.4–0.9 s for 500 operators). Members of a group are
 * interchangeable (same pool, contract and available days), so each gets one of the plan's tours
 * and the MIP only decides which days they work it:
 *
 * - y[a, d, r] binary: operator a works a shift of length r on day d (available days only);
 * - Σ_a y[a, d, r] + unfilled[d, r] = planned shifts of (d, r), unfilled penalised;
 * - Σ_d y[a, d, r] + short[a, r] = tour(a)[r], short charged as the contract hours it loses;
 * - Σ_r y[a, d, r] ≤ 1, and one day-off run o[a, q] whose days a does not work
 *   (at least `min_consecutive_days_off` consecutive days off);
 * - a day the operator would rather have off costs a little; department members are nudged to
 *   work the day of their reserved training.
 * Days ≤ max_days and weekly hours ≤ contract hold by the tour. Where the tours leave a planned
 * shift unfilled, the group is solved again with free weeks (any legal days and hours per
 * operator, hours short charged). Start times follow (starts.ts).
 */
import type { Reservation } from './assign.ts';
import { ModelBuilder, type Solver, type SolveResult } from './linear-model.ts';
import { offRuns, type Problem } from './problem.ts';
import type { ShiftColumns, ShiftPlan } from './shift-model.ts';
import { isoWeekday } from '../time/local-dates.ts';

export interface GroupDays {
  g: number;
  /** work[i][d] = rule id operator members[i] works on day d, or −1. */
  work: number[][];
  members: number[];
  unfilled: number;
  status: SolveResult['status'];
  /** The MIP's objective (unfilled shifts, hours short, preferences); Infinity without a solution. */
  objective: number;
}

const UNFILLED_PER_HOUR = 20;
const PREFERENCE = 0.5;
const FREE_WEEKS_SECONDS = 4;

/** Planned shifts per (day, rule) of group g. */
export function plannedByRule(
  problem: Problem,
  plan: ShiftPlan,
  columns: ShiftColumns,
  g: number,
): Map<number, number>[] {
  const out = problem.dates.map(() => new Map<number, number>());
  columns.x.forEach((x, i) => {
    if (x.g !== g || plan.counts[i] === 0) return;
    const r = problem.templates[x.t].rule;
    out[x.d].set(r, (out[x.d].get(r) ?? 0) + plan.counts[i]);
  });
  return out;
}

export async function groupDays(
  problem: Problem,
  plan: ShiftPlan,
  columns: ShiftColumns,
  g: number,
  solver: Solver,
  reservations: Reservation[] = [],
  { free = false, timeLimitSeconds = 10, from }: { free?: boolean; timeLimitSeconds?: number; from?: GroupDays } = {},
): Promise<GroupDays> {
  const { settings } = problem.input;
  const group = problem.groups[g];
  const members = [...group.members];
  const planned = plannedByRule(problem, plan, columns, g);
  const rules = [...new Set(group.templates.map((t) => problem.templates[t].rule))];
  const paid = new Map(rules.map((r) => [r, problem.templates.find((t) => t.rule === r)!.paidMinutes / 60]));
  const prefs = new Map(settings.preferences.map((p) => [p.agent_id, p]));
  const weekdays = problem.dates.map(isoWeekday);
  const dislikes = (i: number, d: number) => {
    const p = prefs.get(problem.operators[members[i]].agent_id);
    return Boolean(p?.days_off?.includes(weekdays[d]) || (p?.weekends_off && weekdays[d] >= 6));
  };
  // Tours, shortest to the operators with the most days they would rather have off.
  const tours = (plan.tours[g] ?? []).flatMap((t) => new Array<Map<number, number>>(t.operators).fill(t.rules));
  const size = (t: Map<number, number> | undefined) => (t ? [...t.values()].reduce((a, b) => a + b, 0) : 0);
  tours.sort((a, b) => size(b) - size(a));
  const dislikeCount = members.map((_, i) => problem.dates.filter((_, d) => dislikes(i, d)).length);
  const order = members.map((_, i) => i).sort((a, b) => dislikeCount[a] - dislikeCount[b]);
  const tourOf = new Array<Map<number, number> | undefined>(members.length);
  order.forEach((i, n) => (tourOf[i] = tours[n]));

  const m = new ModelBuilder();
  const shortCols: number[] = [];
  const offCols: number[][][] = [];
  const unfilledAt: Array<[number, number, number, number]> = [];
  const y = members.map(() => problem.dates.map(() => new Map<number, number>()));
  const fill = problem.dates.map(() => new Map<number, Array<[number, number]>>());
  const m0 = settings.rules.min_consecutive_days_off;
  const runs = problem.dates.length >= 7 ? offRuns(problem.dates.length, m0) : [];
  members.forEach((o, i) => {
    const op = problem.operators[o];
    // Free weeks: any legal week (days, hours) instead of the plan's tour for this operator.
    const tour = free ? new Map(rules.map((r) => [r, Infinity])) : tourOf[i];
    if (!tour || size(tour) === 0) return;
    const trained = reservations.some((r) => r.department === op.department);
    problem.dates.forEach((_, d) => {
      if (!op.available[d]) return;
      for (const r of rules) {
        if (!(tour.get(r) ?? 0) || !(planned[d].get(r) ?? 0)) continue;
        let cost = dislikes(i, d) ? PREFERENCE : 0;
        if (trained && reservations.some((s) => s.d === d && s.department === op.department)) cost -= PREFERENCE / 5;
        const c = m.col(cost, 0, 1, true);
        y[i][d].set(r, c);
        fill[d].set(r, [...(fill[d].get(r) ?? []), [c, 1]]);
      }
      if (y[i][d].size > 1)
        m.row(
          [...y[i][d].values()].map((c): [number, number] => [c, 1]),
          -Infinity,
          1,
        );
    });
    if (free) {
      const all: Array<[number, number]> = [];
      const hours: Array<[number, number]> = [];
      problem.dates.forEach((_, d) => {
        for (const [r, c] of y[i][d]) {
          all.push([c, 1]);
          hours.push([c, paid.get(r)!]);
        }
      });
      m.row(all, -Infinity, Math.min(settings.rules.max_days_per_week, op.available.filter(Boolean).length));
      m.row(hours, -Infinity, op.maxHours);
      const short = m.col(settings.costs.contract_hours_short_hour, 0, op.minHours);
      shortCols[i] = short;
      m.row([...hours, [short, 1]], op.minHours, Infinity);
    }
    for (const r of free ? [] : rules) {
      const want = tour.get(r) ?? 0;
      if (want === 0) continue;
      const short = m.col(settings.costs.contract_hours_short_hour * paid.get(r)!, 0, want);
      const terms: Array<[number, number]> = [[short, 1]];
      problem.dates.forEach((_, d) => y[i][d].has(r) && terms.push([y[i][d].get(r)!, 1]));
      m.row(terms, want, want);
    }
    if (runs.length === 0) return;
    const off = runs.map((q) => [q, m.col(0, 0, 1, true)]);
    offCols[i] = off;
    m.row(
      off.map(([, c]): [number, number] => [c, 1]),
      1,
      Infinity,
    );
    problem.dates.forEach((_, d) => {
      const terms: Array<[number, number]> = [...y[i][d].values()].map((c): [number, number] => [c, 1]);
      for (const [q, c] of off) if (d >= q && d < q + m0) terms.push([c, 1]);
      if (y[i][d].size > 0) m.row(terms, -Infinity, 1);
    });
  });
  const unfilledCols: number[] = [];
  problem.dates.forEach((_, d) => {
    for (const [r, n] of planned[d]) {
      const u = m.col(UNFILLED_PER_HOUR * paid.get(r)!, 0, n);
      unfilledCols.push(u);
      unfilledAt.push([d, r, n, u]);
      m.row([...(fill[d].get(r) ?? []), [u, 1]], n, n);
    }
  });
  const work = members.map(() => problem.dates.map(() => -1));
  if (m.numCols === 0) return { g, work, members, unfilled: 0, status: 'optimal', objective: 0 };
  const model = m.build();
  const start = from
    ? startFrom(
        from.work,
        y,
        shortCols,
        offCols,
        unfilledAt,
        paid,
        members.map((o) => problem.operators[o].minHours),
        model.numCols,
        m0,
      )
    : undefined;
  const res = await solver(model, { timeLimitSeconds, mipRelGap: 1e-4, randomSeed: 0, start });
  if (!res.values) return { g, work, members, unfilled: -1, status: res.status, objective: Infinity };
  members.forEach((_, i) =>
    problem.dates.forEach((_, d) => {
      for (const [r, c] of y[i][d]) if (res.values![c] > 0.5) work[i][d] = r;
    }),
  );
  const unfilled = Math.round(unfilledCols.reduce((s, c) => s + res.values![c], 0));
  return { g, work, members, unfilled, status: res.status, objective: res.objective ?? Infinity };
}

/** Every group's days, at most `parallel` solves at a time (one worker per core). */
export async function allGroupDays(
  problem: Problem,
  plan: ShiftPlan,
  columns: ShiftColumns,
  solver: Solver,
  reservations: Reservation[] = [],
  parallel = 2,
): Promise<GroupDays[]> {
  const out: GroupDays[] = [];
  let next = 0;
  const lane = async () => {
    while (next < problem.groups.length) {
      const g = next++;
      const fixed = await groupDays(problem, plan, columns, g, solver, reservations);
      out[g] = fixed;
      if (fixed.unfilled === 0) continue;
      // The plan's tours do not split into this group's weeks: let each operator work any legal
      // week instead (slower to prove, so a short limit; kept only when it costs less).
      const free = await groupDays(problem, plan, columns, g, solver, reservations, {
        free: true,
        timeLimitSeconds: FREE_WEEKS_SECONDS,
        from: fixed,
      });
      if (free.unfilled >= 0 && free.objective < fixed.objective - 1e-6) out[g] = free;
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, lane));
  return out;
}

/** The fixed-tour answer as a start of the free-weeks MIP (it is feasible there: tours are legal weeks). */
function startFrom(
  work: number[][],
  y: Array<Array<Map<number, number>>>,
  shortCols: number[],
  offCols: number[][][],
  unfilledAt: Array<[number, number, number, number]>,
  paid: Map<number, number>,
  minHours: number[],
  numCols: number,
  daysOff: number,
): Float64Array {
  const v = new Float64Array(numCols);
  const filled = new Map<string, number>();
  work.forEach((week, i) => {
    let hours = 0;
    week.forEach((r, d) => {
      const c = r >= 0 ? y[i][d].get(r) : undefined;
      if (c === undefined) return;
      v[c] = 1;
      hours += paid.get(r)!;
      filled.set(`${d}|${r}`, (filled.get(`${d}|${r}`) ?? 0) + 1);
    });
    if (shortCols[i] !== undefined) v[shortCols[i]] = Math.max(0, minHours[i] - hours);
    const run = (offCols[i] ?? []).find(([q]) => week.slice(q, q + daysOff).every((r) => r < 0));
    if (run) v[run[1]] = 1;
  });
  for (const [d, r, n, u] of unfilledAt) v[u] = n - (filled.get(`${d}|${r}`) ?? 0);
  return v;
}
