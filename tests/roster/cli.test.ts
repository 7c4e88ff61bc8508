// `kezek roster` / `kezek training`: bad usage exits 2 with one line; the JSON has exactly the
// documented shape (built here from a synthetic week, so no database is needed).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { trainingSettings } from '../../src/domain/roster/settings.ts';
import { planWeek } from '../../src/domain/training/plan-week.ts';
import { rosterJsonOf, trainingJsonOf } from '../../src/server/roster-json.ts';
import { inProcessSolver } from '../../src/server/roster-solver.ts';
import { solverFindingNothing, testInput, WEEK } from './fixtures.ts';

async function run(argv: string[]) {
  let out = '';
  let err = '';
  const code = await main(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t), isTTY: false });
  return { code, out, err };
}

describe('kezek roster / training', () => {
  it('exits 2 on bad usage', async () => {
    expect((await run(['roster'])).code).toBe(2);
    const bad = await run(['roster', '--week', '2026-W99']);
    expect(bad.code).toBe(2);
    expect(bad.err).toMatch(/ISO week/);
    expect((await run(['training', '--week', 'x'])).code).toBe(2);
  });

  it(
    'prints exactly {week, status, objective, lower_bound, gap, solve_s, assignments, coverage, shortfalls}',
    { timeout: 30_000 },
    async () => {
      const input = testInput(30, 0.6);
      const plan = await planWeek(
        input,
        trainingSettings({
          weekly: [{ department: '*', weekday: 4, minutes: 60, attendees: 2, from: '09:00', to: '21:00' }],
        }),
        [{ agent_id: input.operators[0].agent_id, reason: '1 complaint' }],
        { answerWithinSeconds: 20, replications: 0 },
        { solver: inProcessSolver },
      );
      const json = JSON.parse(JSON.stringify(rosterJsonOf(WEEK, plan)));
      expect(Object.keys(json)).toEqual([
        'week',
        'status',
        'objective',
        'lower_bound',
        'gap',
        'solve_s',
        'assignments',
        'coverage',
        'shortfalls',
      ]);
      expect(json.gap).toBeCloseTo((json.objective - json.lower_bound) / json.objective, 12);
      const a = json.assignments[0];
      expect(Object.keys(a)).toEqual(['agent_id', 'date', 'start', 'end', 'skill', 'breaks', 'activities']);
      expect(a.start).toMatch(/^\d{2}:\d{2}$/);
      expect(Object.keys(a.breaks[0])).toEqual(['start', 'end']);
      expect(json.assignments.some((x: { activities: unknown[] }) => x.activities.length > 0)).toBe(true);
      expect(Object.keys(json.coverage[0])).toEqual(['interval_start', 'skill', 'required', 'scheduled']);
      const training = trainingJsonOf(WEEK, plan);
      expect(training.sessions.some((s) => s.kind === 'coaching')).toBe(true);
      expect(training.sessions.some((s) => s.kind === 'training')).toBe(true);
    },
  );

  it('training says when the roster under it was built greedily (QA: it said nothing)', async () => {
    const input = testInput(12, 0.6);
    const plan = await planWeek(
      input,
      trainingSettings(),
      [],
      { answerWithinSeconds: 20, replications: 0 },
      {
        solver: solverFindingNothing,
      },
    );
    const messages = trainingJsonOf(WEEK, plan).shortfalls.map((s) => s.message);
    expect(messages).toContainEqual(expect.stringMatching(/built greedily/));
  });
});
