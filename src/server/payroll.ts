/**
 * A month's payroll (DESIGN §9) for `kezek payroll`, GET /api/payroll and the HR pages: facts
 * from ClickHouse, pay lines from the pure domain, and — for a closed month — the frozen lines
 * with the differences later data would make (`payroll-close.ts`).
 */
import type { ClickHouseClient } from '@clickhouse/client';
import { monthBounds } from '../domain/calendar/iso-date.ts';
import { payLine, type PayLine } from '../domain/pay/pay-line.ts';
import type { PayLang } from '../domain/pay/pay-reasons.ts';
import { payRuleInForce, type PayConfig, type PayRule } from '../domain/pay/pay-rules.ts';
import { operatorWorkingDays } from '../domain/pay/pay-run.ts';
import type { KezekConfig } from './config.ts';
import { InputError } from './input-error.ts';
import {
  fetchPayrollFacts,
  localMonthRange,
  type OperatorMonthRecord,
  type PayFacts,
} from './queries/payroll-facts.ts';
import { localDateOf } from '../domain/time/local-dates.ts';

export type { PayFacts } from './queries/payroll-facts.ts';
import { fetchClosedMonth, fetchFrozenLines, type ClosedMonth, type FrozenLine } from './queries/payroll-snapshot.ts';

export const PAY_LANGS: readonly PayLang[] = ['en', 'ru', 'kk'];

export interface PayrollContext {
  client: ClickHouseClient;
  config: KezekConfig;
}

/** One operator's difference between a closed month's frozen line and the line data gives now. */
export interface PayrollChange {
  agent_id: string;
  closed_total_tiyn: number | null;
  current_total_tiyn: number | null;
  guaranteed_diff_tiyn: number;
  bonus_diff_tiyn: number;
  total_diff_tiyn: number;
  /** Names of the line's fields whose values differ (e.g. ["ratings", "avg_rating"]). */
  changed: string[];
}

/**
 * The JSON of `payroll --json` and GET /api/payroll: DESIGN §9's `{month, operators}`; a closed
 * month adds `closed_at` and `changes` (empty when later data changes nothing).
 */
export interface PayrollResult {
  month: string;
  operators: PayLine[];
  closed_at?: string;
  changes?: { operators: PayrollChange[]; total_diff_tiyn: number };
}

/** Validates a month 'YYYY-MM'. */
export function parseMonth(raw: string | null | undefined): string {
  if (!raw) throw new InputError('month is required (YYYY-MM)');
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(raw)) throw new InputError(`month: expected YYYY-MM, got "${raw.slice(0, 40)}"`);
  return raw;
}

export function parsePayLang(raw: string | null | undefined, fallback: PayLang = 'en'): PayLang {
  if (raw === null || raw === undefined || raw === '') return fallback;
  if (!(PAY_LANGS as readonly string[]).includes(raw))
    throw new InputError(`lang: expected ru, kk or en, got "${raw.slice(0, 20)}"`);
  return raw as PayLang;
}

/** The rule set in force for the month; an InputError when the config has none. */
export function ruleInForce(pay: PayConfig, month: string): PayRule {
  const rule = payRuleInForce(pay, month);
  if (!rule) {
    const first = pay.rules.map((r) => r.from).sort()[0];
    throw new InputError(`no pay rule in force on ${month}-01${first ? ` (the earliest starts ${first})` : ''}`);
  }
  return rule;
}

/** Pay lines of facts under a pay config (DESIGN §9); impossible rule values are bad input. */
export function linesOf(month: string, facts: readonly PayFacts[], pay: PayConfig, lang: PayLang): PayLine[] {
  const rule = ruleInForce(pay, month);
  try {
    return facts.map((f) =>
      payLine({ facts: f, rule, full_time_hours_week: pay.full_time_hours_week, working_days: f.working_days, lang }),
    );
  } catch (err) {
    if (err instanceof RangeError) throw new InputError(err.message);
    throw err;
  }
}

function payFactsOf(month: string, r: OperatorMonthRecord): PayFacts {
  const working_days = operatorWorkingDays(month, r.facts.hired_at);
  return { ...r.facts, working_days, name: r.name, site: r.site, complaints: r.complaints };
}

/** The month's facts from the stored events, in agent_id order. */
export async function livePayFacts(
  ctx: PayrollContext,
  month: string,
  pay: PayConfig = ctx.config.pay,
  timezone = ctx.config.timezone,
): Promise<PayFacts[]> {
  monthBounds(month);
  const paidPauseReasons = ruleInForce(pay, month).paid_pause_reasons;
  const records = await fetchPayrollFacts(ctx.client, { month, timezone, paidPauseReasons });
  return records.map((r) => payFactsOf(month, r));
}

