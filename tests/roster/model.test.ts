// The step-1 model builder is pure: it can be checked without HiGHS, with a solver passed in.
import { describe, expect, it } from 'vitest';
import { objectiveOf, type LinearModel, type Solver } from '../../src/domain/roster/linear-model.ts';
import { planRoster } from '../../src/domain/roster/plan-roster.ts';
import { prepareProblem } from '../../src/domain/roster/problem.ts';
import { buildShiftModel } from '../../src/domain/roster/shift-model.ts';
import { weekDates } from '../../src/domain/roster/time.ts';
import { testInput } from './fixtures.ts';

/** A "solver" that answers x = 0 (every coverage row then needs its under-cover slack). */
const zeroSolver: Solver = async (model: LinearModel) => {
  const values = new Float64Array(model.numCols);
  // Put each coverage row's requirement on its first slack column (u₁ has an upper bound).
  for (let i = 0; i < model.rowLower.length; i++) {
    if (model.rowLower[i] !== model.rowUpper[i] || model.rowLower[i] <= 0) continue;
    let left = model.rowLower[i];
    for (let p = model.starts[i]; p < model.starts[i + 1] && left > 0; p++) {
      const j = model.indices[p];
      if (model.values[p] !== 1 || model.colCost[j] === 0) continue;
      const take = Math.min(left, model.colUpper[j]);
      values[j] += take;
      left -= take;
    }
  }
  return { status: 'optimal', objective: objectiveOf(model, values), bound: 0, values, seconds: 0 };
};

describe('buildShiftModel', () => {
  it('has one integer x per (day, group, template) plus day-off patterns and weekly tours', () => {
    const input = testInput(20, 0.5);
    const p = prepareProblem(input);
    const sm = buildShiftModel(p, p.required);
    const templates = p.groups.reduce((s, g) => s + g.templates.length, 0);
    expect(sm.columns.x.length).toBe(7 * templates);
    const tours = sm.columns.tours.reduce((s, t) => s + t.length, 0);
    expect(tours).toBeGreaterThan(0);
    expect(sm.model.integrality.reduce((a, b) => a + b, 0)).toBe(7 * templates + p.groups.length * 6 + tours);
    expect(sm.model.starts.length).toBe(sm.model.rowLower.length + 1);
  });

  it('runs the pipeline with any solver: x = 0 gives an empty roster and a shortfall for every interval', async () => {
    const r = await planRoster(testInput(20, 0.5), { solver: zeroSolver });
    expect(r.assignments.length).toBeGreaterThan(0); // repair adds shifts where cover is short
    expect(r.objective).toBeGreaterThan(0);
  });

  it('reads ISO weeks', () => {
    expect(weekDates('2026-W01')).toEqual(['2025-12-29', '2025-12-30', '2025-12-31', '2026-01-01', '2026-01-02', '2026-01-03', '2026-01-04']);
    expect(weekDates('2025-W53')).toBeNull();
    expect(weekDates('2026-W53')![3]).toBe('2026-12-31');
    expect(weekDates('2020-W53')![6]).toBe('2021-01-03');
  });
});
