/**
 * A month's payroll (`payroll --month --json`, DESIGN §9) and the what-if comparison of two runs.
 */
import { workingDaysInMonth } from '../calendar/kz-calendar.ts';
import { dayNumber, monthBounds } from '../calendar/iso-date.ts';
import { payLine, type OperatorMonthFacts, type PayLine } from './pay-line.ts';
import { payRuleInForce, type PayConfig } from './pay-rules.ts';
import type { PayLang } from './pay-reasons.ts';

export interface PayRun {
  month: string;
  operators: PayLine[];
}

export interface PayRunOptions {
  lang?: PayLang;
  /** Working days of `month` counted from `fromDate` (inclusive); default Kazakhstan's calendar. */
  workingDays?: (month: string, fromDate?: string) => number;
}

/**
 * The operator's working days (DESIGN §9): Monday–Friday of the month minus public holidays,
 * with transfers, counted from `hired_at` when that falls inside the month.
 */
export function operatorWorkingDays(
  month: string,
  hiredAt: string | null,
  workingDays: (month: string, fromDate?: string) => number = workingDaysInMonth,
): number {
  const [first, last] = monthBounds(month);
  if (hiredAt !== null) dayNumber(hiredAt); // validates
  return hiredAt !== null && hiredAt > first && hiredAt <= last ? workingDays(month, hiredAt) : workingDays(month);
}

/**
 * Pay lines for every operator of a month, in the order of `facts`, under the rule set in force
 * on the month's first day.
 * @throws RangeError when no rule set is in force for the month, or for impossible facts.
 */
export function payRun(
  month: string,
  facts: readonly OperatorMonthFacts[],
  config: PayConfig,
  options: PayRunOptions = {},
): PayRun {
  const rule = payRuleInForce(config, month);
  if (!rule) {
    const starts = config.rules.map((r) => r.from).sort()[0];
    throw new RangeError(`no pay rule in force on ${month}-01${starts ? `; the earliest starts ${starts}` : ''}`);
  }
  const operators = facts.map((f) =>
    payLine({
      facts: f,
      rule,
      full_time_hours_week: config.full_time_hours_week,
      working_days: operatorWorkingDays(month, f.hired_at, options.workingDays),
      lang: options.lang,
    }),
  );
  return { month, operators };
}

export interface PayLineDifference {
  agent_id: string;
  /** null when the operator is absent from that run. */
  base_total_tiyn: number | null;
  draft_total_tiyn: number | null;
  guaranteed_diff_tiyn: number;
  bonus_diff_tiyn: number;
  /** draft − base; an operator absent from a run counts 0 there. */
  total_diff_tiyn: number;
}

export interface PayRunDifference {
  month: string;
  /** Base order first, then operators only in the draft; operators whose pay is unchanged included. */
  operators: PayLineDifference[];
  base_total_tiyn: number;
  draft_total_tiyn: number;
  total_diff_tiyn: number;
}

/**
 * What-if: the difference draft − base per operator and in total, e.g. a draft rule set against
 * the month as paid, or a closed month's snapshot against a recomputation with late data.
 * @throws RangeError when the runs are of different months.
 */
export function payRunDifference(base: PayRun, draft: PayRun): PayRunDifference {
  if (base.month !== draft.month) throw new RangeError(`cannot compare ${base.month} with ${draft.month}`);
  const drafts = new Map(draft.operators.map((l) => [l.agent_id, l]));
  const seen = new Set<string>();
  const operators: PayLineDifference[] = [];
  const diff = (b: PayLine | undefined, d: PayLine | undefined, agentId: string): PayLineDifference => ({
    agent_id: agentId,
    base_total_tiyn: b ? b.total_tiyn : null,
    draft_total_tiyn: d ? d.total_tiyn : null,
    guaranteed_diff_tiyn: (d?.guaranteed_tiyn ?? 0) - (b?.guaranteed_tiyn ?? 0),
    bonus_diff_tiyn: (d?.bonus_tiyn ?? 0) - (b?.bonus_tiyn ?? 0),
    total_diff_tiyn: (d?.total_tiyn ?? 0) - (b?.total_tiyn ?? 0),
  });
  for (const b of base.operators) {
    seen.add(b.agent_id);
    operators.push(diff(b, drafts.get(b.agent_id), b.agent_id));
  }
  for (const d of draft.operators) if (!seen.has(d.agent_id)) operators.push(diff(undefined, d, d.agent_id));
  const sum = (lines: PayLine[]) => lines.reduce((s, l) => s + l.total_tiyn, 0);
  const baseTotal = sum(base.operators);
  const draftTotal = sum(draft.operators);
  return {
    month: base.month,
    operators,
    base_total_tiyn: baseTotal,
    draft_total_tiyn: draftTotal,
    total_diff_tiyn: draftTotal - baseTotal,
  };
}

/** The what-if of a draft rule set against the current one on the same facts. */
export function whatIfPayRun(
  month: string,
  facts: readonly OperatorMonthFacts[],
  current: PayConfig,
  draft: PayConfig,
  options: PayRunOptions = {},
): PayRunDifference {
  return payRunDifference(payRun(month, facts, current, options), payRun(month, facts, draft, options));
}
