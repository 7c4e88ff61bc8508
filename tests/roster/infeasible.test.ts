// Infeasible and nearly infeasible input: a clear report of what is short where, never a crash
// and never a roster that breaks a rule.
import { describe, expect, it } from 'vitest';
import { planRoster } from '../../src/domain/roster/plan-roster.ts';
import { validateRoster } from '../../src/domain/roster/validate.ts';
import { inProcessSolver } from '../../src/server/roster-solver.ts';
import { DATES, solverFindingNothing, testInput, toJson } from './fixtures.ts';

const check = (input: ReturnType<typeof testInput>, r: Awaited<ReturnType<typeof planRoster>>) =>
  expect(validateRoster(r.assignments.map(toJson), input.operators, input.settings, DATES).violations).toEqual([]);

describe('infeasible input', () => {
  it('no operators: every required interval is reported short', async () => {
    const input = { ...testInput(10, 0.5), operators: [] };
    const r = await planRoster(input, { solver: inProcessSolver });
    expect(r.assignments).toEqual([]);
    const short = r.shortfalls.filter((s) => s.kind === 'under_cover');
    const required = r.coverage.reduce((s, c) => s + c.required, 0) * 0.5;
    expect(short.reduce((s, x) => s + x.amount, 0)).toBeCloseTo(required, 6);
    expect(short[0].message).toMatch(/operator\(s\) short/);
    expect(r.shortfalls[0].message).toBe('no operator to roster: none is known (agents rows) or every one is excluded');
  });

  it(
    'far too few operators (demand 3 × supply): short intervals reported, rules kept',
    { timeout: 20_000 },
    async () => {
      const input = testInput(12, 3);
      const r = await planRoster(input, { solver: inProcessSolver });
      check(input, r);
      const under = r.shortfalls.filter((s) => s.kind === 'under_cover');
      expect(under.length).toBeGreaterThan(0);
      expect(under.every((s) => s.date && s.skill && s.from && s.to && s.amount > 0)).toBe(true);
    },
  );

  it(
    'nearly infeasible: everyone on leave but two days, and 3 consecutive days off required',
    { timeout: 20_000 },
    async () => {
      const base = testInput(16, 0.9);
      const leave = base.operators.map((o) => ({ agent_id: o.agent_id, from: DATES[2], to: DATES[6] }));
      const input = {
        ...base,
        settings: {
          ...base.settings,
          unavailability: leave,
          rules: { ...base.settings.rules, min_consecutive_days_off: 3 },
        },
      };
      const r = await planRoster(input, { solver: inProcessSolver });
      check(input, r);
      expect(r.assignments.every((a) => a.date <= DATES[1])).toBe(true);
      expect(r.shortfalls.some((s) => s.kind === 'under_cover' && s.date! > DATES[1])).toBe(true);
    },
  );

  it('a solver that finds nothing in time (a busy machine): a greedy roster that keeps every rule, said so', async () => {
    // QA: under load the default 500-operator week found neither the MIP nor its LP within the
    // limit, and `roster` answered no roster at all (exit 0).
    const input = testInput(12, 0.8);
    const r = await planRoster(input, { solver: solverFindingNothing });
    check(input, r);
    expect(r.status).toBe('feasible');
    expect(r.namedBy).toBe('greedy');
    expect(r.lowerBound).toBeNull();
    // Greedy still covers most of a 0.8 load (measured: 8.4 % of it short, the MIP roster 3.1 %).
    expect(r.assignments.length).toBeGreaterThan(20);
    const required = r.coverage.reduce((sum, c) => sum + c.required, 0);
    const short = r.coverage.reduce((sum, c) => sum + Math.max(0, c.required - c.scheduled), 0);
    expect(short / required).toBeLessThan(0.15);
    expect(r.shortfalls.map((x) => x.message)).toContainEqual(expect.stringMatching(/built greedily/));
  });

  it('rules that cannot hold together (no shift fits any contract, no one speaks kk)', async () => {
    const base = testInput(6, 0.5);
    const input = {
      ...base,
      operators: base.operators.map((o) => ({ ...o, languages: ['ru'], contract_hours_week: 50 })),
      settings: {
        ...base.settings,
        shifts: base.settings.shifts.map((s) => ({ ...s, contract_hours: { min: 0, max: 45 } })),
      },
    };
    const r = await planRoster(input, { solver: inProcessSolver });
    expect(r.assignments).toEqual([]);
    expect(r.shortfalls.filter((s) => s.kind === 'no_operators')).toHaveLength(6);
    expect(r.shortfalls.some((s) => s.kind === 'under_cover' && s.skill === 'kk')).toBe(true);
  });
});