/** A closed month's frozen lines as pay lines in a language. */
export function frozenPayLines(lines: FrozenLine[], lang: PayLang): PayLine[] {
  return lines.map((l) => ({ ...l.line, reasons: l.reasons[lang] }));
}

export function frozenPayConfig(closed: ClosedMonth): PayConfig {
  return { full_time_hours_week: closed.pay.full_time_hours_week, rules: [closed.pay.rule] };
}

/** The field names of two lines of one operator whose values differ (reasons aside). */
export function changedFields(a: PayLine | undefined, b: PayLine | undefined): string[] {
  if (!a || !b) return ['agent_id'];
  const out: string[] = [];
  for (const key of Object.keys(a) as (keyof PayLine)[]) {
    if (key === 'reasons') continue;
    if (key === 'gates') {
      for (const g of ['hours', 'rating', 'aht'] as const) if (a.gates[g] !== b.gates[g]) out.push(`gates.${g}`);
    } else if (a[key] !== b[key]) out.push(key);
  }
  return out;
}

/** Differences of a closed month's frozen lines against the lines of today's data. */
export function payrollChanges(frozen: PayLine[], current: PayLine[]): NonNullable<PayrollResult['changes']> {
  const now = new Map(current.map((l) => [l.agent_id, l]));
  const was = new Map(frozen.map((l) => [l.agent_id, l]));
  const ids = [...new Set([...was.keys(), ...now.keys()])].sort();
  const operators: PayrollChange[] = [];
  for (const id of ids) {
    const a = was.get(id);
    const b = now.get(id);
    const changed = changedFields(a, b);
    if (changed.length === 0) continue;
    operators.push({
      agent_id: id,
      closed_total_tiyn: a ? a.total_tiyn : null,
      current_total_tiyn: b ? b.total_tiyn : null,
      guaranteed_diff_tiyn: (b?.guaranteed_tiyn ?? 0) - (a?.guaranteed_tiyn ?? 0),
      bonus_diff_tiyn: (b?.bonus_tiyn ?? 0) - (a?.bonus_tiyn ?? 0),
      total_diff_tiyn: (b?.total_tiyn ?? 0) - (a?.total_tiyn ?? 0),
      changed,
    });
  }
  return { operators, total_diff_tiyn: operators.reduce((s, o) => s + o.total_diff_tiyn, 0) };
}

/** Everything the HR pages show of a month: the result plus names and the facts behind it. */
export interface PayrollView {
  result: PayrollResult;
  facts: PayFacts[];
  closed: ClosedMonth | null;
}

/**
 * The month's payroll. An open month is computed from today's data under the config's rules; a
 * closed month shows its frozen lines and, in `changes`, what today's data would make of them
 * under the rules it was closed with — never silently changed.
 */
export async function payrollView(ctx: PayrollContext, month: string, lang: PayLang = 'en'): Promise<PayrollView> {
  parseMonth(month);
  const closed = await fetchClosedMonth(ctx.client, month);
  if (!closed) {
    const facts = await livePayFacts(ctx, month);
    return { result: { month, operators: linesOf(month, facts, ctx.config.pay, lang) }, facts, closed: null };
  }
  const frozen = await fetchFrozenLines(ctx.client, closed);
  const operators = frozenPayLines(frozen, lang);
  const pay = frozenPayConfig(closed);
  const current = linesOf(month, await livePayFacts(ctx, month, pay, closed.timezone), pay, lang);
  return {
    result: { month, operators, closed_at: closed.closed_at, changes: payrollChanges(operators, current) },
    facts: frozen.map((l) => l.facts),
    closed,
  };
}

export async function payrollResult(ctx: PayrollContext, month: string, lang: PayLang = 'en'): Promise<PayrollResult> {
  return (await payrollView(ctx, month, lang)).result;
}

/** The month before the one holding `nowMs` in the centre's zone: HR's default month. */
export function defaultPayrollMonth(timezone: string, nowMs = Date.now()): string {
  const today = localDateOf(nowMs, timezone);
  const [y, m] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** True when the month's last local day is over at `nowMs` (only such a month can be closed). */
export function monthHasEnded(month: string, timezone: string, nowMs = Date.now()): boolean {
  return localMonthRange(month, timezone).endMs <= nowMs;
}
