/**
 * The roster instance in index form: days × skills × intervals of requirement, operators with
 * their pool (the planned skills they speak), the templates they may work and the days they are
 * available, and groups of interchangeable operators: pool × contract hours × the days they are
 * available (research/roster-solver.md: the plan must respect what each individual can work, so
 * that every group's shifts split into legal individual weeks).
 */
import type { RosterSettings } from './settings.ts';
import { shiftTemplates, templatesFor, type ShiftTemplate } from './templates.ts';
import type { Operator, RequirementRow, Shortfall } from './types.ts';
import { minutesOf } from './time.ts';

export interface RosterInput {
  /** The seven local dates of the week (or any run of consecutive dates). */
  dates: string[];
  intervalMinutes: number;
  requirement: RequirementRow[];
  operators: Operator[];
  settings: RosterSettings;
}

export interface PreparedOperator extends Operator {
  index: number;
  /** Index into `pools`. */
  pool: number;
  group: number;
  templates: number[];
  /** available[d]: not on leave that day. */
  available: boolean[];
  minHours: number;
  maxHours: number;
}

export interface Group {
  pool: number;
  templates: number[];
  members: number[];
  /** Shared by every member: weekly hours band and the days they are available. */
  minHours: number;
  maxHours: number;
  available: boolean[];
}

export interface Problem {
  input: RosterInput;
  dates: string[];
  intervalMinutes: number;
  slotsPerDay: number;
  skills: string[];
  /** required[d][k][slot]. */
  required: number[][][];
  templates: ShiftTemplate[];
  /** Each pool is a sorted list of skill indexes. */
  pools: number[][];
  groups: Group[];
  operators: PreparedOperator[];
  /** Operators who speak no planned skill or may work no template. */
  excluded: Shortfall[];
  openSlot: number;
  closeSlot: number;
}

export function prepareProblem(input: RosterInput): Problem {
  const { dates, intervalMinutes, settings } = input;
  if (!(intervalMinutes > 0 && 1440 % intervalMinutes === 0))
    throw new RangeError(`interval minutes must divide a day, got ${intervalMinutes}`);
  const slotsPerDay = 1440 / intervalMinutes;
  const skills = [...new Set(input.requirement.map((r) => r.skill))].sort();
  const dayIndex = new Map(dates.map((d, i) => [d, i]));
  const required = dates.map(() => skills.map(() => new Array<number>(slotsPerDay).fill(0)));
  for (const r of input.requirement) {
    const d = dayIndex.get(r.interval_start.slice(0, 10));
    if (d === undefined) continue;
    const slot = Math.floor(minutesOf(r.interval_start.slice(11, 16)) / intervalMinutes);
    required[d][skills.indexOf(r.skill)][slot] += Math.max(0, r.required);
  }
  const templates = shiftTemplates(settings, intervalMinutes);
  const poolKeys = new Map<string, number>();
  const pools: number[][] = [];
  const groupKeys = new Map<string, number>();
  const groups: Group[] = [];
  const operators: PreparedOperator[] = [];
  const excluded: Shortfall[] = [];
  const leave = leaveDays(settings, dates);
  for (const op of input.operators) {
    const spoken = skills.map((s, k) => (op.languages.includes(s) ? k : -1)).filter((k) => k >= 0);
    const allowed = templatesFor(templates, settings, op.contract_hours_week);
    if (spoken.length === 0 || allowed.length === 0) {
      const why =
        spoken.length === 0
          ? `speaks none of ${skills.join(', ')}`
          : `no shift template fits a ${op.contract_hours_week}-hour contract`;
      excluded.push({
        kind: 'no_operators',
        agent_id: op.agent_id,
        amount: 1,
        unit: 'operators',
        message: `${op.agent_id} is not rostered: ${why}`,
      });
      continue;
    }
    const poolKey = spoken.join(',');
    if (!poolKeys.has(poolKey)) poolKeys.set(poolKey, pools.push(spoken) - 1);
    const pool = poolKeys.get(poolKey)!;
    const available = dates.map((d) => !leave.get(op.agent_id)?.has(d));
    const share = Math.min(1, available.filter(Boolean).length / settings.rules.max_days_per_week);
    const minHours = Math.max(0, op.contract_hours_week - settings.rules.hours_below_contract) * share;
    const maxHours = op.contract_hours_week + settings.rules.hours_above_contract;
    const groupKey = `${pool}|${allowed.join(',')}|${op.contract_hours_week}|${available.map(Number).join('')}`;
    if (!groupKeys.has(groupKey))
      groupKeys.set(
        groupKey,
        groups.push({ pool, templates: allowed, members: [], minHours, maxHours, available }) - 1,
      );
    const group = groupKeys.get(groupKey)!;
    const index = operators.length;
    groups[group].members.push(index);
    operators.push({ ...op, index, pool, group, templates: allowed, available, minHours, maxHours });
  }
  const step = intervalMinutes;
  return {
    input,
    dates,
    intervalMinutes,
    slotsPerDay,
    skills,
    required,
    templates,
    pools,
    groups,
    operators,
    excluded,
    openSlot: Math.floor(minutesOf(settings.opening.from) / step),
    closeSlot: Math.ceil(minutesOf(settings.opening.to) / step),
  };
}

function leaveDays(settings: RosterSettings, dates: string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const u of settings.unavailability) {
    const set = out.get(u.agent_id) ?? new Set<string>();
    for (const d of dates) if (d >= u.from && d <= u.to) set.add(d);
    out.set(u.agent_id, set);
  }
  return out;
}

/** Off-runs of `length` consecutive days inside the week: the day-off patterns. */
export function offRuns(days: number, length: number): number[] {
  return Array.from({ length: Math.max(1, days - length + 1) }, (_, i) => i);
}
