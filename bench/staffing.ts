/**
 * Benchmarks of the staffing plan (goals of issue 5; prints figures, asserts nothing):
 * - staffing for one year of 15-minute intervals for two skills, 70,080 intervals (goal < 1 s),
 *   with Erlang C and with Erlang A;
 * - the simulation check of one 500-operator day (goal < 2 s per replication).
 *   npx tsx bench/staffing.ts
 */
import { fitSkill, forecastSkill } from '../src/domain/forecast/fit.ts';
import { buildHistory } from '../src/domain/forecast/history.ts';
import { planStaffing } from '../src/domain/staffing/plan.ts';
import { simulateReplication } from '../src/domain/simulation/simulate-day.ts';
import { seededRandom } from '../src/domain/simulation/random.ts';
import { demoHistoryCells, timed } from './_planning-input.ts';

const models = buildHistory(demoHistoryCells('2026-08-01', '2026-11-27'), 15).map((h) => fitSkill(h));
const demand = models.flatMap((m) => forecastSkill(m, '2027-01-01', '2027-12-31'));
console.log(`intervals: ${demand.length} (${demand.filter((d) => d.calls > 0).length} with calls)`);
const settings = {
  intervalMinutes: 15,
  answerWithinSeconds: 20,
  targets: { serviceLevel: 0.8, asaSeconds: 30 },
  shrinkage: '0.3',
};
const planC = timed('staffing, Erlang C, 70,080 intervals (goal < 1 s)', () => planStaffing(demand, settings));
timed('staffing, Erlang A (patience 600 s), 70,080 intervals', () =>
  planStaffing(demand, { ...settings, patienceSeconds: { ru: 600, kk: 600 } }),
);
console.log(`peak operators on the phone: ${Math.max(...planC.map((p) => p.agents ?? 0))}`);

// A 500-operator day: the busiest ru day scaled so that its peak needs about 500 operators.
const day = planC.filter((p) => p.skill === 'ru' && p.date === '2027-03-02');
const peak = Math.max(...day.map((p) => p.agents ?? 0));
const scale = 500 / peak;
const big = planStaffing(
  day.map((p) => ({ ...p, calls: p.calls * scale })),
  settings,
);
const input = {
  intervalSeconds: 900,
  intervals: big.map((p) => ({ calls: p.calls, ahtSeconds: p.ahtSeconds, agents: p.agents ?? 0 })),
  answerWithinSeconds: 20,
  patienceSeconds: 600,
  replications: 1,
  seed: 7,
};
console.log(
  `simulated day: peak ${Math.max(...big.map((p) => p.agents ?? 0))} operators, ${Math.round(big.reduce((s, p) => s + p.calls, 0))} calls`,
);
for (let r = 0; r < 3; r++)
  timed(`simulation, one replication of a 500-operator day (goal < 2 s)`, () =>
    simulateReplication(input, seededRandom(r)),
  );
