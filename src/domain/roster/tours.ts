/**
 * Weekly tours of step 1 (research/roster-solver.md, "S1 … weekly tour types"): per group of
 * interchangeable operators, T[j] integer operators work tour j — a vector of shifts per length
 * one operator may legally work (≤ max days, ≤ max weekly hours). Every member works exactly one
 * tour (the empty tour included), so the weekly-hours rule is charged per operator, as the named
 * roster is, and the plan splits into individual weeks:
 *
 * - link per length r (elastic): Σ_d x[d, r] + v_r − w_r = Σ_j c_jr T_j, v_r ≥ 0 a tour shift
 *   not in the plan, charged as the contract hours it loses, w_r ≥ 0 a planned shift no tour
 *   holds, charged like an unfilled shift;
 * - Gale–Ryser cuts (bipartite degree sequences, Gale 1957 / Ryser 1957): a set S of days can
 *   hold no more shifts than Σ_j T_j · min(days of j, |S|); also per length. Only small subsets
 *   (|S| ≤ maxSubset): the large ones are implied by the tour totals.
 *
 * Every row is valid for every legal roster (each operator's week is one of the tours), so the
 * plan's bound stays a lower bound on the named roster's cost.
 */
import type { ModelBuilder } from './linear-model.ts';

export interface Tour {
  /** Shifts per length (index into the group's lengths). */
  counts: number[];
  days: number;
  paidHours: number;
}

/** Every vector of shifts per length with ≤ maxDays shifts and ≤ maxHours paid hours (the empty one too). */
export function enumerateTours(paidHours: number[], maxDays: number, maxHours: number): Tour[] {
  const out: Tour[] = [];
  const walk = (i: number, days: number, hours: number, acc: number[]) => {
    if (i === paidHours.length) {
      out.push({ counts: [...acc], days, paidHours: hours });
      return;
    }
    for (let c = 0; days + c <= maxDays && hours + c * paidHours[i] <= maxHours + 1e-9; c++)
      walk(i + 1, days + c, hours + c * paidHours[i], [...acc, c]);
  };
  walk(0, 0, 0, []);
  return out;
}

export interface GroupTours {
  tours: Tour[];
  cols: number[];
  /** Per length, the link slack v (shifts of tours the plan leaves out). */
  slack: number[];
}

export interface TourGroupInput {
  members: number;
  minHours: number;
  maxHours: number;
  maxDays: number;
  /** Paid hours of each length of the group. */
  paidHours: number[];
  /** x columns per available day and length: xCols[d][r] (empty list on unavailable days). */
  xCols: number[][][];
  shortHourCost: number;
  /** Per paid hour of a planned shift no tour holds (elastic link). */
  excessCost: number;
  maxSubset: number;
}

/** 1 ≤ |S| ≤ k subsets of `days`. */
function subsets(days: number[], k: number): number[][] {
  const out: number[][] = [];
  const walk = (from: number, acc: number[]) => {
    if (acc.length > 0) out.push([...acc]);
    if (acc.length === k) return;
    for (let i = from; i < days.length; i++) walk(i + 1, [...acc, days[i]]);
  };
  walk(0, []);
  return out;
}

export function addGroupTours(m: ModelBuilder, g: TourGroupInput): GroupTours {
  const tours = enumerateTours(g.paidHours, g.maxDays, g.maxHours);
  // Cost of a tour: hours below the contract band. The members not on a tour of the list work
  // the empty tour, so Σ T ≤ members and the constant members × minHours sits on a fixed column.
  const shortOf = (t: Tour) => g.shortHourCost * Math.max(0, g.minHours - t.paidHours);
  const empty = shortOf({ counts: [], days: 0, paidHours: 0 });
  m.col(empty * g.members, 1, 1);
  const cols = tours.map((t) => (t.days === 0 ? -1 : m.col(shortOf(t) - empty, 0, g.members, true)));
  const used = tours.map((t, j): [number, number] => [cols[j], 1]).filter(([c]) => c >= 0);
  m.row(used, -Infinity, g.members);
  const slack = g.paidHours.map((paid, r) => {
    const v = m.col(g.shortHourCost * paid, 0, Infinity);
    // w: planned shifts beyond the tours (no one could work them), priced as unfilled, so that
    // rounding never makes the row infeasible (research: elastic tour rows).
    const w = m.col(g.excessCost * paid, 0, Infinity);
    const terms: Array<[number, number]> = [
      [v, 1],
      [w, -1],
    ];
    for (const day of g.xCols) for (const c of day[r] ?? []) terms.push([c, 1]);
    tours.forEach((t, j) => t.counts[r] > 0 && terms.push([cols[j], -t.counts[r]]));
    m.row(terms, 0, 0);
    return v;
  });
  const days = g.xCols.map((day, d) => (day.some((l) => l.length > 0) ? d : -1)).filter((d) => d >= 0);
  for (const S of subsets(days, Math.min(g.maxSubset, days.length))) {
    const all: Array<[number, number]> = [];
    for (const d of S) for (const list of g.xCols[d]) for (const c of list) all.push([c, 1]);
    tours.forEach((t, j) => cols[j] >= 0 && all.push([cols[j], -Math.min(t.days, S.length)]));
    m.row(all, -Infinity, 0);
    if (g.paidHours.length < 2) continue;
    g.paidHours.forEach((_, r) => {
      const terms: Array<[number, number]> = [];
      for (const d of S) for (const c of g.xCols[d][r] ?? []) terms.push([c, 1]);
      tours.forEach(
        (t, j) => cols[j] >= 0 && t.counts[r] > 0 && terms.push([cols[j], -Math.min(t.counts[r], S.length)]),
      );
      m.row(terms, -Infinity, 0);
    });
  }
  return { tours, cols, slack };
}
