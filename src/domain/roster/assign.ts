/**
 * Step 3, named operators: each group's planned shifts go to its operators. First every operator
 * gets a day-off run (the plan's pattern counts, leave and preferences decide whose), then day by
 * day each shift goes to the eligible operator who most needs the hours, with late shifts rotated
 * and preferences weighed. Every labour rule is checked before a shift is given (a hard rule is
 * never broken); a shift nobody may legally take stays unfilled and is reported.
 */
import { breakPlan } from './breaks.ts';
import type { PreparedOperator, Problem } from './problem.ts';
import type { ShiftColumns, ShiftPlan } from './shift-model.ts';
import type { ShiftTemplate } from './templates.ts';
import type { Assignment, Shortfall } from './types.ts';
import { hhmm, minutesOf } from './time.ts';
import { isoWeekday as isoWeekdayOf } from '../time/local-dates.ts';

/** A department's training session reserved on day d (shifts covering it are preferred). */
export interface Reservation {
  department: string;
  d: number;
  startMin: number;
  endMin: number;
}

interface Slot {
  d: number;
  g: number;
  /** The skill step 1 planned the shift for. */
  k: number;
  tpl: ShiftTemplate;
  breakStarts: number[];
}

interface State {
  op: PreparedOperator;
  /** Shifts per rule (length) this operator's tour still holds; null = no tour (free). */
  tour: Map<number, number> | null;
  offRun: number;
  days: Array<Assignment | null>;
  hours: number;
  lates: number;
}

export interface AssignResult {
  assignments: Assignment[];
  unfilled: Shortfall[];
  /** Skill fixed by the slot (single-skill pools), per assignment; null = the operator's choice. */
  fixedSkill: Map<Assignment, string | null>;
}

