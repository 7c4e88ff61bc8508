/**
 * Start times for the named days of step 3: on each day, a group's operators who work length r
 * get that day's planned shifts of length r (with the breaks step 2 placed). Pairing: the shifts
 * sorted by start, the operators by how much they want an early shift (preference, then the
 * late shifts they already have, for a fair rotation); then department members on a training day
 * swap onto shifts that hold their session, and any pairing that breaks the rest rule is swapped
 * or, failing that, left unfilled (repair takes it up).
 */
import type { Reservation } from './assign.ts';
import { breakPlan } from './breaks.ts';
import type { GroupDays } from './named.ts';
import type { Problem } from './problem.ts';
import type { ShiftColumns, ShiftPlan } from './shift-model.ts';
import type { ShiftTemplate } from './templates.ts';
import type { Assignment, Shortfall } from './types.ts';
import { hhmm, minutesOf } from './time.ts';

interface Slot {
  tpl: ShiftTemplate;
  /** The skill the shift answers (step 1 planned it per skill). */
  k: number;
  breakStarts: number[];
}

export interface NamedResult {
  assignments: Assignment[];
  unfilled: Shortfall[];
  fixedSkill: Map<Assignment, string | null>;
}

export function unfilledShortfall(
  problem: Problem,
  d: number,
  pool: number[],
  tpl: ShiftTemplate,
  why = 'no operator may legally work',
): Shortfall {
  const skill = pool.map((k) => problem.skills[k]);
  return {
    kind: 'unfilled_shift',
    date: problem.dates[d],
    skill: skill.join('+'),
    from: hhmm(tpl.startMin),
    to: hhmm(tpl.endMin),
    amount: 1,
    unit: 'shifts',
    message: `${why} ${hhmm(tpl.startMin)}–${hhmm(tpl.endMin)} on ${problem.dates[d]} (${skill.join('/')})`,
  };
}

export function assignStarts(
  problem: Problem,
  plan: ShiftPlan,
  columns: ShiftColumns,
  days: GroupDays[],
  reservations: Reservation[] = [],
): NamedResult {
  const { settings } = problem.input;
  const prefs = new Map(settings.preferences.map((p) => [p.agent_id, p]));
  const close = minutesOf(settings.opening.to);
  const rest = settings.rules.min_rest_hours * 60;
  const lates = new Map<number, number>();
  const last = new Map<number, Assignment>();
  const assignments: Assignment[] = [];
  const fixedSkill = new Map<Assignment, string | null>();
  const unfilled: Shortfall[] = [];
  // slots[d][g] per rule.
  const slots = problem.dates.map(() => problem.groups.map(() => new Map<number, Slot[]>()));
  columns.x.forEach((x, i) => {
    const n = plan.counts[i];
    if (n === 0) return;
    const tpl = problem.templates[x.t];
    const list = slots[x.d][x.g].get(tpl.rule) ?? [];
    for (const starts of breakPlan(tpl, plan.breakWeights[i], n)) list.push({ tpl, k: x.k, breakStarts: starts });
    slots[x.d][x.g].set(tpl.rule, list);
  });
  const restOk = (o: number, d: number, tpl: ShiftTemplate) => {
    const prev = last.get(o);
    return !prev || prev.date !== problem.dates[d - 1] || 1440 - prev.endMin + tpl.startMin >= rest;
  };
  problem.dates.forEach((date, d) => {
    for (const gd of days) {
      for (const [r, list] of slots[d][gd.g]) {
        const ops = gd.members.filter((_, i) => gd.work[i][d] === r);
        const want = (o: number) => {
          const p = prefs.get(problem.operators[o].agent_id);
          return (p?.shifts === 'early' ? 2 : p?.shifts === 'late' ? -2 : 0) + (lates.get(o) ?? 0) * 0.5;
        };
        ops.sort((a, b) => want(b) - want(a) || a - b);
        const sorted = [...list].sort((a, b) => a.tpl.startMin - b.tpl.startMin);
        const pairs: Array<[number, Slot]> = ops.slice(0, sorted.length).map((o, i) => [o, sorted[i]]);
        for (const s of sorted.slice(ops.length)) unfilled.push(unfilledShortfall(problem, d, [s.k], s.tpl));
        swapForTraining(
          problem,
          pairs,
          reservations.filter((x) => x.d === d),
        );
        for (let i = 0; i < pairs.length; i++) {
          if (restOk(pairs[i][0], d, pairs[i][1].tpl)) continue;
          const j = pairs.findIndex(
            ([o, s], k) => k !== i && restOk(o, d, pairs[i][1].tpl) && restOk(pairs[i][0], d, s.tpl),
          );
          if (j >= 0) [pairs[i][1], pairs[j][1]] = [pairs[j][1], pairs[i][1]];
        }
        for (const [o, s] of pairs) {
          if (!restOk(o, d, s.tpl)) {
            unfilled.push(unfilledShortfall(problem, d, [s.k], s.tpl, 'the rest rule leaves nobody for'));
            continue;
          }
          const op = problem.operators[o];
          const a: Assignment = {
            agent_id: op.agent_id,
            date,
            template: s.tpl.id,
            startMin: s.tpl.startMin,
            endMin: s.tpl.endMin,
            skill: problem.skills[s.k],
            breaks: s.tpl.breaks.map((w, k) => ({
              kind: w.kind,
              paid: w.paid,
              startMin: s.breakStarts[k],
              endMin: s.breakStarts[k] + w.minutes,
            })),
            activities: [],
          };
          fixedSkill.set(a, a.skill);
          if (s.tpl.endMin >= close - 60) lates.set(o, (lates.get(o) ?? 0) + 1);
          last.set(o, a);
          assignments.push(a);
        }
      }
    }
  });
  return { assignments, unfilled, fixedSkill };
}

/** Department members of a training that day take the shifts that hold the session. */
function swapForTraining(problem: Problem, pairs: Array<[number, Slot]>, sessions: Reservation[]): void {
  for (const session of sessions) {
    const holds = (s: Slot) => s.tpl.startMin <= session.startMin && s.tpl.endMin >= session.endMin;
    const inDept = (o: number) => problem.operators[o].department === session.department;
    for (const p of pairs) {
      if (!inDept(p[0]) || holds(p[1])) continue;
      const q = pairs.find(([o, s]) => !inDept(o) && holds(s));
      if (q) [p[1], q[1]] = [q[1], p[1]];
    }
  }
}
