/**
 * Placing trainings and coaching inside the named roster, where the roster has the most surplus
 * over the requirement: a session (or coaching hour) is never put where it pushes an interval
 * below its requirement when some placement does not (the least added deficit wins, then the most
 * attendees, then the largest remaining surplus). Breaks in the way move within their windows.
 */
import { breakFits } from '../roster/breaks.ts';
import type { Problem } from '../roster/problem.ts';
import type { Assignment, Shortfall } from '../roster/types.ts';
import { breakStarts } from '../roster/templates.ts';
import { hhmm, minutesOf } from '../roster/time.ts';
import type { Session } from './sessions.ts';

export interface Coachee {
  agent_id: string;
  reason: string;
}

export interface Placement {
  kind: 'training' | 'coaching';
  label: string;
  date: string;
  startMin: number;
  endMin: number;
  agent_ids: string[];
  /** Operators taken off the phone per skill. */
  removed: Record<string, number>;
  requested: number;
}

interface Candidate {
  a: Assignment;
  k: number;
  d: number;
}

/** Can the shift host [start, end) after moving its breaks within their windows? New break starts or null. */
function hostable(problem: Problem, a: Assignment, start: number, end: number): number[] | null {
  if (start < a.startMin || end > a.endMin || a.activities.some((x) => x.startMin < end && start < x.endMin))
    return null;
  const probe: Assignment = {
    ...a,
    breaks: a.breaks.map((b) => ({ ...b })),
    activities: [...a.activities, { kind: 'training', label: '', startMin: start, endMin: end }],
  };
  const tpl = problem.templates[a.template];
  const out: number[] = [];
  for (let j = 0; j < probe.breaks.length; j++) {
    const b = probe.breaks[j];
    const len = b.endMin - b.startMin;
    const options = [b.startMin, ...breakStarts(tpl.breaks[j], problem.intervalMinutes)];
    const fit = options.find((s) => breakFits(probe, j, s, len));
    if (fit === undefined) return null;
    probe.breaks[j] = { ...b, startMin: fit, endMin: fit + len };
    out.push(fit);
  }
  return out;
}

/** Deficit added by taking one more operator of skill k off the phone over [s0, s1) slots. */
function addedDeficit(
  problem: Problem,
  scheduled: number[][][],
  d: number,
  k: number,
  s0: number,
  s1: number,
  taken: number[],
): number {
  let v = 0;
  for (let s = s0; s < s1; s++) if (scheduled[d][k][s] - taken[s - s0] - 1 < problem.required[d][k][s]) v++;
  return v;
}

function surplus(problem: Problem, scheduled: number[][][], d: number, k: number, s0: number, s1: number): number {
  let v = Infinity;
  for (let s = s0; s < s1; s++) v = Math.min(v, scheduled[d][k][s] - problem.required[d][k][s]);
  return v;
}

function apply(
  problem: Problem,
  scheduled: number[][][],
  c: Candidate,
  start: number,
  end: number,
  kind: 'training' | 'coaching',
  label: string,
): void {
  const step = problem.intervalMinutes;
  const breaks = hostable(problem, c.a, start, end)!;
  c.a.breaks.forEach((b, j) => {
    for (let s = b.startMin / step; s < b.endMin / step; s++) scheduled[c.d][c.k][Math.floor(s)]++;
    const len = b.endMin - b.startMin;
    c.a.breaks[j] = { ...b, startMin: breaks[j], endMin: breaks[j] + len };
    for (let s = breaks[j] / step; s < (breaks[j] + len) / step; s++) scheduled[c.d][c.k][Math.floor(s)]--;
  });
  c.a.activities.push({ kind, label, startMin: start, endMin: end });
  for (let s = start / step; s < end / step; s++) scheduled[c.d][c.k][Math.floor(s)]--;
}

