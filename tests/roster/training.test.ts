// Training placement never pushes an interval below its requirement when a placement exists that
// does not (randomised instances, checked by brute force); sessions reserved in the requirement.
import { describe, expect, it } from 'vitest';
import { scheduledGrid } from '../../src/domain/roster/coverage.ts';
import { prepareProblem } from '../../src/domain/roster/problem.ts';
import { hhmm } from '../../src/domain/roster/time.ts';
import type { Assignment } from '../../src/domain/roster/types.ts';
import { placeTrainings } from '../../src/domain/training/place.ts';
import { reserveSessions } from '../../src/domain/training/sessions.ts';
import { trainingSettings } from '../../src/domain/roster/settings.ts';
import { DATES, testSettings } from './fixtures.ts';

function rng(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

function instance(seed: number) {
  const r = rng(seed);
  const operators = Array.from({ length: 6 }, (_, i) => ({
    agent_id: `o${i}`,
    name: `o${i}`,
    site: 'Astana',
    department: i < 3 ? 'A' : 'B',
    languages: ['ru'],
    contract_hours_week: 40,
  }));
  const requirement = [];
  for (let t = 9 * 60; t < 21 * 60; t += 30)
    requirement.push({ interval_start: `${DATES[0]}T${hhmm(t)}`, skill: 'ru', required: Math.floor(r() * 6) });
  const problem = prepareProblem({
    dates: DATES,
    intervalMinutes: 30,
    requirement,
    operators,
    settings: testSettings(),
  });
  const eight = problem.templates.filter((t) => t.endMin - t.startMin === 480);
  const assignments: Assignment[] = operators.map((o) => {
    const tpl = eight[Math.floor(r() * eight.length)];
    return {
      agent_id: o.agent_id,
      date: DATES[0],
      template: tpl.id,
      startMin: tpl.startMin,
      endMin: tpl.endMin,
      skill: 'ru',
      breaks: [],
      activities: [],
    };
  });
  return { problem, assignments };
}

/** Intervals a coaching hour at `start` would push (or keep) below the requirement. */
function deficit(p: ReturnType<typeof instance>['problem'], sch: number[][][], start: number): number {
  let v = 0;
  for (let s = start / 30; s < start / 30 + 2; s++) if (sch[0][0][s] - 1 < p.required[0][0][s]) v++;
  return v;
}

describe('training placement', () => {
  it('coaching: zero added deficit whenever some window of the shift has none (200 random days)', () => {
    for (let seed = 1; seed <= 200; seed++) {
      const { problem, assignments } = instance(seed);
      const sch = scheduledGrid(problem, assignments);
      const a = assignments[0];
      let feasible = false;
      for (let s = a.startMin; s + 60 <= a.endMin; s += 30) if (deficit(problem, sch, s) === 0) feasible = true;
      const { placements } = placeTrainings(
        problem,
        assignments,
        sch,
        [],
        { from: '09:00', to: '21:00', minutes: 60 },
        [{ agent_id: 'o0', reason: 'test' }],
      );
      expect(placements).toHaveLength(1);
      const before = scheduledGrid(
        problem,
        assignments.map((x) => ({ ...x, activities: [] })),
      );
      const chosen = deficit(problem, before, placements[0].startMin);
      if (feasible) expect(chosen, `seed ${seed}`).toBe(0);
    }
  });

  it('department sessions are reserved in the requirement where it is lowest and then placed', () => {
    const { problem, assignments } = instance(7);
    const settings = trainingSettings({
      weekly: [{ department: 'A', weekday: 1, minutes: 60, attendees: 2, from: '09:00', to: '21:00' }],
    });
    const { sessions, reserved } = reserveSessions(problem, settings);
    expect(sessions).toHaveLength(1);
    const s0 = sessions[0].startMin / 30;
    expect(reserved[0][0][s0]).toBe(2);
    const sch = scheduledGrid(problem, assignments);
    const { placements } = placeTrainings(
      problem,
      assignments,
      sch,
      sessions,
      { from: '09:00', to: '21:00', minutes: 60 },
      [],
    );
    expect(placements[0].agent_ids.length).toBeGreaterThan(0);
    for (const id of placements[0].agent_ids) expect(['o0', 'o1', 'o2']).toContain(id);
  });
});