export function assignOperators(
  problem: Problem,
  plan: ShiftPlan,
  columns: ShiftColumns,
  reservations: Reservation[] = [],
): AssignResult {
  const { rules } = problem.input.settings;
  const prefs = new Map(problem.input.settings.preferences.map((p) => [p.agent_id, p]));
  const states: State[] = problem.operators.map((op) => ({
    op,
    tour: null,
    offRun: -1,
    days: problem.dates.map(() => null),
    hours: 0,
    lates: 0,
  }));
  const weekdays = problem.dates.map(isoWeekdayOf);
  const m = rules.min_consecutive_days_off;
  const inRun = (r: number, d: number) => r >= 0 && d >= r && d < r + m;

  problem.groups.forEach((group, g) => {
    const left = [...(plan.patterns[g] ?? [])];
    const members = group.members.map((i) => states[i]).sort((a, b) => unavailable(b) - unavailable(a));
    for (const s of members) {
      const p = prefs.get(s.op.agent_id);
      let best = -1;
      let bestScore = -Infinity;
      left.forEach((count, r) => {
        let score = count > 0 ? 100 : 0;
        for (let d = r; d < r + m && d < problem.dates.length; d++) {
          if (!s.op.available[d]) score += 10;
          if (p?.weekends_off && weekdays[d] >= 6) score += 3;
          if (p?.days_off?.includes(weekdays[d])) score += 2;
        }
        if (score > bestScore) [best, bestScore] = [r, score];
      });
      s.offRun = best;
      if (best >= 0 && left[best] > 0) left[best]--;
    }
    // Tours: the operators with the fewest available days take the shortest tours.
    const tours = (plan.tours[g] ?? []).flatMap((t) => new Array<Map<number, number>>(t.operators).fill(t.rules));
    tours.sort((a, b) => [...a.values()].reduce((x, y) => x + y, 0) - [...b.values()].reduce((x, y) => x + y, 0));
    members.forEach((s, i) => (s.tour = tours[i] ? new Map(tours[i]) : null));
  });

  const slots: Slot[] = [];
  columns.x.forEach((x, i) => {
    const n = plan.counts[i];
    if (n === 0) return;
    const tpl = problem.templates[x.t];
    for (const starts of breakPlan(tpl, plan.breakWeights[i], n))
      slots.push({ d: x.d, g: x.g, k: x.k, tpl, breakStarts: starts });
  });
  // Tightest days first: the most shifts per operator whose day-off run leaves the day working.
  const tightness = problem.dates.map((_, d) => {
    const shifts = slots.filter((x) => x.d === d).length;
    const free = states.filter((s) => s.op.available[d] && !inRun(s.offRun, d)).length;
    return shifts / Math.max(1, free);
  });
  slots.sort(
    (a, b) =>
      tightness[b.d] - tightness[a.d] ||
      a.d - b.d ||
      b.tpl.paidMinutes - a.tpl.paidMinutes ||
      b.tpl.endMin - a.tpl.endMin,
  );

  const shortestPaid = problem.operators.map((o) =>
    Math.min(...o.templates.map((t) => problem.templates[t].paidMinutes / 60)),
  );
  const close = minutesOf(problem.input.settings.opening.to);
  const open = minutesOf(problem.input.settings.opening.from);
  let useTours = true;
  const canWork = (s: State, d: number, tpl: ShiftTemplate): boolean => {
    if (useTours && s.tour && !((s.tour.get(tpl.rule) ?? 0) > 0)) return false;
    if (!s.op.available[d] || s.days[d] || inRun(s.offRun, d) || !s.op.templates.includes(tpl.id)) return false;
    if (s.days.filter(Boolean).length >= rules.max_days_per_week) return false;
    if (s.hours + tpl.paidMinutes / 60 > s.op.maxHours + 1e-9) return false;
    const rest = rules.min_rest_hours * 60;
    const prev = s.days[d - 1];
    if (prev && 1440 - prev.endMin + tpl.startMin < rest) return false;
    const next = s.days[d + 1];
    if (next && 1440 - tpl.endMin + next.startMin < rest) return false;
    return (
      problem.dates.length < 7 ||
      hasOffRun(
        s.days.map((a, e) => a !== null || e === d),
        m,
      )
    );
  };
  const score = (s: State, slot: Slot, foreign: boolean): number => {
    const { d, tpl } = slot;
    const daysLeft = problem.dates.filter(
      (_, e) => e >= d && !s.days[e] && s.op.available[e] && !inRun(s.offRun, e),
    ).length;
    let v = ((s.op.minHours - s.hours) / Math.max(1, daysLeft)) * 10;
    // Keep hours for the other working days of the run: the shortest shift this operator may work.
    const budget = s.op.maxHours - s.hours - tpl.paidMinutes / 60;
    if (budget < (daysLeft - 1) * shortestPaid[s.op.index] - 1e-9) v -= 20;
    const late = tpl.endMin >= close - 60;
    if (late) v -= s.lates * 3;
    const p = prefs.get(s.op.agent_id);
    if (p?.shifts === 'late') v += late ? 2 : -2;
    if (p?.shifts === 'early') v += tpl.startMin <= open + 60 ? 2 : -2;
    if (p?.days_off?.includes(weekdays[d])) v -= 4;
    if (p?.weekends_off && weekdays[d] >= 6) v -= 4;
    if (
      reservations.some(
        (r) => r.d === d && r.department === s.op.department && tpl.startMin <= r.startMin && tpl.endMin >= r.endMin,
      )
    )
      v += 3;
    return foreign ? v - 5 : v;
  };

  const assignments: Assignment[] = [];
  const fixedSkill = new Map<Assignment, string | null>();
  const unfilled: Shortfall[] = [];
  for (const slot of slots) {
    const pool = [slot.k];
    let pick: State | null = null;
    let best = -Infinity;
    const consider = (s: State, foreign: boolean) => {
      if (!canWork(s, slot.d, slot.tpl)) return;
      const v = score(s, slot, foreign);
      if (v > best) [pick, best] = [s, v];
    };
    for (const i of problem.groups[slot.g].members) consider(states[i], false);
    if (!pick) {
      // Outside the tours, still within every rule.
      useTours = false;
      for (const i of problem.groups[slot.g].members) consider(states[i], false);
    }
    if (!pick) {
      // Anyone else who speaks the slot's languages and may work its template.
      for (const s of states)
        if (s.op.group !== slot.g && pool.every((k) => problem.pools[s.op.pool].includes(k))) consider(s, true);
    }
    useTours = true;
    const chosen = pick as State | null;
    if (!chosen) {
      unfilled.push({
        kind: 'unfilled_shift',
        date: problem.dates[slot.d],
        skill: pool.map((k) => problem.skills[k]).join('+'),
        from: hhmm(slot.tpl.startMin),
        to: hhmm(slot.tpl.endMin),
        amount: 1,
        unit: 'shifts',
        message: `no operator may legally work ${hhmm(slot.tpl.startMin)}–${hhmm(slot.tpl.endMin)} on ${problem.dates[slot.d]} (${pool.map((k) => problem.skills[k]).join('/')})`,
      });
      continue;
    }
    const a: Assignment = {
      agent_id: chosen.op.agent_id,
      date: problem.dates[slot.d],
      template: slot.tpl.id,
      startMin: slot.tpl.startMin,
      endMin: slot.tpl.endMin,
      skill: problem.skills[slot.k],
      breaks: slot.tpl.breaks.map((w, k) => ({
        kind: w.kind,
        paid: w.paid,
        startMin: slot.breakStarts[k],
        endMin: slot.breakStarts[k] + w.minutes,
      })),
      activities: [],
    };
    fixedSkill.set(a, a.skill);
    if (chosen.tour?.has(slot.tpl.rule))
      chosen.tour.set(slot.tpl.rule, Math.max(0, chosen.tour.get(slot.tpl.rule)! - 1));
    chosen.days[slot.d] = a;
    chosen.hours += slot.tpl.paidMinutes / 60;
    if (slot.tpl.endMin >= close - 60) chosen.lates++;
    assignments.push(a);
  }
  return { assignments, unfilled, fixedSkill };
}

function unavailable(s: State): number {
  return s.op.available.filter((x) => !x).length;
}

/** Does the week (worked[d]) keep a run of `length` consecutive days off? */
export function hasOffRun(worked: boolean[], length: number): boolean {
  let run = 0;
  for (const w of worked) {
    run = w ? 0 : run + 1;
    if (run >= length) return true;
  }
  return length <= 0;
}