export function placeTrainings(
  problem: Problem,
  assignments: Assignment[],
  scheduled: number[][][],
  sessions: Session[],
  window: { from: string; to: string; minutes: number },
  coachees: Coachee[],
): { placements: Placement[]; shortfalls: Shortfall[] } {
  const step = problem.intervalMinutes;
  const dayOf = new Map(problem.dates.map((d, i) => [d, i]));
  const dept = new Map(problem.operators.map((o) => [o.agent_id, o.department]));
  const candidate = (a: Assignment): Candidate => ({ a, k: problem.skills.indexOf(a.skill), d: dayOf.get(a.date)! });
  const placements: Placement[] = [];
  const shortfalls: Shortfall[] = [];
  for (const session of sessions) {
    const length = session.endMin - session.startMin;
    const pool = assignments
      .filter((a) => a.date === problem.dates[session.d] && dept.get(a.agent_id) === session.department)
      .map(candidate);
    let best: { start: number; chosen: Candidate[]; key: number[] } | null = null;
    const starts = [session.startMin];
    for (let s = minutesOf(window.from); s + length <= minutesOf(window.to); s += step)
      if (s !== session.startMin) starts.push(s);
    for (const start of starts) {
      const s0 = start / step;
      const s1 = (start + length) / step;
      const taken = problem.skills.map(() => new Array<number>(s1 - s0).fill(0));
      const hosts = pool.filter((c) => hostable(problem, c.a, start, start + length));
      const chosen: Candidate[] = [];
      let deficit = 0;
      while (chosen.length < session.attendees) {
        let pick: Candidate | null = null;
        let pickCost = Infinity;
        for (const c of hosts) {
          if (chosen.includes(c)) continue;
          const cost =
            addedDeficit(problem, scheduled, c.d, c.k, s0, s1, taken[c.k]) * 1000 -
            surplus(problem, scheduled, c.d, c.k, s0, s1);
          if (cost < pickCost) [pick, pickCost] = [c, cost];
        }
        if (!pick) break;
        const p: Candidate = pick;
        deficit += addedDeficit(problem, scheduled, p.d, p.k, s0, s1, taken[p.k]);
        for (let i = 0; i < s1 - s0; i++) taken[p.k][i]++;
        chosen.push(p);
      }
      const slack = Math.min(...problem.skills.map((_, k) => surplus(problem, scheduled, session.d, k, s0, s1)));
      // Lexicographic: a full, deficit-free placement first; then most attendees, least deficit, most surplus.
      const key = [chosen.length === session.attendees && deficit === 0 ? 0 : 1, -chosen.length, deficit, -slack];
      if (!best || lexLess(key, best.key)) best = { start, chosen, key };
    }
    const label = `training: ${session.department}`;
    const chosen = best?.chosen ?? [];
    const start = best?.start ?? session.startMin;
    for (const c of chosen) apply(problem, scheduled, c, start, start + length, 'training', label);
    placements.push(
      record('training', label, problem.dates[session.d], start, start + length, chosen, session.attendees, problem),
    );
    if (chosen.length < session.attendees) {
      shortfalls.push({
        kind: 'training_attendees',
        date: problem.dates[session.d],
        from: hhmm(start),
        to: hhmm(start + length),
        amount: session.attendees - chosen.length,
        unit: 'attendees',
        message: `${session.department}: ${chosen.length} of ${session.attendees} attendees can join the training on ${problem.dates[session.d]}`,
      });
    }
  }
  for (const coachee of coachees) {
    const length = Math.ceil(window.minutes / step) * step;
    let best: { c: Candidate; start: number; cost: number } | null = null;
    for (const a of assignments.filter((x) => x.agent_id === coachee.agent_id)) {
      const c = candidate(a);
      for (let start = a.startMin; start + length <= a.endMin; start += step) {
        if (!hostable(problem, a, start, start + length)) continue;
        const s0 = start / step;
        const cost =
          addedDeficit(problem, scheduled, c.d, c.k, s0, s0 + length / step, new Array(length / step).fill(0)) * 1000 -
          surplus(problem, scheduled, c.d, c.k, s0, s0 + length / step);
        if (!best || cost < best.cost) best = { c, start, cost };
      }
    }
    if (!best) {
      shortfalls.push({
        kind: 'training_attendees',
        agent_id: coachee.agent_id,
        amount: 1,
        unit: 'attendees',
        message: `no shift of ${coachee.agent_id} can host coaching (${coachee.reason})`,
      });
      continue;
    }
    const label = `coaching: ${coachee.reason}`;
    apply(problem, scheduled, best.c, best.start, best.start + length, 'coaching', label);
    placements.push(record('coaching', label, best.c.a.date, best.start, best.start + length, [best.c], 1, problem));
  }
  return { placements, shortfalls };
}

function record(
  kind: Placement['kind'],
  label: string,
  date: string,
  startMin: number,
  endMin: number,
  chosen: Candidate[],
  requested: number,
  problem: Problem,
): Placement {
  const removed: Record<string, number> = {};
  for (const c of chosen) removed[problem.skills[c.k]] = (removed[problem.skills[c.k]] ?? 0) + 1;
  return { kind, label, date, startMin, endMin, agent_ids: chosen.map((c) => c.a.agent_id), removed, requested };
}

function lexLess(a: number[], b: number[]): boolean {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i] < b[i];
  return false;
}
