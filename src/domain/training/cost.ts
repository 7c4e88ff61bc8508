/**
 * The service-level cost of each placement: the same intervals with and without the operators it
 * takes off the phone, by Erlang (staffingMetrics, DESIGN §6) and by the discrete-event simulation
 * of Planning I. Operators on the phone = scheduled × (agents / required) of the staffing plan,
 * i.e. after its shrinkage; the service level is call-weighted over the placement's intervals.
 */
import { staffingMetrics } from '../erlang/staffing.ts';
import { simulateDay } from '../simulation/simulate-day.ts';
import type { Problem } from '../roster/problem.ts';
import { hhmm } from '../roster/time.ts';
import type { Placement } from './place.ts';

export interface PlacementCost {
  skill: string;
  erlang: { before: number | null; after: number | null };
  simulated: { before: number | null; after: number | null };
}

export interface CostSettings {
  answerWithinSeconds: number;
  patienceSeconds?: Record<string, number | null>;
  replications: number;
}

export function placementCosts(
  problem: Problem,
  scheduled: number[][][],
  p: Placement,
  settings: CostSettings,
): PlacementCost[] {
  const step = problem.intervalMinutes;
  const d = problem.dates.indexOf(p.date);
  const rows = new Map(problem.input.requirement.map((r) => [`${r.interval_start}|${r.skill}`, r]));
  return Object.entries(p.removed).map(([skill, removed]) => {
    const k = problem.skills.indexOf(skill);
    const patience = settings.patienceSeconds?.[skill] ?? undefined;
    const slots: number[] = [];
    for (let s = p.startMin / step; s < p.endMin / step; s++) slots.push(Math.floor(s));
    const loads = slots.map((s) => {
      const r = rows.get(`${p.date}T${hhmm(s * step)}|${skill}`);
      const ratio = r && r.agents != null && r.required > 0 ? r.agents / r.required : 1;
      const onPhone = (n: number) => Math.max(0, Math.floor(n * ratio + 1e-9));
      return {
        calls: r?.calls ?? 0,
        aht: r?.aht_s ?? 0,
        after: onPhone(scheduled[d][k][s]),
        before: onPhone(scheduled[d][k][s] + removed),
      };
    });
    const withCalls = loads.filter((l) => l.calls > 0 && l.aht > 0);
    if (withCalls.length === 0)
      return { skill, erlang: { before: null, after: null }, simulated: { before: null, after: null } };
    const calls = withCalls.reduce((v, l) => v + l.calls, 0);
    const erlang = (which: 'before' | 'after') =>
      withCalls.reduce((v, l) => {
        const m = staffingMetrics(
          {
            calls: l.calls,
            ahtSeconds: l.aht,
            intervalSeconds: step * 60,
            answerWithinSeconds: settings.answerWithinSeconds,
            patienceSeconds: patience,
          },
          l[which],
        );
        return v + (m.serviceLevel ?? 0) * l.calls;
      }, 0) / calls;
    const simulate = (which: 'before' | 'after') => {
      if (settings.replications < 2) return null;
      const r = simulateDay({
        intervalSeconds: step * 60,
        intervals: withCalls.map((l) => ({ calls: l.calls, ahtSeconds: l.aht, agents: l[which] })),
        answerWithinSeconds: settings.answerWithinSeconds,
        patienceSeconds: patience,
        replications: settings.replications,
        seed: 1414,
      });
      return r.serviceLevel.mean;
    };
    return {
      skill,
      erlang: { before: erlang('before'), after: erlang('after') },
      simulated: { before: simulate('before'), after: simulate('after') },
    };
  });
}
