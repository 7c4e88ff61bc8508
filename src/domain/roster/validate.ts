/**
 * An independent check of a roster against every labour rule, written against the output
 * format (`kezek roster --json` assignments) and the config alone — it shares no code with the
 * model, so tests can trust it, and the planner page runs it on manual edits.
 */
import type { RosterSettings } from './settings.ts';

export interface RosterAssignmentJson {
  agent_id: string;
  date: string;
  start: string;
  end: string;
  skill: string;
  breaks: Array<{ start: string; end: string }>;
  activities: Array<{ kind: string; start: string; end: string }>;
}

export interface OperatorFacts {
  agent_id: string;
  languages: string[];
  contract_hours_week: number;
}

export type RuleName =
  | 'unknown_operator'
  | 'skill'
  | 'shift_template'
  | 'opening_hours'
  | 'breaks'
  | 'overlap'
  | 'one_shift_a_day'
  | 'max_days_per_week'
  | 'min_rest'
  | 'consecutive_days_off'
  | 'hours_above_contract'
  | 'unavailable'
  | 'hours_below_contract';

export interface RuleIssue {
  rule: RuleName;
  agent_id: string;
  date?: string;
  message: string;
}

export interface ValidationReport {
  /** Hard rules broken. */
  violations: RuleIssue[];
  /** Soft rules missed (weekly hours below the contract's lower band). */
  warnings: RuleIssue[];
}

const mins = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));
const dayNumber = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);

