/**
 * Which language a multi-skill (bilingual) operator answers on each shift: the plan split their
 * on-duty time continuously; a named shift takes one skill, chosen greedily for the largest
 * unmet requirement over the shift's on-duty intervals, then improved by re-choosing each shift.
 */
import type { Problem } from './problem.ts';
import type { Assignment } from './types.ts';

function onDutySlots(a: Assignment, step: number): number[] {
  const off = new Set<number>();
  for (const x of [...a.breaks, ...a.activities])
    for (let s = Math.floor(x.startMin / step); s < Math.ceil(x.endMin / step); s++) off.add(s);
  const out: number[] = [];
  for (let s = Math.floor(a.startMin / step); s < Math.ceil(a.endMin / step); s++) if (!off.has(s)) out.push(s);
  return out;
}

/** Sets `skill` of every assignment whose fixed skill is null; `scheduled` is updated in place. */
export function chooseSkills(problem: Problem, flexible: Assignment[], scheduled: number[][][], passes = 3): void {
  const dayOf = new Map(problem.dates.map((d, i) => [d, i]));
  const step = problem.intervalMinutes;
  const speaks = new Map(problem.operators.map((o) => [o.agent_id, problem.pools[o.pool]]));
  const placed = new Set<Assignment>();
  for (let pass = 0; pass < passes; pass++) {
    let changed = false;
    for (const a of flexible) {
      const d = dayOf.get(a.date)!;
      const slots = onDutySlots(a, step);
      const before = a.skill;
      if (placed.has(a)) for (const s of slots) scheduled[d][problem.skills.indexOf(a.skill)][s]--;
      let best = -Infinity;
      for (const k of speaks.get(a.agent_id) ?? []) {
        // Gain: intervals where one more operator meets unmet requirement; small tie-break on the gap.
        const gain = slots.reduce((v, s) => {
          const gap = problem.required[d][k][s] - scheduled[d][k][s];
          return v + (gap > 0 ? 1 + gap * 1e-3 : 0);
        }, 0);
        if (gain > best) [best, a.skill] = [gain, problem.skills[k]];
      }
      for (const s of slots) scheduled[d][problem.skills.indexOf(a.skill)][s]++;
      if (placed.has(a) && a.skill !== before) changed = true;
      placed.add(a);
    }
    if (!changed && pass > 0) break;
  }
}