export function validateRoster(
  assignments: RosterAssignmentJson[],
  operators: OperatorFacts[],
  settings: RosterSettings,
  weekDates: string[],
): ValidationReport {
  const violations: RuleIssue[] = [];
  const warnings: RuleIssue[] = [];
  const ops = new Map(operators.map((o) => [o.agent_id, o]));
  const issue = (rule: RuleName, a: { agent_id: string; date?: string }, message: string) =>
    violations.push({ rule, agent_id: a.agent_id, date: a.date, message });
  const open = mins(settings.opening.from);
  const close = mins(settings.opening.to);
  const byAgent = new Map<string, RosterAssignmentJson[]>();
  for (const a of assignments) byAgent.set(a.agent_id, [...(byAgent.get(a.agent_id) ?? []), a]);

  for (const a of assignments) {
    const op = ops.get(a.agent_id);
    if (!op) {
      issue('unknown_operator', a, `${a.agent_id} is not an operator`);
      continue;
    }
    if (!op.languages.includes(a.skill)) issue('skill', a, `${a.agent_id} does not speak ${a.skill}`);
    const start = mins(a.start);
    const end = mins(a.end);
    const rule = settings.shifts.find((r) => Math.round(r.hours * 60) === end - start);
    if (!rule) {
      issue('shift_template', a, `${a.start}–${a.end} is no configured shift length`);
    } else if (op.contract_hours_week < rule.contract_hours.min || op.contract_hours_week > rule.contract_hours.max) {
      issue('shift_template', a, `${rule.hours}-hour shifts are not for a ${op.contract_hours_week}-hour contract`);
    }
    if (start < open || end > close || start % settings.start_every_minutes !== 0)
      issue('opening_hours', a, `${a.start}–${a.end} is outside the opening hours or the start grid`);
    if (rule) {
      const want = [...rule.breaks].sort((x, y) => x.from_minutes - y.from_minutes);
      const got = [...a.breaks].sort((x, y) => mins(x.start) - mins(y.start));
      const ok =
        got.length === want.length &&
        got.every((b, i) => {
          const at = mins(b.start) - start;
          return (
            mins(b.end) - mins(b.start) === want[i].minutes &&
            at >= want[i].from_minutes &&
            at <= want[i].to_minutes &&
            mins(b.end) <= end
          );
        });
      if (!ok)
        issue(
          'breaks',
          a,
          `breaks ${got.map((b) => `${b.start}–${b.end}`).join(', ') || 'none'} do not match the ${rule.hours}-hour shift's rules`,
        );
    }
    const spans = [...a.breaks, ...a.activities].map((x) => [mins(x.start), mins(x.end)]).sort((x, y) => x[0] - y[0]);
    if (spans.some(([s, e], i) => s < start || e > end || s >= e || (i > 0 && s < spans[i - 1][1]))) {
      issue('overlap', a, 'breaks and activities must lie inside the shift without overlapping');
    }
    if (settings.unavailability.some((u) => u.agent_id === a.agent_id && a.date >= u.from && a.date <= u.to))
      issue('unavailable', a, `${a.agent_id} is unavailable on ${a.date}`);
  }

  const { rules } = settings;
  for (const [agent, list] of byAgent) {
    const op = ops.get(agent);
    if (!op) continue;
    const sorted = [...list].sort((x, y) => (x.date + x.start < y.date + y.start ? -1 : 1));
    const dates = new Set<string>();
    for (const a of sorted) {
      if (dates.has(a.date)) issue('one_shift_a_day', a, `${agent} has two shifts on ${a.date}`);
      dates.add(a.date);
    }
    for (let i = 1; i < sorted.length; i++) {
      const prevEnd = dayNumber(sorted[i - 1].date) * 1440 + mins(sorted[i - 1].end);
      const nextStart = dayNumber(sorted[i].date) * 1440 + mins(sorted[i].start);
      if (nextStart - prevEnd < rules.min_rest_hours * 60)
        issue('min_rest', sorted[i], `only ${((nextStart - prevEnd) / 60).toFixed(1)} h rest before ${sorted[i].date}`);
    }
    if (dates.size > rules.max_days_per_week)
      issue('max_days_per_week', { agent_id: agent }, `${agent} works ${dates.size} days`);
    let run = 0;
    let longest = 0;
    for (const d of weekDates) {
      run = dates.has(d) ? 0 : run + 1;
      longest = Math.max(longest, run);
    }
    if (longest < rules.min_consecutive_days_off)
      issue('consecutive_days_off', { agent_id: agent }, `${agent} has at most ${longest} consecutive days off`);
    const paid = sorted.reduce((s, a) => {
      const unpaid = paidMinutesOff(a, settings);
      return s + (mins(a.end) - mins(a.start) - unpaid) / 60;
    }, 0);
    if (paid > op.contract_hours_week + rules.hours_above_contract + 1e-9)
      issue(
        'hours_above_contract',
        { agent_id: agent },
        `${agent} works ${paid} h > contract ${op.contract_hours_week} h`,
      );
    const leave = weekDates.filter((d) =>
      settings.unavailability.some((u) => u.agent_id === agent && d >= u.from && d <= u.to),
    ).length;
    const floor =
      (op.contract_hours_week - rules.hours_below_contract) *
      Math.min(1, (weekDates.length - leave) / rules.max_days_per_week);
    if (paid < floor - 1e-9)
      warnings.push({
        rule: 'hours_below_contract',
        agent_id: agent,
        message: `${agent} works ${paid} h < ${floor.toFixed(1)} h`,
      });
  }
  return { violations, warnings };
}

/** Unpaid minutes of a shift: the lunches (breaks matched to the rules by length). */
function paidMinutesOff(a: RosterAssignmentJson, settings: RosterSettings): number {
  const rule = settings.shifts.find((r) => Math.round(r.hours * 60) === mins(a.end) - mins(a.start));
  return rule ? rule.breaks.filter((b) => !b.paid).reduce((s, b) => s + b.minutes, 0) : 0;
}

/** Operators on duty per interval from the output format (for live checks of manual edits). */
export function coverageOf(assignments: RosterAssignmentJson[], intervalMinutes: number): Map<string, number> {
  const out = new Map<string, number>();
  const pad = (n: number) => String(n).padStart(2, '0');
  for (const a of assignments) {
    const off = [...a.breaks, ...a.activities].map((x) => [mins(x.start), mins(x.end)]);
    for (let t = mins(a.start); t < mins(a.end); t += intervalMinutes) {
      if (off.some(([s, e]) => t >= s && t < e)) continue;
      const key = `${a.date}T${pad(Math.floor(t / 60))}:${pad(t % 60)}|${a.skill}`;
      out.set(key, (out.get(key) ?? 0) + 1);
    }
  }
  return out;
}
